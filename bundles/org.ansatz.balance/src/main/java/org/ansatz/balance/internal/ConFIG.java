package org.ansatz.balance.internal;

import java.util.List;
import java.util.Map;
import org.ansatz.api.balance.Balance;
import org.ansatz.api.balance.Balancer;
import org.ansatz.api.balance.BalancerFactory;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.Options;
import org.ansatz.api.optim.Terms;
import org.osgi.service.component.annotations.Component;

/**
 * ConFIG, conflict-free inverse gradients (Liu, Chu &amp; Thuerey 2024, ICLR 2025): every step
 * back-propagates each term once ({@code K} backward passes) and descends the direction
 * {@link ConflictFree} builds from the raw term gradients: it has a positive dot product with every
 * term's gradient, the same cosine with all of them, and a length that shrinks as they conflict.
 *
 * <p>The returned weights are the initial ones: they define the loss that is reported, checked against
 * stop targets, and descended by a later line-search stage. The coefficients that express the
 * direction as a combination of the gradients change every step and can be negative when gradients
 * are nearly parallel, which would make a poor objective for L-BFGS. Cases:
 * <ul>
 * <li>a term with a zero gradient is skipped (it has no direction and nothing to lose) and gets
 * coefficient 0;</li>
 * <li>if no term has a non-zero gradient, or no direction decreases all terms (e.g. exactly opposite
 * gradients), the direction is zero and the weights are the initial ones;</li>
 * <li>a non-finite gradient gives NaN weights and direction, so that the trainer sees a non-finite
 * loss and restores its last good state.</li>
 * </ul>
 */
@Component(service = BalancerFactory.class)
@AnsatzMethod(name = ConFIG.NAME,
        description = "ConFIG: a conflict-free update direction from all term gradients (K backward passes a step)")
public final class ConFIG implements BalancerFactory {

    static final String NAME = "config";

    public ConFIG() {
    }

    @Override
    public Balancer create(List<String> terms, double[] initial, Map<String, Object> options) {
        double[] weights = Balancers.initial(NAME, terms, initial);
        Options o = Balancers.runOptions(options);
        o.checkAllRead("balancer " + NAME);
        List<String> names = List.copyOf(terms);
        return (step, t) -> {
            Balancers.check(NAME, names, step, t);
            int m = names.size();
            double[][] g = new double[m][];
            for (int k = 0; k < m; k++) {
                g[k] = t.gradient(k);
                Balancers.checkGradient(NAME, names.get(k), g[k], g[0].length);
            }
            int n = g[0].length;
            for (double[] gk : g) {
                if (!LinAlg.allFinite(gk)) {
                    return new Balance(Balancers.nanVector(m), Balancers.nanVector(n));
                }
            }
            ConflictFree.Combination c = ConflictFree.combine(g, n);
            return new Balance(weights.clone(), c.direction());
        };
    }
}
