package org.ansatz.optimizers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ansatz.api.optim.Evaluation;
import org.ansatz.api.optim.Objective;
import org.ansatz.api.optim.Terms;

/**
 * A deterministic objective for the tests: named terms with analytic gradients, combined with fixed
 * weights; counts evaluations.
 */
final class TestObjective implements Objective {

    /** One loss term: returns its value at {@code x} and writes its gradient into {@code gradient}. */
    @FunctionalInterface
    interface Term {
        double value(double[] x, double[] gradient);
    }

    private final List<String> names = new ArrayList<>();
    private final List<Term> terms = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();
    int evaluations;

    TestObjective term(String name, double weight, Term term) {
        names.add(name);
        weights.add(weight);
        terms.add(term);
        return this;
    }

    static TestObjective of(Term term) {
        return new TestObjective().term("loss", 1, term);
    }

    @Override
    public Evaluation evaluate(double[] x) {
        evaluations++;
        int k = terms.size();
        double[] values = new double[k];
        double[][] gradients = new double[k][x.length];
        double loss = 0;
        for (int i = 0; i < k; i++) {
            values[i] = terms.get(i).value(x.clone(), gradients[i]);
            loss += weights.get(i) * values[i];
        }
        double total = loss;
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        Terms t = new Terms() {
            @Override
            public List<String> names() {
                return List.copyOf(names);
            }

            @Override
            public double loss(int i) {
                return values[i];
            }

            @Override
            public double[] gradient(int i) {
                return gradients[i].clone();
            }

            @Override
            public double[] gradient(double[] weights) {
                double[] g = new double[x.length];
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < g.length; j++) {
                        g[j] += weights[i] * gradients[i][j];
                    }
                }
                return g;
            }

            @Override
            public double kernelTrace(int i, int probes, SplittableRandom random) {
                throw new UnsupportedOperationException();
            }
        };
        return new Evaluation() {
            @Override
            public double loss() {
                return total;
            }

            @Override
            public double[] gradient() {
                return t.gradient(w);
            }

            @Override
            public Terms terms() {
                return t;
            }
        };
    }

    /** {@code 0.5 * sum_i a_i (x_i - c_i)^2}. */
    static Term diagonal(double[] a, double[] c) {
        return (x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                double r = x[i] - c[i];
                f += 0.5 * a[i] * r * r;
                g[i] = a[i] * r;
            }
            return f;
        };
    }

    /**
     * {@code 0.5 (x - c)^T A (x - c)} for a symmetric {@code A}: minimum 0 at {@code c}, so that the
     * loss keeps its relative precision all the way down.
     */
    static Term quadratic(double[][] a, double[] c) {
        return (x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                double ar = 0;
                for (int j = 0; j < x.length; j++) {
                    ar += a[i][j] * (x[j] - c[j]);
                }
                g[i] = ar;
                f += 0.5 * (x[i] - c[i]) * ar;
            }
            return f;
        };
    }

    /** Chained Rosenbrock, {@code sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2}: minimum 0 at all ones. */
    static double rosenbrock(double[] x, double[] g) {
        double f = 0;
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * a * x[i] - 2 * b;
            g[i + 1] += 200 * a;
        }
        return f;
    }

    /** A symmetric positive definite matrix with eigenvalues {@code lambda}: Q diag(lambda) Q^T, Q random. */
    static double[][] spd(double[] lambda, long seed) {
        int n = lambda.length;
        SplittableRandom random = new SplittableRandom(seed);
        // Gram-Schmidt on a random matrix gives an orthonormal Q.
        double[][] q = new double[n][n];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) {
                q[c][r] = random.nextDouble(-1, 1);
            }
            for (int p = 0; p < c; p++) {
                double d = Vectors.dot(q[c], q[p]);
                for (int r = 0; r < n; r++) {
                    q[c][r] -= d * q[p][r];
                }
            }
            double norm = Vectors.norm(q[c]);
            for (int r = 0; r < n; r++) {
                q[c][r] /= norm;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += q[c][i] * lambda[c] * q[c][j];
                }
                a[i][j] = s;
            }
        }
        return a;
    }
}
