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
 * M-ConFIG, the momentum variant of {@link ConFIG} (same paper): each step back-propagates ONE term,
 * cycling {@code k = (step - 1) mod K}, updates that term's first moment
 * {@code m_k = beta1 m_k + (1 - beta1) g_k}, and descends the {@link ConflictFree} combination of the
 * bias-corrected moments {@code m_k / (1 - beta1^{n_k})}, {@code n_k} being how often term {@code k}
 * was updated. The other terms' moments are reused as they are; terms not yet back-propagated (the
 * first {@code K - 1} steps) are left out. A step thus costs one backward pass instead of {@code K}.
 *
 * <p><b>Optimizer.</b> The direction already is a momentum average; an optimizer that adds its own
 * first moment averages twice and lags. Use Adam with {@code beta1 = 0} (the paper's M-ConFIG keeps
 * Adam's second moment on the combined direction only), or plain gradient descent.
 *
 * <p><b>Weights.</b> The direction is not the gradient of any weighted sum of the current losses, so
 * the returned weights are the initial ones: the reported loss stays comparable from step to step.
 * Line-search optimizers do not fit this method. A non-finite gradient is not folded into the moments;
 * that step returns NaN weights and direction so that the trainer restores its last good state.
 */
@Component(service = BalancerFactory.class, configurationPid = MConFIG.PID)
@Designate(ocd = MConFIG.Config.class)
@AnsatzMethod(name = MConFIG.NAME,
        description = "M-ConFIG: ConFIG on per-term gradient momenta, one backward pass a step (use adam with beta1=0)")
public final class MConFIG implements BalancerFactory {

    static final String NAME = "mconfig";
    static final String PID = "org.ansatz.balance.mconfig";

    @ObjectClassDefinition(name = "M-ConFIG balancer",
            description = "Defaults for the balance.* options of runs that use balancer mconfig")
    public @interface Config {
        @AttributeDefinition(description = "Decay in [0, 1) of the per-term first moments")
        double beta1() default 0.9;
    }

    record Settings(double beta1) {
        static final Settings DEFAULT = new Settings(0.9);

        static Settings read(Options o, String prefix, Settings d) {
            double b = o.real("beta1", d.beta1, 0, 1);
            if (b == 1) {
                // The moments would never move and the bias correction would divide by zero.
                throw new IllegalArgumentException(prefix + "beta1 must be a number in [0, 1), got '" + b + "'");
            }
            return new Settings(b);
        }
    }

    private volatile Settings defaults = Settings.DEFAULT;

    public MConFIG() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config c) {
        defaults = Settings.read(Balancers.configOptions(PID, Map.of("beta1", c.beta1())), PID + ".",
                Settings.DEFAULT);
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
        private final double[] weights;
        private final double beta1;
        private final double[][] moments;
        private final long[] updates;
        private int n = -1;

        Run(List<String> names, double[] weights, Settings settings) {
            this.names = names;
            this.weights = weights;
            this.beta1 = settings.beta1;
            this.moments = new double[names.size()][];
            this.updates = new long[names.size()];
        }

        @Override
        public Balance balance(long step, Terms terms) {
            Balancers.check(NAME, names, step, terms);
            int m = names.size();
            int k = (int) ((step - 1) % m);
            double[] g = terms.gradient(k);
            if (n < 0) {
                n = g == null ? 0 : g.length;
            }
            Balancers.checkGradient(NAME, names.get(k), g, n);
            if (!LinAlg.allFinite(g)) {
                return new Balance(Balancers.nanVector(m), Balancers.nanVector(n));
            }
            if (moments[k] == null) {
                moments[k] = new double[n];
            }
            double[] mk = moments[k];
            for (int i = 0; i < n; i++) {
                mk[i] = beta1 * mk[i] + (1 - beta1) * g[i];
            }
            updates[k]++;
            return new Balance(weights.clone(), ConflictFree.combine(corrected(), n).direction());
        }

        /** Bias-corrected moments; {@code null} for terms not yet seen. */
        double[][] corrected() {
            double[][] out = new double[moments.length][];
            for (int j = 0; j < out.length; j++) {
                if (moments[j] != null) {
                    double scale = 1 / (1 - Math.pow(beta1, updates[j]));
                    out[j] = new double[n];
                    LinAlg.axpy(scale, moments[j], out[j]);
                }
            }
            return out;
        }
    }
}
