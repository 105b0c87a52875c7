package org.ansatz.dynamics.internal;

import org.ansatz.api.dynamics.TrajectorySet;

/**
 * Per-variable centre and scale of the states and the scale of their rates: networks see
 * standardised inputs, and losses weigh variables equally whatever their units (Lorenz's z is
 * an order of magnitude larger than a pendulum's angle).
 */
record Scaling(double[] mean, double[] std, double[] rateStd) {

    static Scaling of(TrajectorySet data, boolean center) {
        int d = data.dimension();
        double[] mean = new double[d];
        double[] sq = new double[d];
        double[] rsq = new double[d];
        long n = 0;
        double dt = data.times().length > 1 ? data.times()[1] - data.times()[0] : 1;
        for (int k = 0; k < data.trajectories(); k++) {
            double[][] s = data.states()[k];
            for (int i = 0; i < s.length; i++) {
                for (int j = 0; j < d; j++) {
                    mean[j] += s[i][j];
                    sq[j] += s[i][j] * s[i][j];
                    double r;
                    if (data.derivatives() != null) {
                        r = data.derivatives()[k][i][j];
                    } else {
                        r = i + 1 < s.length ? (s[i + 1][j] - s[i][j]) / dt : (s[i][j] - s[i - 1][j]) / dt;
                    }
                    rsq[j] += r * r;
                }
                n++;
            }
        }
        double[] std = new double[d];
        double[] rstd = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
            std[j] = Math.sqrt(Math.max(sq[j] / n - (center ? mean[j] * mean[j] : 0), 1e-12));
            rstd[j] = Math.sqrt(Math.max(rsq[j] / n, 1e-12));
            if (!center) {
                mean[j] = 0;
            }
        }
        return new Scaling(mean, std, rstd);
    }

    /** Identity scaling (tests of exact identities). */
    static Scaling identity(int d) {
        double[] ones = new double[d];
        java.util.Arrays.fill(ones, 1);
        return new Scaling(new double[d], ones, ones.clone());
    }
}
