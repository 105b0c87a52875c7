package org.ansatz.balance.internal;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * Neural-tangent-kernel weights (Wang, Yu &amp; Perdikaris 2022, "When and why PINNs fail to train: a
 * neural tangent kernel perspective"): every {@code every} steps, starting with step 1,
 * {@code lambda_k = sum_j tr_j / tr_k}, where {@code tr_k} is {@link Terms#kernelTrace} of term
 * {@code k} (a Hutchinson estimate with {@code probes} sign vectors, per residual point) drawn from a
 * generator seeded by {@code seed}. Every term is reweighted, the residual included, which gives all
 * terms the same effective kernel trace and so similar convergence rates. Between updates the weights
 * are reused.
 *
 * <p>A term with a zero trace (it does not depend on the parameters) keeps its weight; if any trace
 * is not finite the update is skipped. With a single term there is nothing to balance: the initial
 * weight stays and no trace is computed.
 */
@Component(service = BalancerFactory.class, configurationPid = NtkWeights.PID)
@Designate(ocd = NtkWeights.Config.class)
@AnsatzMethod(name = NtkWeights.NAME,
        description = "NTK weights: equalise the terms' neural-tangent-kernel traces, updated every few steps")
public final class NtkWeights implements BalancerFactory {

    static final String NAME = "ntk";
    static final String PID = "org.ansatz.balance.ntk";

    @ObjectClassDefinition(name = "NTK balancer",
            description = "Defaults for the balance.* options of runs that use balancer ntk")
    public @interface Config {
        @AttributeDefinition(description = "Steps between weight updates")
        int every() default 100;

        @AttributeDefinition(description = "Random sign vectors per trace estimate (each costs a backward pass)")
        int probes() default 4;

        @AttributeDefinition(description = "Seed of the probe vectors")
        int seed() default 0;
    }

    record Settings(int every, int probes, int seed) {
        static final Settings DEFAULT = new Settings(100, 4, 0);

        static Settings read(Options o, Settings d) {
            return new Settings(o.integer("every", d.every, 1), o.integer("probes", d.probes, 1),
                    o.integer("seed", d.seed, Integer.MIN_VALUE));
        }
    }

    private volatile Settings defaults = Settings.DEFAULT;

    public NtkWeights() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config c) {
        Options o = Balancers.configOptions(PID,
                Map.of("every", c.every(), "probes", c.probes(), "seed", c.seed()));
        defaults = Settings.read(o, Settings.DEFAULT);
    }

    @Override
    public Balancer create(List<String> terms, double[] initial, Map<String, Object> options) {
        double[] weights = Balancers.initial(NAME, terms, initial);
        Options o = Balancers.runOptions(options);
        Settings s = Settings.read(o, defaults);
        o.checkAllRead("balancer " + NAME);
        return new Run(List.copyOf(terms), weights, s);
    }

    private static final class Run implements Balancer {
        private final List<String> names;
        private final double[] weights;
        private final Settings settings;
        /** Updates so far: with the seed it gives each update's generator, and a checkpoint saves it. */
        private long updates;

        Run(List<String> names, double[] weights, Settings settings) {
            this.names = names;
            this.weights = weights;
            this.settings = settings;
        }

        @Override
        public Balance balance(long step, Terms terms) {
            Balancers.check(NAME, names, step, terms);
            if (names.size() > 1 && (step - 1) % settings.every == 0) {
                update(terms);
            }
            return Balance.weights(weights.clone());
        }

        private void update(Terms terms) {
            int m = names.size();
            double[] trace = new double[m];
            double sum = 0;
            SplittableRandom random = Balancers.draw(settings.seed, updates++);
            for (int k = 0; k < m; k++) {
                trace[k] = terms.kernelTrace(k, settings.probes, random);
                if (!(trace[k] >= 0) || Double.isInfinite(trace[k])) {
                    // A trace estimate is a mean of squares: negative or NaN means something diverged.
                    return;
                }
                sum += trace[k];
            }
            for (int k = 0; k < m; k++) {
                if (trace[k] > 0) {
                    weights[k] = sum / trace[k];
                }
            }
        }
    }
}
