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
 * Adam; defaults configured under PID {@value #PID}, overridden per run by options {@code beta1},
 * {@code beta2}, {@code eps}.
 */
@Component(service = OptimizerFactory.class, configurationPid = AdamFactory.PID)
@Designate(ocd = AdamFactory.Config.class)
@AnsatzMethod(name = "adam", description = "Adam (Kingma and Ba): per-parameter steps from gradient moments")
public class AdamFactory implements OptimizerFactory {

    static final String PID = "org.ansatz.optimizer.adam";

    @ObjectClassDefinition(name = "Optimizer adam", description = "Defaults of optimizer adam; options override them")
    public @interface Config {
        @AttributeDefinition(description = "Decay rate of the first-moment average, in [0, 1)")
        double beta1() default 0.9;

        @AttributeDefinition(description = "Decay rate of the second-moment average, in [0, 1)")
        double beta2() default 0.999;

        @AttributeDefinition(description = "Added to the root of the second moment; >= 0")
        double eps() default 1e-8;
    }

    /** Adam's hyperparameters; {@code weightDecay} is 0 for plain Adam. */
    record Hyper(double beta1, double beta2, double eps, double weightDecay) {

        static final Hyper ADAM = new Hyper(0.9, 0.999, 1e-8, 0);

        /** These values overridden by {@code settings}; {@code weight_decay} is read only when decoupled. */
        Hyper read(Settings settings, boolean decoupled) {
            return new Hyper(settings.beta("beta1", beta1), settings.beta("beta2", beta2),
                    settings.real("eps", eps, 0), decoupled ? settings.real("weight_decay", weightDecay, 0) : 0);
        }
    }

    private Hyper defaults = Hyper.ADAM;

    public AdamFactory() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config config) {
        defaults = Hyper.ADAM.read(Settings.configuration(PID,
                Map.of("beta1", config.beta1(), "beta2", config.beta2(), "eps", config.eps())), false);
    }

    @Override
    public Optimizer create(int dimension, Map<String, Object> options) {
        Settings settings = Settings.run(options);
        Hyper h = defaults.read(settings, false);
        settings.checkAllRead("optimizer adam");
        return new Adam("adam", dimension, h.beta1(), h.beta2(), h.eps(), 0);
    }
}
