package org.ansatz.gp.internal;

import java.util.function.Function;

/**
 * Quasi-Newton minimisation (BFGS with a backtracking Armijo line search) for hyperparameters: a few to
 * a few hundred unconstrained parameters and an objective that may be non-finite far from the start
 * (a failed factorisation is reported as {@code +inf} and the step is shortened).
 */
final class Minimizer {

    /** The objective and its gradient at one point. */
    record Evaluation(double value, double[] gradient) {
    }

    /** Where the search ended. */
    record Result(double[] x, double value, int iterations) {
    }

    /** Called after every accepted step with (iteration, value); return false to stop. */
    interface Monitor {
        boolean step(int iteration, double value);
    }

    private Minimizer() {
    }

    static Result minimize(Function<double[], Evaluation> f, double[] start, int maxIterations, double gradientTolerance,
            Monitor monitor) {
        int n = start.length;
        double[] x = start.clone();
        Evaluation e = f.apply(x);
        if (!Double.isFinite(e.value())) {
            throw new IllegalStateException("the objective is not finite at the starting point");
        }
        double[][] h = identity(n);
        int it = 0;
        for (; it < maxIterations; it++) {
            double[] g = e.gradient();
            if (norm(g) <= gradientTolerance * Math.max(1, Math.abs(e.value()))) {
                break;
            }
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    p[i] -= h[i][j] * g[j];
                }
            }
            double slope = Dense.dot(p, g);
            if (!(slope < 0)) {
                // Lost descent (round-off in the curvature update): restart from steepest descent.
                h = identity(n);
                for (int i = 0; i < n; i++) {
                    p[i] = -g[i];
                }
                slope = -Dense.dot(g, g);
            }
            // The first step of a fresh BFGS has no scale: cap it so that no parameter moves by more than 1.
            double cap = 1 / Math.max(1e-300, maxAbs(p));
            double step = Math.min(1, cap);
            double[] xn = null;
            Evaluation en = null;
            for (int k = 0; k < 40; k++) {
                xn = new double[n];
                for (int i = 0; i < n; i++) {
                    xn[i] = x[i] + step * p[i];
                }
                en = f.apply(xn);
                if (Double.isFinite(en.value()) && en.value() <= e.value() + 1e-4 * step * slope) {
                    break;
                }
                en = null;
                step *= 0.5;
            }
            if (en == null) {
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                y[i] = en.gradient()[i] - g[i];
            }
            double sy = Dense.dot(s, y);
            if (sy > 1e-12 * norm(s) * norm(y)) {
                if (it == 0) {
                    double scale = sy / Dense.dot(y, y);
                    for (int i = 0; i < n; i++) {
                        h[i][i] = scale;
                    }
                }
                double[] hy = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        hy[i] += h[i][j] * y[j];
                    }
                }
                double yhy = Dense.dot(y, hy);
                double rho = 1 / sy;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        h[i][j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
                    }
                }
            }
            boolean small = Math.abs(e.value() - en.value()) <= 1e-12 * Math.max(1, Math.abs(e.value()));
            x = xn;
            e = en;
            if (monitor != null && !monitor.step(it + 1, e.value())) {
                it++;
                break;
            }
            if (small) {
                it++;
                break;
            }
        }
        return new Result(x, e.value(), it);
    }

    /** Central finite differences, for objectives without an analytic gradient. */
    static double[] gradient(java.util.function.ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] g = new double[x.length];
        double[] y = x.clone();
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + h;
            double a = f.applyAsDouble(y);
            y[i] = x[i] - h;
            double b = f.applyAsDouble(y);
            y[i] = x[i];
            g[i] = (a - b) / (2 * h);
        }
        return g;
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1;
        }
        return h;
    }

    private static double norm(double[] v) {
        return Math.sqrt(Dense.dot(v, v));
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double a : v) {
            m = Math.max(m, Math.abs(a));
        }
        return m;
    }
}
