package org.ansatz.dynamics.internal;

import java.util.SplittableRandom;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.Solvers;
import org.ansatz.api.dynamics.TrajectorySet;

/**
 * Trusted data from the systems' Java right-hand sides: classical RK4 in doubles with a small fixed
 * step (global error of order {@code step^4}, far below the learners' errors), and Benettin's
 * estimate of the largest Lyapunov exponent.
 */
public final class Reference {

    private Reference() {
    }

    /** States at {@code times} from {@code x0} at {@code times[0]}, substeps no longer than {@code step}. */
    public static double[][] integrate(DynamicalSystem s, double[] x0, double[] times, double step) {
        Solvers.checkTimes(times);
        if (x0.length != s.dimension()) {
            throw new IllegalArgumentException("shape mismatch: initial state of length " + x0.length
                    + " for a system of dimension " + s.dimension());
        }
        if (!(step > 0)) {
            throw new IllegalArgumentException("step must be positive, got " + step);
        }
        double[][] out = new double[times.length][];
        double[] x = x0.clone();
        out[0] = x.clone();
        Rk4Java rk = new Rk4Java(s);
        for (int i = 1; i < times.length; i++) {
            double span = times[i] - times[i - 1];
            int n = (int) Math.ceil(span / step - 1e-9);
            for (int k = 0; k < n; k++) {
                rk.step(x, span / n);
            }
            out[i] = x.clone();
        }
        return out;
    }

    /**
     * {@code count} trajectories from the system's initial-state sampler (after its burn-in), with
     * exact time derivatives.
     */
    public static TrajectorySet generate(DynamicalSystem s, int count, double[] times, double step, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one trajectory, got " + count);
        }
        SplittableRandom r = new SplittableRandom(seed);
        double[][][] states = new double[count][][];
        double[][][] derivatives = new double[count][][];
        for (int k = 0; k < count; k++) {
            double[] x0 = s.initialState(r);
            if (s.burnIn() > 0) {
                x0 = integrate(s, x0, new double[] {0, s.burnIn()}, step)[1];
            }
            states[k] = integrate(s, x0, times, step);
            derivatives[k] = new double[times.length][s.dimension()];
            for (int i = 0; i < times.length; i++) {
                s.derivative(states[k][i], derivatives[k][i]);
            }
        }
        return new TrajectorySet(times.clone(), states, derivatives);
    }

    /** {@code n} uniform times {@code 0, dt, ..., (n-1) dt}. */
    public static double[] uniformTimes(int n, double dt) {
        if (n < 1 || !(dt > 0)) {
            throw new IllegalArgumentException("need n >= 1 times and dt > 0, got n=" + n + " dt=" + dt);
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * dt;
        }
        return t;
    }

    /**
     * Largest Lyapunov exponent by Benettin's method: a companion trajectory at distance {@code d0}
     * is renormalised every {@code interval}, and the mean logarithmic growth is returned.
     */
    public static double lyapunov(DynamicalSystem s, double[] x0, double step, double interval, int renormalisations) {
        double d0 = 1e-8;
        double[] x = integrate(s, x0, new double[] {0, Math.max(s.burnIn(), interval)}, step)[1];
        double[] y = x.clone();
        y[0] += d0;
        Rk4Java rk = new Rk4Java(s);
        int n = (int) Math.ceil(interval / step - 1e-9);
        double h = interval / n;
        double sum = 0;
        for (int k = 0; k < renormalisations; k++) {
            for (int i = 0; i < n; i++) {
                rk.step(x, h);
                rk.step(y, h);
            }
            double d = 0;
            for (int j = 0; j < x.length; j++) {
                d += (y[j] - x[j]) * (y[j] - x[j]);
            }
            d = Math.sqrt(d);
            sum += Math.log(d / d0);
            for (int j = 0; j < x.length; j++) {
                y[j] = x[j] + (y[j] - x[j]) * d0 / d;
            }
        }
        return sum / (renormalisations * interval);
    }

    /** RK4 in place with preallocated stage buffers. */
    private static final class Rk4Java {
        private final DynamicalSystem s;
        private final double[] k1, k2, k3, k4, tmp;

        Rk4Java(DynamicalSystem s) {
            this.s = s;
            int d = s.dimension();
            k1 = new double[d];
            k2 = new double[d];
            k3 = new double[d];
            k4 = new double[d];
            tmp = new double[d];
        }

        void step(double[] x, double h) {
            int d = x.length;
            s.derivative(x, k1);
            for (int j = 0; j < d; j++) {
                tmp[j] = x[j] + h / 2 * k1[j];
            }
            s.derivative(tmp, k2);
            for (int j = 0; j < d; j++) {
                tmp[j] = x[j] + h / 2 * k2[j];
            }
            s.derivative(tmp, k3);
            for (int j = 0; j < d; j++) {
                tmp[j] = x[j] + h * k3[j];
            }
            s.derivative(tmp, k4);
            for (int j = 0; j < d; j++) {
                x[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
            }
        }
    }
}
