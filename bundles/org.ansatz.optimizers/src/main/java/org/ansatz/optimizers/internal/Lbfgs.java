package org.ansatz.optimizers.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import org.ansatz.api.optim.Evaluation;
import org.ansatz.api.optim.Objective;
import org.ansatz.api.optim.Optimizer;

/**
 * Limited-memory BFGS with a strong-Wolfe line search (Nocedal and Wright, algorithms 7.4, 3.5 and
 * 3.6), one iteration per {@link #step}: ported from the pinn solver's whole-run minimiser. The state
 * between steps is the curvature pairs and the last accepted point with its loss and gradient; a step
 * from any other point evaluates there first (the pairs are kept: a direction they spoil is caught by
 * the descent test).
 */
final class Lbfgs implements Optimizer {

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    /** Accepted steps in a row that did not lower the loss before the run counts as converged. */
    static final int STALL_LIMIT = 20;
    private static final int EXTRAPOLATIONS = 20;
    private static final int ZOOMS = 25;

    /** One curvature pair, {@code rho = 1 / (s . y)}. */
    private record Pair(double[] s, double[] y, double rho) {
    }

    /** A trial point on the search line; {@code f} is +infinity where the objective was not finite. */
    private record Probe(double a, double f, double dg, double[] g) {
    }

    /** An accepted point {@code x0 + a d}. */
    private record Move(double[] d, Probe p) {
    }

    final int history;
    final double tolerance;
    private final int n;
    private final ArrayDeque<Pair> pairs = new ArrayDeque<>();
    private double[] x0;
    private double f0;
    private double[] g0;
    private int stalled;
    private boolean converged;

    Lbfgs(int dimension, int history, double tolerance) {
        this.n = Vectors.dimension(dimension);
        this.history = history;
        this.tolerance = tolerance;
    }

    @Override
    public boolean lineSearch() {
        return true;
    }

