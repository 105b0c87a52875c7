package org.ansatz.balance.internal;

import java.util.List;
import java.util.Map;
import org.ansatz.api.balance.Balance;
import org.ansatz.api.balance.Balancer;
import org.ansatz.api.balance.BalancerFactory;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.Options;
import org.ansatz.api.optim.Terms;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Relative loss balancing with random lookback, ReLoBRaLo (Bischof &amp; Kraus 2021, "Multi-objective
 * loss balancing for physics-informed deep learning"). From the losses alone (no gradients):
 *
 * <pre>
 * bal(t, t')_k = K softmax_k( L_k(t) / (T L_k(t')) )
 * lambda(t)    = alpha (rho lambda(t-1) + (1 - rho) bal(t, 0)) + (1 - alpha) bal(t, t-1)
 * </pre>
 *
 * with {@code rho} a Bernoulli draw of mean {@code saudade} from a generator seeded by {@code seed},
 * so runs repeat exactly. "Time 0" is the first call, which returns the initial weights and records
 * the reference losses; {@code lambda} starts from the initial weights. A ratio whose reference loss
 * is exactly 0 is taken as 1 (no measurable change). Non-finite losses leave the state alone and
 * repeat the last weights.
 */
@Component(service = BalancerFactory.class, configurationPid = ReLoBRaLo.PID)
@Designate(ocd = ReLoBRaLo.Config.class)
@AnsatzMethod(name = ReLoBRaLo.NAME,
        description = "ReLoBRaLo: relative loss balancing with random lookback to the initial losses")
public final class ReLoBRaLo implements BalancerFactory {

    static final String NAME = "relobralo";
    static final String PID = "org.ansatz.balance.relobralo";

    @ObjectClassDefinition(name = "ReLoBRaLo balancer",
            description = "Defaults for the balance.* options of runs that use balancer relobralo")
    public @interface Config {
        @AttributeDefinition(description = "Weight in [0, 1] of the history against the last step's balance")
        double alpha() default 0.999;

        @AttributeDefinition(description = "Probability in [0, 1] of keeping the history rather than looking "
                + "back to the initial losses (E[rho])")
        double saudade() default 0.999;

        @AttributeDefinition(description = "Softmax temperature (> 0)")
        double temperature() default 0.1;

        @AttributeDefinition(description = "Seed of the lookback draws")
        int seed() default 0;
    }

    record Settings(double alpha, double saudade, double temperature, int seed) {
        static final Settings DEFAULT = new Settings(0.999, 0.999, 0.1, 0);

        static Settings read(Options o, String prefix, Settings d) {
            return new Settings(o.real("alpha", d.alpha, 0, 1), o.real("saudade", d.saudade, 0, 1),
                    Balancers.positive(o, prefix, "temperature", d.temperature),
                    o.integer("seed", d.seed, Integer.MIN_VALUE));
        }
    }

    private volatile Settings defaults = Settings.DEFAULT;

    public ReLoBRaLo() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config c) {
        Options o = Balancers.configOptions(PID, Map.of("alpha", c.alpha(), "saudade", c.saudade(),
                "temperature", c.temperature(), "seed", c.seed()));
        defaults = Settings.read(o, PID + ".", Settings.DEFAULT);
    }

    @Override
    public Balancer create(List<String> terms, double[] initial, Map<String, Object> options) {
        double[] weights = Balancers.initial(NAME, terms, initial);
        Options o = Balancers.runOptions(options);
        Settings s = Settings.read(o, Balancers.PREFIX, defaults);
        o.checkAllRead("balancer " + NAME);
        return new Run(List.copyOf(terms), weights, s);
    }

    private static final class Run implements Balancer {
        private final List<String> names;
        private final Settings settings;
        /*
         * The lookback draws come from a generator per draw, derived from the seed and a counter, rather
         * than one long-lived generator: the counter is plain data a checkpoint saves, so a resumed run
         * draws what the uninterrupted one would.
         */
        private long draws;
        private double[] lambda;
        private double[] first;
        private double[] previous;

        Run(List<String> names, double[] weights, Settings settings) {
            this.names = names;
            this.lambda = weights;
            this.settings = settings;
        }

        @Override
        public Balance balance(long step, Terms terms) {
            Balancers.check(NAME, names, step, terms);
            double[] loss = terms.losses();
            if (!LinAlg.allFinite(loss)) {
                return Balance.weights(lambda.clone());
            }
            if (first == null) {
                first = loss;
            } else {
                double[] fromStart = relative(loss, first);
                double[] fromLast = relative(loss, previous);
                // nextDouble() is in [0, 1): saudade 1 always keeps the history, 0 never does.
                double rho = Balancers.draw(settings.seed, draws++).nextDouble() < settings.saudade ? 1 : 0;
                double a = settings.alpha;
                double[] next = new double[loss.length];
                for (int k = 0; k < next.length; k++) {
                    next[k] = a * (rho * lambda[k] + (1 - rho) * fromStart[k]) + (1 - a) * fromLast[k];
                }
                lambda = next;
            }
            previous = loss;
            return Balance.weights(lambda.clone());
        }

        /** {@code K softmax(L(t) / (T L(t')))}. */
        private double[] relative(double[] loss, double[] reference) {
            double[] z = new double[loss.length];
            for (int k = 0; k < z.length; k++) {
                double ratio = reference[k] > 0 ? loss[k] / reference[k] : 1;
                z[k] = ratio / settings.temperature; // may overflow to +inf, which softmax handles
            }
            return Balancers.softmax(z, null, z.length);
        }
    }
}
