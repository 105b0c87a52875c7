package org.ansatz.api.pde;

import java.util.SplittableRandom;

/**
 * An axis-aligned box {@code [lower_i, upper_i]} over the inputs.
 *
 * @param lower lower bounds, one per input
 * @param upper upper bounds, one per input
 */
public record Box(double[] lower, double[] upper) {

    public Box {
        if (lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("a box needs matching, non-empty bounds");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(lower[i] < upper[i])) {
                throw new IllegalArgumentException("empty box along input " + i + ": [" + lower[i] + ", " + upper[i] + "]");
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    public int dimension() {
        return lower.length;
    }

    /** Maps unit-cube points (row-major) into the box, in place, and returns them. */
    public double[] fromUnitCube(double[] unit) {
        int d = dimension();
        for (int i = 0; i < unit.length; i++) {
            int a = i % d;
            unit[i] = lower[a] + unit[i] * (upper[a] - lower[a]);
        }
        return unit;
    }

    /** Uniformly random points, row-major {@code [count, dimension]}. */
    public double[] uniform(int count, SplittableRandom random) {
        double[] u = new double[count * dimension()];
        for (int i = 0; i < u.length; i++) {
            u[i] = random.nextDouble();
        }
        return fromUnitCube(u);
    }
}
