package org.ansatz.discovery.internal;

/** Classical fourth-order Runge-Kutta with fixed internal substeps, sampled at a coarser interval. */
final class Ode {

    /** Right-hand side {@code dy/dt = f(t, y)} written into {@code out}. */
    interface Rhs {
        void eval(double t, double[] y, double[] out);
    }

    private Ode() {
    }

    /**
     * @param samples  number of output samples (including the initial state)
     * @param interval time between samples
     * @param substeps RK4 steps per interval
     * @return {@code [state][sample]}
     */
    static double[][] integrate(Rhs f, double[] y0, int samples, double interval, int substeps) {
        int d = y0.length;
        double[][] out = new double[d][samples];
        double[] y = y0.clone();
        double h = interval / substeps;
        double[] k1 = new double[d];
        double[] k2 = new double[d];
        double[] k3 = new double[d];
        double[] k4 = new double[d];
        double[] tmp = new double[d];
        double t = 0;
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < d; i++) {
                out[i][s] = y[i];
            }
            if (s == samples - 1) {
                break;
            }
            for (int k = 0; k < substeps; k++) {
                f.eval(t, y, k1);
                for (int i = 0; i < d; i++) {
                    tmp[i] = y[i] + 0.5 * h * k1[i];
                }
                f.eval(t + 0.5 * h, tmp, k2);
                for (int i = 0; i < d; i++) {
                    tmp[i] = y[i] + 0.5 * h * k2[i];
                }
                f.eval(t + 0.5 * h, tmp, k3);
                for (int i = 0; i < d; i++) {
                    tmp[i] = y[i] + h * k3[i];
                }
                f.eval(t + h, tmp, k4);
                for (int i = 0; i < d; i++) {
                    y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                }
                t += h;
            }
        }
        return out;
    }
}
