package org.ansatz.problems.internal;

/**
 * A Lorenz trajectory integrated with classical RK4 on a uniform grid, evaluated between grid points by
 * cubic Hermite interpolation with the exact derivatives (fourth order, like the integrator).
 */
final class LorenzTrajectory {

    private final double s;
    private final double r;
    private final double b;
    private final double dt;
    private final double[][] states;

    LorenzTrajectory(double s, double r, double b, double[] start, double t, int steps) {
        this.s = s;
        this.r = r;
        this.b = b;
        this.dt = t / steps;
        states = new double[steps + 1][];
        states[0] = start.clone();
        for (int i = 0; i < steps; i++) {
            states[i + 1] = step(states[i], dt);
        }
    }

    double[] rate(double[] q) {
        return new double[] {s * (q[1] - q[0]), q[0] * (r - q[2]) - q[1], q[0] * q[1] - b * q[2]};
    }

    double[] step(double[] q, double h) {
        double[] k1 = rate(q);
        double[] k2 = rate(axpy(q, h / 2, k1));
        double[] k3 = rate(axpy(q, h / 2, k2));
        double[] k4 = rate(axpy(q, h, k3));
        double[] out = new double[3];
        for (int j = 0; j < 3; j++) {
            out[j] = q[j] + h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
        }
        return out;
    }

    private static double[] axpy(double[] q, double a, double[] k) {
        return new double[] {q[0] + a * k[0], q[1] + a * k[1], q[2] + a * k[2]};
    }

    /** The state at time {@code t} within the integrated interval. */
    double[] at(double t) {
        double u = t / dt;
        int i = (int) Math.floor(u);
        if (i < 0 || i > states.length - 1 || (i == states.length - 1 && u > i + 1e-9)) {
            throw new IllegalArgumentException("t = " + t + " lies outside [0, " + dt * (states.length - 1) + "]");
        }
        if (i == states.length - 1) {
            return states[i].clone();
        }
        double h = u - i;
        double[] q0 = states[i];
        double[] q1 = states[i + 1];
        double[] f0 = rate(q0);
        double[] f1 = rate(q1);
        double h00 = (1 + 2 * h) * (1 - h) * (1 - h);
        double h10 = h * (1 - h) * (1 - h);
        double h01 = h * h * (3 - 2 * h);
        double h11 = h * h * (h - 1);
        double[] out = new double[3];
        for (int j = 0; j < 3; j++) {
            out[j] = h00 * q0[j] + h10 * dt * f0[j] + h01 * q1[j] + h11 * dt * f1[j];
        }
        return out;
    }

    /** Max minus min of each component over the trajectory. */
    double[] ranges() {
        double[] lo = states[0].clone();
        double[] hi = states[0].clone();
        for (double[] q : states) {
            for (int j = 0; j < 3; j++) {
                lo[j] = Math.min(lo[j], q[j]);
                hi[j] = Math.max(hi[j], q[j]);
            }
        }
        return new double[] {hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]};
    }
}
