package org.ansatz.api.dynamics;

/**
 * Trajectories sampled at shared times: {@code states[trajectory][time][variable]}, with the exact
 * time derivatives when the generator knows them ({@code null} otherwise).
 */
public record TrajectorySet(double[] times, double[][][] states, double[][][] derivatives) {

    public TrajectorySet {
        Solvers.checkTimes(times);
        if (states == null || states.length == 0) {
            throw new IllegalArgumentException("a trajectory set needs at least one trajectory");
        }
        int d = -1;
        for (int k = 0; k < states.length; k++) {
            if (states[k].length != times.length) {
                throw new IllegalArgumentException("shape mismatch: trajectory " + k + " has " + states[k].length
                        + " states for " + times.length + " times");
            }
            for (double[] s : states[k]) {
                if (d < 0) {
                    d = s.length;
                }
                if (s.length != d || d == 0) {
                    throw new IllegalArgumentException("shape mismatch: trajectory " + k + " has a state of length "
                            + s.length + ", expected " + d);
                }
                for (double v : s) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("trajectory " + k + " contains a non-finite state " + v);
                    }
                }
            }
            if (derivatives != null && (derivatives.length != states.length
                    || derivatives[k].length != times.length || derivatives[k][0].length != d)) {
                throw new IllegalArgumentException("shape mismatch: derivatives must match the states");
            }
        }
    }

    public int dimension() {
        return states[0][0].length;
    }

    public int trajectories() {
        return states.length;
    }

    /** The time step when the times are uniform (to 1e-9 relative), {@code NaN} otherwise. */
    public double uniformStep() {
        if (times.length < 2) {
            return Double.NaN;
        }
        double h = (times[times.length - 1] - times[0]) / (times.length - 1);
        for (int i = 1; i < times.length; i++) {
            if (Math.abs(times[i] - times[i - 1] - h) > 1e-9 * Math.max(1, Math.abs(h))) {
                return Double.NaN;
            }
        }
        return h;
    }
}
