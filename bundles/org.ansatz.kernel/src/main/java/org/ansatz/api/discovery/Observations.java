package org.ansatz.api.discovery;

import java.util.Arrays;
import java.util.List;

/**
 * Observed state: ODE trajectories sampled at times {@code t}, or scalar/vector fields sampled on
 * a tensor grid {@code t x space}.
 *
 * @param time      strictly increasing, uniformly spaced sample times (at least 5)
 * @param space     uniformly spaced grid of the one spatial variable (named {@code x}), or an empty
 *                  array for ODE data
 * @param periodic  whether the spatial grid is periodic (the point at the right end is omitted)
 * @param variables the observed variables, e.g. {@code [x, y, z]} or {@code [u]}
 * @param values    per variable, row-major {@code [time.length][max(1, space.length)]} values
 */
public record Observations(double[] time, double[] space, boolean periodic, List<String> variables,
        List<double[]> values) {

    public Observations {
        variables = List.copyOf(variables);
        values = List.copyOf(values);
        if (time == null || time.length < 5) {
            throw new IllegalArgumentException("observations need at least 5 sample times, got "
                    + (time == null ? 0 : time.length));
        }
        checkUniform("time", time);
        if (space == null) {
            space = new double[0];
        }
        if (space.length > 0) {
            checkUniform("space", space);
        }
        if (variables.isEmpty() || variables.size() != values.size()) {
            throw new IllegalArgumentException(variables.size() + " variable names " + variables + " for "
                    + values.size() + " value arrays");
        }
        if (variables.stream().distinct().count() != variables.size()) {
            throw new IllegalArgumentException("duplicate variable names in " + variables);
        }
        int n = time.length * Math.max(1, space.length);
        for (int i = 0; i < values.size(); i++) {
            double[] v = values.get(i);
            if (v.length != n) {
                throw new IllegalArgumentException("variable '" + variables.get(i) + "' has " + v.length
                        + " values, expected " + time.length + " times x " + Math.max(1, space.length) + " points = " + n);
            }
            for (int k = 0; k < v.length; k++) {
                if (!Double.isFinite(v[k])) {
                    throw new IllegalArgumentException("variable '" + variables.get(i) + "' has a non-finite value "
                            + v[k] + " at index " + k);
                }
            }
        }
    }

    /** ODE observations: {@code values[v][k]} is variable {@code v} at {@code time[k]}. */
    public static Observations trajectory(double[] time, List<String> variables, List<double[]> values) {
        return new Observations(time, new double[0], false, variables, values);
    }

    /** Whether the data are fields over space. */
    public boolean spatial() {
        return space.length > 0;
    }

    /** Number of spatial points, 1 for ODE data. */
    public int points() {
        return Math.max(1, space.length);
    }

    /** The values of one variable. */
    public double[] values(String variable) {
        int i = variables.indexOf(variable);
        if (i < 0) {
            throw new IllegalArgumentException("no variable '" + variable + "' in " + variables);
        }
        return values.get(i);
    }

    private static void checkUniform(String what, double[] a) {
        double h = a[1] - a[0];
        if (!(h > 0)) {
            throw new IllegalArgumentException(what + " must be strictly increasing, got " + a[0] + ", " + a[1]);
        }
        for (int i = 1; i < a.length; i++) {
            double d = a[i] - a[i - 1];
            if (!(Math.abs(d - h) <= 1e-6 * Math.abs(h) + 1e-12 * Math.abs(a[i]))) {
                throw new IllegalArgumentException(what + " must be uniformly spaced: step " + d + " at index " + i
                        + " differs from the first step " + h);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observations b && Arrays.equals(time, b.time) && Arrays.equals(space, b.space)
                && periodic == b.periodic && variables.equals(b.variables)
                && Arrays.deepEquals(values.toArray(), b.values.toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(time) * 31 + variables.hashCode();
    }

    @Override
    public String toString() {
        return "Observations" + variables + "[" + time.length + " times" + (spatial() ? " x " + space.length + " points" : "")
                + "]";
    }
}
