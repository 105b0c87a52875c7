package org.ansatz.api.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Points with named coordinates, stored row-major in one {@code double[]}: row {@code i} holds
 * {@code values[i * width() .. (i + 1) * width())}. The engine-neutral currency between problems,
 * references, metrics and files (CSV, NPY), independent of any tensor library.
 *
 * @param names  the column names, e.g. {@code [t, x]} or {@code [u, v, p]}
 * @param values row-major values; its length is a multiple of {@code names.size()}
 */
public record PointSet(List<String> names, double[] values) {

    public PointSet {
        names = List.copyOf(names);
        Objects.requireNonNull(values, "values");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a point set needs at least one column");
        }
        if (values.length % names.size() != 0) {
            throw new IllegalArgumentException("shape mismatch: " + values.length
                    + " values do not fill rows of " + names.size() + " columns " + names);
        }
    }

    /** Number of columns. */
    public int width() {
        return names.size();
    }

    /** Number of points (rows). */
    public int size() {
        return values.length / names.size();
    }

    /** One value. */
    public double get(int row, int column) {
        return values[row * width() + column];
    }

    /** A copy of one column. */
    public double[] column(String name) {
        int c = names.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + names);
        }
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i * width() + c];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointSet p && names.equals(p.names) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "PointSet" + names + "[" + size() + " points]";
    }
}
