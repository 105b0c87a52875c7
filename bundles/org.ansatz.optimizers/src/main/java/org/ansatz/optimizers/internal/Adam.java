package org.ansatz.optimizers.internal;

import org.ansatz.api.optim.Evaluation;
import org.ansatz.api.optim.Objective;
import org.ansatz.api.optim.Optimizer;

/**
 * Adam (Kingma and Ba, 2015, algorithm 1) on the evaluation's descent gradient, with optional
 * decoupled weight decay (AdamW, Loshchilov and Hutter, 2019): {@code x -= lr * (mhat / (sqrt(vhat)
 * + eps) + weightDecay * x)}, the decay taken from {@code x} before the step and kept out of the
 * moments.
 */
final class Adam implements Optimizer {

    final String name;
    final double beta1;
    final double beta2;
    final double eps;
    final double weightDecay;
    private final double[] m;
    private final double[] v;
    private long t;

    Adam(String name, int dimension, double beta1, double beta2, double eps, double weightDecay) {
        this.name = name;
        this.m = new double[Vectors.dimension(dimension)];
        this.v = new double[dimension];
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A finite loss with a non-finite gradient is reported as {@code NaN}, with {@code x} and the
     * moments unchanged: one bad gradient would otherwise poison the moments for good.
     */
    @Override
    public double step(double[] x, Objective objective, double learningRate) {
        Vectors.checkLength(name, x, m.length);
        Vectors.checkLearningRate(name, learningRate);
        Evaluation e = objective.evaluate(x);
        double loss = e.loss();
        if (!Double.isFinite(loss)) {
            return loss;
        }
        double[] g = Vectors.checkGradient(name, e.gradient(), m.length);
        if (!Vectors.allFinite(g)) {
            return Double.NaN;
        }
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < x.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double denominator = Math.sqrt(v[i] / c2) + eps;
            // Only with eps = 0 and a coordinate whose gradient has always been zero: no step, not 0/0.
            double adam = denominator > 0 ? m[i] / c1 / denominator : 0;
            x[i] -= learningRate * (adam + weightDecay * x[i]);
        }
        return loss;
    }
}
