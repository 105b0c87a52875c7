package org.ansatz.optimizers.internal;

import java.util.Map;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.optim.Optimizer;
import org.ansatz.api.optim.OptimizerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * L-BFGS with a strong-Wolfe line search, one iteration per step; defaults configured under PID
 * {@value #PID}, overridden per run by options {@code history} and {@code tolerance}.
 */
@Component(service = OptimizerFactory.class, configurationPid = LbfgsFactory.PID)
@Designate(ocd = LbfgsFactory.Config.class)
@AnsatzMethod(name = "lbfgs", description = "L-BFGS with a strong-Wolfe line search (ignores the learning rate)")
public class LbfgsFactory implements OptimizerFactory {

    static final String PID = "org.ansatz.optimizer.lbfgs";

    @ObjectClassDefinition(name = "Optimizer lbfgs", description = "Defaults of optimizer lbfgs; options override them")
    public @interface Config {
        @AttributeDefinition(description = "Curvature pairs kept; >= 1")
        int history() default 50;

        @AttributeDefinition(description = "Converged once the gradient norm is at most this; >= 0")
        double tolerance() default 0;
    }

    private volatile int history = 50;
    private volatile double tolerance = 0;

    public LbfgsFactory() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config config) {
        Settings s = Settings.configuration(PID, Map.of("history", config.history(), "tolerance", config.tolerance()));
        history = s.integer("history", 50, 1);
        tolerance = s.real("tolerance", 0, 0);
    }

    @Override
    public Optimizer create(int dimension, Map<String, Object> options) {
        Settings s = Settings.run(options);
        int h = s.integer("history", history, 1);
        double tol = s.real("tolerance", tolerance, 0);
        s.checkAllRead("optimizer lbfgs");
        return new Lbfgs(dimension, h, tol);
    }
}