    @Override
    public boolean converged() {
        return converged;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The learning rate is ignored. Once converged, a step from the same point returns its loss
     * without evaluating; a step from another point starts afresh (keeping the pairs). A finite
     * loss with a non-finite gradient at {@code x} is reported as {@code NaN}, {@code x} unchanged.
     */
    @Override
    public double step(double[] x, Objective objective, double learningRate) {
        Vectors.checkLength("lbfgs", x, n);
        if (x0 == null || !Arrays.equals(x, x0)) {
            Evaluation e = objective.evaluate(x);
            double f = e.loss();
            if (!Double.isFinite(f)) {
                return f;
            }
            double[] g = Vectors.checkGradient("lbfgs", e.gradient(), n);
            if (!Vectors.allFinite(g)) {
                return Double.NaN;
            }
            x0 = x.clone();
            f0 = f;
            g0 = g.clone();
            stalled = 0;
            converged = Vectors.norm(g0) <= tolerance;
        }
        double before = f0;
        if (converged) {
            return before;
        }
        Move move = search(objective);
        // Pairs left means the failed search was quasi-Newton (search() drops them for steepest descent).
        if (move == null && !pairs.isEmpty()) {
            // The quasi-Newton direction failed (often float32 noise in the loss): forget the curvature
            // pairs and retry from steepest descent before giving up.
            pairs.clear();
            move = search(objective);
        }
        if (move == null) {
            converged = true;
            return before;
        }
        accept(move.p(), move.d(), x);
        return before;
    }

    /** The search direction from the current pairs: -H g (two-loop recursion), or -g without pairs. */
    private double[] direction() {
        double[] q = g0.clone();
        double[] alpha = new double[pairs.size()];
        int i = pairs.size();
        for (Iterator<Pair> it = pairs.descendingIterator(); it.hasNext();) {
            Pair pair = it.next();
            alpha[--i] = pair.rho() * Vectors.dot(pair.s(), q);
            axpy(-alpha[i], pair.y(), q);
        }
        if (!pairs.isEmpty()) {
            Pair last = pairs.getLast();
            double gamma = Vectors.dot(last.s(), last.y()) / Vectors.dot(last.y(), last.y());
            for (int k = 0; k < n; k++) {
                q[k] *= gamma;
            }
        }
        for (Pair pair : pairs) {
            double beta = pair.rho() * Vectors.dot(pair.y(), q);
            axpy(alpha[i++] - beta, pair.s(), q);
        }
        for (int k = 0; k < n; k++) {
            q[k] = -q[k];
        }
        return q;
    }

    /** Line search along the current direction; null when it found no acceptable point. */
    private Move search(Objective objective) {
        double[] d = direction();
        double dg = Vectors.dot(d, g0);
        if (!(dg < 0) || !Vectors.allFinite(d)) {
            // Not a descent direction (curvature information gone stale): steepest descent instead.
            pairs.clear();
            d = direction();
            dg = Vectors.dot(d, g0);
        }
        // Without curvature information the step has no natural scale: the first trial moves at most 1.
        double initial = pairs.isEmpty() ? Math.min(1, 1 / Vectors.norm(g0)) : 1;
        Probe p = lineSearch(objective, d, dg, initial);
        return p == null ? null : new Move(d, p);
    }

    /** Strong-Wolfe search (algorithm 3.5): extrapolate until the minimum is bracketed, then zoom. */
    private Probe lineSearch(Objective objective, double[] d, double dg0, double a1) {
        Probe previous = new Probe(0, f0, dg0, g0);
        double a = a1;
        Probe p = null;
        for (int i = 0; i < EXTRAPOLATIONS; i++) {
            p = probe(objective, d, a);
            if (p.f() > f0 + C1 * a * dg0 || (i > 0 && p.f() >= previous.f())) {
                return zoom(objective, d, dg0, previous, p);
            }
            if (Math.abs(p.dg()) <= -C2 * dg0) {
                return p;
            }
            if (p.dg() >= 0) {
                return zoom(objective, d, dg0, p, previous);
            }
            previous = p;
            a = Math.min(2 * a, 1e6);
        }
        // Still descending steeply after every extrapolation: the last point has sufficient decrease
        // and the lowest loss so far, so take it rather than give up.
        return p.f() < f0 ? p : null;
    }

    /** Algorithm 3.6: shrinks [lo, hi] (lo the lower sufficient-decrease end) around a Wolfe point. */
    private Probe zoom(Objective objective, double[] d, double dg0, Probe lo, Probe hi) {
        for (int i = 0; i < ZOOMS; i++) {
            double a = cubicMinimizer(lo, hi);
            Probe p = probe(objective, d, a);
            if (p.f() > f0 + C1 * a * dg0 || p.f() >= lo.f()) {
                hi = p;
            } else {
                if (Math.abs(p.dg()) <= -C2 * dg0) {
                    return p;
                }
                if (p.dg() * (hi.a() - lo.a()) >= 0) {
                    hi = lo;
                }
                lo = p;
            }
            if (Math.abs(hi.a() - lo.a()) < 1e-12) {
                break;
            }
        }
        // No Wolfe point: the best sufficient-decrease point found still makes progress.
        return lo.f() < f0 ? lo : null;
    }

    /**
     * Minimiser of the cubic through both ends with their slopes, safeguarded into the inner 80% of
     * the bracket; the midpoint when the cubic is unusable (e.g. a non-finite end).
     */
    private static double cubicMinimizer(Probe p, Probe q) {
        double a = p.a();
        double b = q.a();
        double d1 = p.dg() + q.dg() - 3 * (p.f() - q.f()) / (a - b);
        double disc = d1 * d1 - p.dg() * q.dg();
        double t = (a + b) / 2;
        if (disc >= 0) {
            double d2 = Math.signum(b - a) * Math.sqrt(disc);
            t = b - (b - a) * (q.dg() + d2 - d1) / (q.dg() - p.dg() + 2 * d2);
        }
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        double margin = 0.1 * (hi - lo);
        if (!Double.isFinite(t) || t < lo + margin || t > hi - margin) {
            t = (a + b) / 2;
        }
        return t;
    }

    /** Evaluates at {@code x0 + a d}; a non-finite loss or gradient counts as +infinity (too large). */
    private Probe probe(Objective objective, double[] d, double a) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = x0[i] + a * d[i];
        }
        Evaluation e = objective.evaluate(x);
        double f = e.loss();
        if (!Double.isFinite(f)) {
            return new Probe(a, Double.POSITIVE_INFINITY, Double.NaN, null);
        }
        double[] g = Vectors.checkGradient("lbfgs", e.gradient(), n);
        if (!Vectors.allFinite(g)) {
            return new Probe(a, Double.POSITIVE_INFINITY, Double.NaN, null);
        }
        g = g.clone();
        return new Probe(a, f, Vectors.dot(g, d), g);
    }

    /** Moves to the accepted point (written into {@code x}) and records the curvature pair. */
    private void accept(Probe p, double[] d, double[] x) {
        double[] s = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            // Recomputed exactly as in probe(): x is the very point that was evaluated.
            x[i] = x0[i] + p.a() * d[i];
            s[i] = x[i] - x0[i];
            y[i] = p.g()[i] - g0[i];
        }
        double sy = Vectors.dot(s, y);
        // Pairs with (nearly) no positive curvature would make H indefinite or blow it up.
        if (sy > 1e-10 * Vectors.norm(s) * Vectors.norm(y)) {
            pairs.addLast(new Pair(s, y, 1 / sy));
            if (pairs.size() > history) {
                pairs.removeFirst();
            }
        }
        // In float32 a step can leave the loss bit-identical; only a run of such steps means stalling.
        stalled = p.f() < f0 ? 0 : stalled + 1;
        x0 = x.clone();
        f0 = p.f();
        g0 = p.g();
        converged = stalled >= STALL_LIMIT || Vectors.norm(g0) <= tolerance;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }
}
