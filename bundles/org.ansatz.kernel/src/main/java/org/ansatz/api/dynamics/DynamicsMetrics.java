package org.ansatz.api.dynamics;

/** Forecast metrics over {@code [time][variable]} arrays. */
public final class DynamicsMetrics {

    private DynamicsMetrics() {
    }

    /** Root-mean-square error over all times and variables. */
    public static double rmse(double[][] predicted, double[][] truth) {
        check(predicted, truth);
        double s = 0;
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int j = 0; j < truth[i].length; j++) {
                double e = predicted[i][j] - truth[i][j];
                s += e * e;
                n++;
            }
        }
        return Math.sqrt(s / n);
    }

    /**
     * Per-variable standard deviation over all states: the attractor scale that forecast errors are
     * measured against.
     */
    public static double[] scale(double[][][] states) {
        int d = states[0][0].length;
        double[] mean = new double[d];
        double[] sq = new double[d];
        long n = 0;
        for (double[][] traj : states) {
            for (double[] s : traj) {
                for (int j = 0; j < d; j++) {
                    mean[j] += s[j];
                    sq[j] += s[j] * s[j];
                }
                n++;
            }
        }
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            double m = mean[j] / n;
            out[j] = Math.sqrt(Math.max(sq[j] / n - m * m, 1e-300));
        }
        return out;
    }

    /**
     * Normalised error at each time: {@code sqrt(mean_j ((pred_j - true_j) / scale_j)^2)}.
     */
    public static double[] normalizedError(double[][] predicted, double[][] truth, double[] scale) {
        check(predicted, truth);
        if (scale.length != truth[0].length) {
            throw new IllegalArgumentException("shape mismatch: " + scale.length + " scales for " + truth[0].length
                    + " variables");
        }
        double[] out = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            double s = 0;
            for (int j = 0; j < scale.length; j++) {
                double e = (predicted[i][j] - truth[i][j]) / scale[j];
                s += e * e;
            }
            out[i] = Math.sqrt(s / scale.length);
        }
        return out;
    }

    /**
     * Valid prediction time: the first time (relative to {@code times[0]}) at which the normalised
     * error exceeds {@code threshold}; the whole span when it never does. Non-finite predictions
     * count as exceeding.
     */
    public static double validPredictionTime(double[][] predicted, double[][] truth, double[] times, double[] scale,
            double threshold) {
        if (times.length != truth.length) {
            throw new IllegalArgumentException("shape mismatch: " + times.length + " times for " + truth.length
                    + " states");
        }
        double[] e = normalizedError(predicted, truth, scale);
        for (int i = 0; i < e.length; i++) {
            if (!(e[i] <= threshold)) {
                return times[i] - times[0];
            }
        }
        return times[times.length - 1] - times[0];
    }

    /**
     * Relative energy drift along a trajectory: {@code max_t |E(t) - E(0)| / |E(0)|}.
     *
     * @param energies the system's conserved energy evaluated along the trajectory
     */
    public static double energyDrift(double[] energies) {
        double e0 = energies[0];
        if (!(Math.abs(e0) > 0)) {
            throw new IllegalArgumentException("energy drift is relative to the initial energy, which is " + e0);
        }
        double m = 0;
        for (double e : energies) {
            m = Math.max(m, Double.isFinite(e) ? Math.abs(e - e0) : Double.POSITIVE_INFINITY);
        }
        return m / Math.abs(e0);
    }

    private static void check(double[][] a, double[][] b) {
        if (a.length != b.length || a.length == 0 || a[0].length != b[0].length) {
            throw new IllegalArgumentException("shape mismatch: predicted " + a.length + "x"
                    + (a.length > 0 ? a[0].length : 0) + ", truth " + b.length + "x" + (b.length > 0 ? b[0].length : 0));
        }
    }
}
