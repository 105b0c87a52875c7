package org.ansatz.pinn.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Limited-memory BFGS with a strong-Wolfe line search (Nocedal and Wright, algorithms 7.4, 3.5 and
 * 3.6), on plain double arrays: the parameter vector of a PINN is small, evaluations are what cost.
 */
final class Lbfgs {

    /** Loss and gradient at a point. */
    interface Function {
        /** @return the loss; fills {@code gradient} */
        double evaluate(double[] x, double[] gradient);
    }

    /** Called after every iteration; return false to stop. */
    interface Monitor {
        boolean iteration(int k, double loss, int evaluations);
    }

    private final int history;
    private final double c1 = 1e-4;
    private final double c2 = 0.9;

    Lbfgs(int history) {
        this.history = history;
    }

    /**
     * Minimises from {@code x} (updated in place).
     *
     * @return the final loss
     */
    double minimize(Function f, double[] x, int maxIterations, double gradientTolerance, Monitor monitor) {
        int n = x.length;
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        int evaluations = 1;
        Deque<double[]> s = new ArrayDeque<>();
        Deque<double[]> y = new ArrayDeque<>();
        Deque<Double> rho = new ArrayDeque<>();
        int stalled = 0;
        for (int k = 0; k < maxIterations; k++) {
            if (norm(g) <= gradientTolerance || !Double.isFinite(fx)) {
                break;
            }
            double[] d = direction(g, s, y, rho);
            double dg = dot(d, g);
            if (dg >= 0) {
                // Not a descent direction (curvature information gone stale): restart from steepest descent.
                s.clear();
                y.clear();
                rho.clear();
                d = scale(g, -1);
                dg = dot(d, g);
            }
            double initial = k == 0 && s.isEmpty() ? Math.min(1, 1 / norm(g)) : 1;
            double[] xNew = new double[n];
            double[] gNew = new double[n];
            double[] result = lineSearch(f, x, fx, g, d, dg, initial, xNew, gNew);
            evaluations += (int) result[2];
            if (result[0] == 0) {
                if (s.isEmpty()) {
                    break;
                }
                // The quasi-Newton direction failed (often float32 noise in the loss): forget the curvature
                // pairs and retry from steepest descent before giving up.
                s.clear();
                y.clear();
                rho.clear();
                continue;
            }
            double fNew = result[1];
            double[] sk = new double[n];
            double[] yk = new double[n];
            for (int i = 0; i < n; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-10 * norm(sk) * norm(yk)) {
                s.addLast(sk);
                y.addLast(yk);
                rho.addLast(1 / sy);
                if (s.size() > history) {
                    s.removeFirst();
                    y.removeFirst();
                    rho.removeFirst();
                }
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            // In float32 a step can leave the loss bit-identical; only a run of such steps means stalling.
            stalled = fNew < fx ? 0 : stalled + 1;
            fx = fNew;
            if (!monitor.iteration(k + 1, fx, evaluations) || stalled >= 20) {
                break;
            }
        }
        return fx;
    }

    private double[] direction(double[] g, Deque<double[]> s, Deque<double[]> y, Deque<Double> rho) {
        double[] q = g.clone();
        int m = s.size();
        double[] alpha = new double[m];
        double[][] sa = s.toArray(new double[0][]);
        double[][] ya = y.toArray(new double[0][]);
        Double[] ra = rho.toArray(new Double[0]);
        for (int i = m - 1; i >= 0; i--) {
            alpha[i] = ra[i] * dot(sa[i], q);
            axpy(-alpha[i], ya[i], q);
        }
        if (m > 0) {
            double gamma = dot(sa[m - 1], ya[m - 1]) / dot(ya[m - 1], ya[m - 1]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int i = 0; i < m; i++) {
            double beta = ra[i] * dot(ya[i], q);
            axpy(alpha[i] - beta, sa[i], q);
        }
        return scale(q, -1);
    }

    /** @return {accepted (1/0), f at the new point, evaluations} */
    private double[] lineSearch(Function f, double[] x, double f0, double[] g0, double[] d, double dg0, double a1,
            double[] xOut, double[] gOut) {
        double aPrev = 0;
        double fPrev = f0;
        double dgPrev = dg0;
        double a = a1;
        int evals = 0;
        for (int i = 0; i < 20; i++) {
            double fa = at(f, x, d, a, xOut, gOut);
            evals++;
            double dga = dot(gOut, d);
            if (fa > f0 + c1 * a * dg0 || (i > 0 && fa >= fPrev)) {
                return zoom(f, x, f0, dg0, d, aPrev, fPrev, dgPrev, a, fa, dga, xOut, gOut, evals);
            }
            if (Math.abs(dga) <= -c2 * dg0) {
                return new double[] {1, fa, evals};
            }
            if (dga >= 0) {
                return zoom(f, x, f0, dg0, d, a, fa, dga, aPrev, fPrev, dgPrev, xOut, gOut, evals);
            }
            aPrev = a;
            fPrev = fa;
            dgPrev = dga;
            a = Math.min(2 * a, 1e6);
        }
        return new double[] {0, f0, evals};
    }

    private double[] zoom(Function f, double[] x, double f0, double dg0, double[] d, double lo, double fLo, double dgLo,
            double hi, double fHi, double dgHi, double[] xOut, double[] gOut, int evals) {
        double best = fLo;
        for (int i = 0; i < 25; i++) {
            double a = cubicMinimizer(lo, fLo, dgLo, hi, fHi, dgHi);
            double fa = at(f, x, d, a, xOut, gOut);
            evals++;
            double dga = dot(gOut, d);
            if (fa > f0 + c1 * a * dg0 || fa >= fLo) {
                hi = a;
                fHi = fa;
                dgHi = dga;
            } else {
                if (Math.abs(dga) <= -c2 * dg0) {
                    return new double[] {1, fa, evals};
                }
                if (dga * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dgHi = dgLo;
                }
                lo = a;
                fLo = fa;
                dgLo = dga;
            }
            if (Math.abs(hi - lo) < 1e-12) {
                break;
            }
        }
        // Accept the best sufficient-decrease point found, if any.
        if (fLo < best || fLo < f0) {
            double fa = at(f, x, d, lo, xOut, gOut);
            return new double[] {fa < f0 ? 1 : 0, fa, evals + 1};
        }
        return new double[] {0, f0, evals};
    }

    /** Minimiser of the cubic through two points with slopes, safeguarded into the inner 80% of the bracket. */
    private static double cubicMinimizer(double a, double fa, double ga, double b, double fb, double gb) {
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - ga * gb;
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        double t;
        if (disc >= 0) {
            double d2 = Math.signum(b - a) * Math.sqrt(disc);
            t = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
        } else {
            t = (a + b) / 2;
        }
        double margin = 0.1 * (hi - lo);
        if (!Double.isFinite(t) || t < lo + margin || t > hi - margin) {
            t = (a + b) / 2;
        }
        return t;
    }

    private static double at(Function f, double[] x, double[] d, double a, double[] xOut, double[] gOut) {
        for (int i = 0; i < x.length; i++) {
            xOut[i] = x[i] + a * d[i];
        }
        return f.evaluate(xOut, gOut);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static double[] scale(double[] a, double c) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = c * a[i];
        }
        return out;
    }
}
