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
 * SoftAdapt (Heydari, Thompson &amp; Mehmood 2019, "SoftAdapt: techniques for adaptive loss
 * weighting of neural networks with multi-part loss functions"). From the losses alone (no
 * gradients): rates {@code s_k = L_k(t) - L_k(t-1)}, or with {@code normalized=true} the relative
 * change {@code s_k / L_k(t-1)}; weights {@code w_k = K softmax(beta s)_k}, or with
 * {@code loss_weighted=true} {@code w_k ∝ L_k exp(beta s_k)}, always scaled to sum to the number of
 * terms {@code K}. A term whose loss stalls or grows thus gains weight. The first call returns the
 * initial weights (there is no rate yet); later calls ignore them.
 *
 * <p>A relative rate with {@code L_k(t-1) = 0} is taken as 0 (no measurable change). Non-finite
 * losses leave the state alone and repeat the last weights, since the trainer will restore an earlier
 * state.
 */
@Component(service = BalancerFactory.class, configurationPid = SoftAdapt.PID)
@Designate(ocd = SoftAdapt.Config.class)
@AnsatzMethod(name = SoftAdapt.NAME, description = "SoftAdapt: weights from a softmax of the loss rates of change")
public final class SoftAdapt implements BalancerFactory {

    static final String NAME = "softadapt";
    static final String PID = "org.ansatz.balance.softadapt";

    @ObjectClassDefinition(name = "SoftAdapt balancer",
            description = "Defaults for the balance.* options of runs that use balancer softadapt")
    public @interface Config {
        @AttributeDefinition(description = "Softmax inverse temperature (>= 0); 0 gives equal weights")
        double beta() default 0.1;

        @AttributeDefinition(description = "Use relative rates (L(t) - L(t-1)) / L(t-1)")
        boolean normalized() default false;

        /** Property {@code loss_weighted} (a double underscore maps to one). */
        @AttributeDefinition(description = "Multiply each softmax numerator by the term's loss")
        boolean loss__weighted() default false;
    }

    record Settings(double beta, boolean normalized, boolean lossWeighted) {
        static final Settings DEFAULT = new Settings(0.1, false, false);

        static Settings read(Options o, Settings d) {
            return new Settings(o.real("beta", d.beta, 0), o.flag("normalized", d.normalized),
                    o.flag("loss_weighted", d.lossWeighted));
        }
    }

    private volatile Settings defaults = Settings.DEFAULT;

    public SoftAdapt() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config c) {
        Options o = Balancers.configOptions(PID,
                Map.of("beta", c.beta(), "normalized", c.normalized(), "loss_weighted", c.loss__weighted()));
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
        private final Settings settings;
        private double[] weights;
        private double[] previous;

        Run(List<String> names, double[] weights, Settings settings) {
            this.names = names;
            this.weights = weights;
            this.settings = settings;
        }

        @Override
        public Balance balance(long step, Terms terms) {
            Balancers.check(NAME, names, step, terms);
            double[] loss = terms.losses();
            if (!LinAlg.allFinite(loss)) {
                return Balance.weights(weights.clone());
            }
            if (previous != null) {
                int m = loss.length;
                double[] z = new double[m];
                for (int k = 0; k < m; k++) {
                    double s = loss[k] - previous[k];
                    if (settings.normalized) {
                        s = previous[k] > 0 ? s / previous[k] : 0;
                    }
                    z[k] = settings.beta == 0 ? 0 : settings.beta * s; // 0 * inf would be NaN
                }
                weights = Balancers.softmax(z, settings.lossWeighted ? loss : null, m);
            }
            previous = loss;
            return Balance.weights(weights.clone());
        }
    }
}
