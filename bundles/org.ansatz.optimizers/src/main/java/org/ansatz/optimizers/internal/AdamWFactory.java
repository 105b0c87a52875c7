package org.ansatz.optimizers.internal;

import java.util.Map;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.optim.Optimizer;
import org.ansatz.api.optim.OptimizerFactory;
import org.ansatz.optimizers.internal.AdamFactory.Hyper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * AdamW: Adam with decoupled weight decay, {@code x -= lr * weight_decay * x} besides Adam's step;
 * defaults configured under PID {@value #PID}, overridden per run by options {@code beta1},
 * {@code beta2}, {@code eps}, {@code weight_decay}.
 */
@Component(service = OptimizerFactory.class, configurationPid = AdamWFactory.PID)
@Designate(ocd = AdamWFactory.Config.class)
@AnsatzMethod(name = "adamw", description = "AdamW (Loshchilov and Hutter): Adam with decoupled weight decay")
public class AdamWFactory implements OptimizerFactory {

    static final String PID = "org.ansatz.optimizer.adamw";
    static final Hyper ADAMW = new Hyper(0.9, 0.999, 1e-8, 1e-2);

    @ObjectClassDefinition(name = "Optimizer adamw", description = "Defaults of optimizer adamw; options override them")
    public @interface Config {
        @AttributeDefinition(description = "Decay rate of the first-moment average, in [0, 1)")
        double beta1() default 0.9;

        @AttributeDefinition(description = "Decay rate of the second-moment average, in [0, 1)")
        double beta2() default 0.999;

        @AttributeDefinition(description = "Added to the root of the second moment; >= 0")
        double eps() default 1e-8;

        /** Property {@code weight_decay} (a double underscore maps to one). */
        @AttributeDefinition(description = "Fraction of x removed per unit learning rate; >= 0")
        double weight__decay() default 1e-2;
    }

    private Hyper defaults = ADAMW;

    public AdamWFactory() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config config) {
        defaults = ADAMW.read(Settings.configuration(PID, Map.of("beta1", config.beta1(), "beta2", config.beta2(),
                "eps", config.eps(), "weight_decay", config.weight__decay())), true);
    }

    @Override
    public Optimizer create(int dimension, Map<String, Object> options) {
        Settings settings = Settings.run(options);
        Hyper h = defaults.read(settings, true);
        settings.checkAllRead("optimizer adamw");
        return new Adam("adamw", dimension, h.beta1(), h.beta2(), h.eps(), h.weightDecay());
    }
}
