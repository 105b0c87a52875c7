package org.ansatz.optimizers.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ansatz.api.optim.Evaluation;
import org.ansatz.api.optim.Objective;
import org.ansatz.api.optim.Optimizer;
import org.ansatz.api.optim.Terms;

/**
 * MultiAdam (Yao et al., ICML 2023): Adam moments kept per group of loss terms, the groups'
 * normalised steps averaged, {@code x -= lr / K * sum_k mhat_k / (sqrt(vhat_k) + eps)}. Scaling a
 * group's loss by a constant scales its {@code mhat} and {@code sqrt(vhat)} alike, so (up to eps)
 * the iterates do not change: no term can dominate through its magnitude. Loss weights and
 * balancers are therefore irrelevant; the unweighted term gradients are used.
 *
 * <p>Groups: every term its own group, or, with {@code groups} set, each named term its own group
 * (in the order named) and all other terms one more group with their summed gradient.
 */
final class MultiAdam implements Optimizer {

    final double beta1;
    final double beta2;
    final double eps;
    /** The named groups; empty for one group per term. */
    final List<String> named;
    private final String groupsKey;
    private final int n;
    private List<String> termNames;
    /** Per group: the term index, or -1 for the merged group. */
    private int[] groupTerm;
    /** Weights selecting the merged group's terms, when there is one. */
    private double[] mergedWeights;
    private double[][] m;
    private double[][] v;
    private long t;

    /** @param groupsKey how the {@code groups} setting is named in messages */
    MultiAdam(int dimension, double beta1, double beta2, double eps, List<String> named, String groupsKey) {
        this.n = Vectors.dimension(dimension);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.named = List.copyOf(named);
        this.groupsKey = groupsKey;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A finite loss with a non-finite term gradient is reported as {@code NaN}, with {@code x}
     * and the moments unchanged.
     *
     * @throws IllegalArgumentException when {@code groups} names a term the objective does not have
     * @throws IllegalStateException    when the objective's terms differ from those of the first step
     */
    @Override
    public double step(double[] x, Objective objective, double learningRate) {
        Vectors.checkLength("multiadam", x, n);
        Vectors.checkLearningRate("multiadam", learningRate);
        Evaluation e = objective.evaluate(x);
        double loss = e.loss();
        if (!Double.isFinite(loss)) {
            return loss;
        }
        Terms terms = e.terms();
        if (termNames == null) {
            group(terms.names());
        } else if (!termNames.equals(terms.names())) {
            throw new IllegalStateException("multiadam: the loss terms changed from " + termNames + " to "
                    + terms.names());
        }
        int groups = groupTerm.length;
        // All gradients first: a non-finite one must leave the moments untouched.
        double[][] g = new double[groups][];
        for (int k = 0; k < groups; k++) {
            g[k] = Vectors.checkGradient("multiadam",
                    groupTerm[k] >= 0 ? terms.gradient(groupTerm[k]) : terms.gradient(mergedWeights), n);
            if (!Vectors.allFinite(g[k])) {
                return Double.NaN;
            }
        }
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        double[] update = new double[n];
        for (int k = 0; k < groups; k++) {
            double[] mk = m[k];
            double[] vk = v[k];
            double[] gk = g[k];
            for (int i = 0; i < n; i++) {
                mk[i] = beta1 * mk[i] + (1 - beta1) * gk[i];
                vk[i] = beta2 * vk[i] + (1 - beta2) * gk[i] * gk[i];
                double denominator = Math.sqrt(vk[i] / c2) + eps;
                // Only with eps = 0 and a parameter this group has never moved: no step, not 0/0.
                if (denominator > 0) {
                    update[i] += mk[i] / c1 / denominator;
                }
            }
        }
        double scale = learningRate / groups;
        for (int i = 0; i < n; i++) {
            x[i] -= scale * update[i];
        }
        return loss;
    }

    /** Fixes the groups on the first step, when the term names become known. */
    private void group(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalStateException("multiadam needs loss terms; the objective has none");
        }
        List<Integer> single = new ArrayList<>();
        Set<Integer> rest = new LinkedHashSet<>();
        if (named.isEmpty()) {
            for (int k = 0; k < names.size(); k++) {
                single.add(k);
            }
        } else {
            for (int k = 0; k < names.size(); k++) {
                rest.add(k);
            }
            for (String name : named) {
                int k = names.indexOf(name);
                if (k < 0) {
                    throw new IllegalArgumentException(groupsKey + " names '" + name
                            + "', which is not a loss term; terms: " + names);
                }
                single.add(k);
                rest.remove(k);
            }
            if (rest.size() == 1) {
                single.add(rest.iterator().next());
                rest.clear();
            }
        }
        int groups = single.size() + (rest.isEmpty() ? 0 : 1);
        groupTerm = new int[groups];
        for (int k = 0; k < single.size(); k++) {
            groupTerm[k] = single.get(k);
        }
        if (!rest.isEmpty()) {
            groupTerm[groups - 1] = -1;
            mergedWeights = new double[names.size()];
            rest.forEach(k -> mergedWeights[k] = 1);
        }
        termNames = List.copyOf(names);
        m = new double[groups][n];
        v = new double[groups][n];
    }
}
