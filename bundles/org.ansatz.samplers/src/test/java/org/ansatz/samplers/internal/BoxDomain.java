package org.ansatz.samplers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ansatz.api.sampler.Domain;

/** A box domain for tests that remembers every point it hands out. */
final class BoxDomain implements Domain {

    private final double[] bounds;
    private final int timeAxis;
    final List<double[]> draws = new ArrayList<>();

    BoxDomain(double[] lower, double[] upper, int timeAxis) {
        this.bounds = new double[2 * lower.length];
        System.arraycopy(lower, 0, bounds, 0, lower.length);
        System.arraycopy(upper, 0, bounds, lower.length, upper.length);
        this.timeAxis = timeAxis;
    }

    static BoxDomain unit(int dimension) {
        return new BoxDomain(new double[dimension], filled(dimension, 1), -1);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Override
    public int dimension() {
        return bounds.length / 2;
    }

    @Override
    public double[] sample(int count, SplittableRandom random) {
        int d = dimension();
        double[] out = new double[count * d];
        for (int i = 0; i < count; i++) {
            for (int a = 0; a < d; a++) {
                out[i * d + a] = bounds[a] + random.nextDouble() * (bounds[d + a] - bounds[a]);
            }
        }
        draws.add(out.clone());
        return out;
    }

    @Override
    public int timeAxis() {
        return timeAxis;
    }

    @Override
    public double[] bounds() {
        return bounds.clone();
    }

    /** All points handed out, concatenated. */
    double[] allDraws() {
        return draws.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }
}
