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
import org.osgi.service.metatype.annotations.Option;

/**
 * Learning-rate annealing (Wang, Teng &amp; Perdikaris 2021, "Understanding and mitigating gradient
 * flow pathologies in physics-informed neural networks"). Every {@code every} steps, starting with
 * step 1, it back-propagates each term once and moves the weights towards
 * <ul>
 * <li>{@code statistic=max} (the paper): {@code lambda_hat_k = w_0 max_i |grad L_0|_i / mean_i
 * |grad L_k|_i} for the conditions {@code k >= 1}; the residual weight {@code w_0} stays at its
 * initial value (it appears in the numerator so that scaling it scales all weights alike);</li>
 * <li>{@code statistic=norm} (Wang et al. 2023, "An expert's guide to training physics-informed
 * neural networks"): {@code lambda_hat_k = sum_j |grad L_j| / |grad L_k|} for every term, the
 * residual included, which equalises the weighted gradient norms;</li>
 * </ul>
 * by the moving average {@code lambda_k = (1 - alpha) lambda_k + alpha lambda_hat_k}. Between
 * updates it reuses the weights and asks for no gradient. A term whose gradient is zero keeps its
 * weight (the statistic is undefined), and so do all when the weighted residual gradient is zero
 * ({@code max}); if any gradient is not finite the update is skipped, since the
 * trainer will restore an earlier state. With a single term there is nothing to balance and no
 * gradient is requested.
 */
@Component(service = BalancerFactory.class, configurationPid = Annealing.PID)
@Designate(ocd = Annealing.Config.class)
@AnsatzMethod(name = Annealing.NAME,
        description = "Learning-rate annealing: weights from gradient statistics, updated every few steps")
public final class Annealing implements BalancerFactory {

    static final String NAME = "annealing";
    static final String PID = "org.ansatz.balance.annealing";

    @ObjectClassDefinition(name = "Learning-rate annealing balancer",
            description = "Defaults for the balance.* options of runs that use balancer annealing")
    public @interface Config {
        @AttributeDefinition(description = "Steps between weight updates (each costs one backward pass per term)")
        int every() default 10;

        @AttributeDefinition(description = "Moving-average factor in [0, 1] given to the new estimate")
        double alpha() default 0.1;

        @AttributeDefinition(description = "max: max|grad pde| / mean|grad L_k| (2021 paper); "
                + "norm: sum_j |grad L_j| / |grad L_k| (2023 guide)",
                options = {@Option(value = "max", label = "max"), @Option(value = "norm", label = "norm")})
        String statistic() default "max";
    }

    record Settings(int every, double alpha, String statistic) {
        static final Settings DEFAULT = new Settings(10, 0.1, "max");

        static Settings read(Options o, Settings d) {
            return new Settings(o.integer("every", d.every, 1), o.real("alpha", d.alpha, 0, 1),
                    o.choice("statistic", d.statistic, List.of("max", "norm")));
        }
    }

    private volatile Settings defaults = Settings.DEFAULT;

    public Annealing() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config c) {
        Options o = Balancers.configOptions(PID,
                Map.of("every", c.every(), "alpha", c.alpha(), "statistic", c.statistic()));
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
            double[][] g = new double[m][];
            for (int k = 0; k < m; k++) {
                g[k] = terms.gradient(k);
                Balancers.checkGradient(NAME, names.get(k), g[k], g[0].length);
                if (!LinAlg.allFinite(g[k])) {
                    return;
                }
            }
            double[] hat = new double[m];
            if (settings.statistic.equals("max")) {
                double top = weights[0] * LinAlg.maxAbs(g[0]);
                if (!(top > 0)) {
                    return; // a satisfied (or unweighted) residual says nothing about the others' scale
                }
                hat[0] = Double.NaN; // the residual weight is not updated
                for (int k = 1; k < m; k++) {
                    hat[k] = top / LinAlg.meanAbs(g[k]);
                }
            } else {
                double[] norms = new double[m];
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    norms[k] = LinAlg.norm(g[k]);
                    sum += norms[k];
                }
                for (int k = 0; k < m; k++) {
                    hat[k] = sum / norms[k];
                }
            }
            for (int k = 0; k < m; k++) {
                // 0/0 and x/0 (a term that does not depend on the parameters) leave the weight as is.
                if (Double.isFinite(hat[k])) {
                    weights[k] = (1 - settings.alpha) * weights[k] + settings.alpha * hat[k];
                }
            }
        }
    }
}
