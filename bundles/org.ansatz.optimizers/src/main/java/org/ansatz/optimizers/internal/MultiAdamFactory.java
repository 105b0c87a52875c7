package org.ansatz.optimizers.internal;

import java.util.ArrayList;
import java.util.List;
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
 * MultiAdam; defaults configured under PID {@value #PID}, overridden per run by options
 * {@code beta1}, {@code beta2}, {@code eps}, {@code groups}.
 */
@Component(service = OptimizerFactory.class, configurationPid = MultiAdamFactory.PID)
@Designate(ocd = MultiAdamFactory.Config.class)
@AnsatzMethod(name = "multiadam",
        description = "MultiAdam (Yao et al.): Adam moments per loss term, scale-invariant across terms")
public class MultiAdamFactory implements OptimizerFactory {

    static final String PID = "org.ansatz.optimizer.multiadam";

    @ObjectClassDefinition(name = "Optimizer multiadam",
            description = "Defaults of optimizer multiadam; options override them")
    public @interface Config {
        @AttributeDefinition(description = "Decay rate of the first-moment averages, in [0, 1)")
        double beta1() default 0.99;

        @AttributeDefinition(description = "Decay rate of the second-moment averages, in [0, 1)")
        double beta2() default 0.99;

        @AttributeDefinition(description = "Added to the root of the second moments; >= 0")
        double eps() default 1e-8;

        @AttributeDefinition(description = "Comma-separated loss terms given groups of their own; the other "
                + "terms form one more group. Empty: one group per term", required = false)
        String groups() default "";
    }

    private volatile double beta1 = 0.99;
    private volatile double beta2 = 0.99;
    private volatile double eps = 1e-8;
    private volatile List<String> groups = List.of();

    public MultiAdamFactory() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config config) {
        Settings s = Settings.configuration(PID, Map.of("beta1", config.beta1(), "beta2", config.beta2(), "eps",
                config.eps(), "groups", config.groups() == null ? "" : config.groups()));
        beta1 = s.beta("beta1", 0.99);
        beta2 = s.beta("beta2", 0.99);
        eps = s.real("eps", 1e-8, 0);
        groups = groups(s, List.of());
    }

    @Override
    public Optimizer create(int dimension, Map<String, Object> options) {
        Settings s = Settings.run(options);
        double b1 = s.beta("beta1", beta1);
        double b2 = s.beta("beta2", beta2);
        double e = s.real("eps", eps, 0);
        List<String> g = groups(s, groups);
        s.checkAllRead("optimizer multiadam");
        return new MultiAdam(dimension, b1, b2, e, g, s.name("groups"));
    }

    /** Distinct, non-empty term names; an empty setting means one group per term. */
    private static List<String> groups(Settings s, List<String> fallback) {
        String text = s.string("groups", null);
        if (text == null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String part : text.split(",", -1)) {
            String name = part.trim();
            if (name.isEmpty() || out.contains(name)) {
                throw new IllegalArgumentException(s.name("groups") + " must be distinct comma-separated loss term "
                        + "names, got '" + text + "'");
            }
            out.add(name);
        }
        return out;
    }
}
