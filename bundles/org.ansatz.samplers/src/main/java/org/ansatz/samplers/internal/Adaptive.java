package org.ansatz.samplers.internal;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ansatz.api.sampler.Domain;
import org.ansatz.api.sampler.Population;

/** Checks and small steps shared by the residual-adaptive samplers. */
final class Adaptive {

    private Adaptive() {
    }

    /**
     * Rejects a population that does not fit the domain or has residuals that are not finite
     * magnitudes: a NaN residual means training has diverged, and ranking by it would be arbitrary.
     */
    static void check(String sampler, Population current, Domain domain) {
        if (current.dimension() != domain.dimension()) {
            throw new IllegalArgumentException("sampler " + sampler + ": points have dimension " + current.dimension()
                    + " but the domain has dimension " + domain.dimension());
        }
        double[] r = current.residuals();
        for (int i = 0; i < r.length; i++) {
            if (!(r[i] >= 0) || Double.isInfinite(r[i])) {
                throw new IllegalArgumentException("sampler " + sampler + ": residual magnitude of point " + i
                        + " must be finite and >= 0, got " + r[i] + " (has training diverged?)");
            }
        }
    }

    /** {@code count} fresh uniform points from the domain, checked for shape. */
    static double[] fresh(String sampler, Domain domain, int count, SplittableRandom random) {
        if (count == 0) {
            return new double[0];
        }
        double[] points = domain.sample(count, random);
        if (points.length != count * domain.dimension()) {
            throw new IllegalStateException("sampler " + sampler + ": the domain returned " + points.length
                    + " values for " + count + " points of dimension " + domain.dimension());
        }
        return points;
    }

    /** The mean of the values; 0 for none. */
    static double mean(double[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).sum() / values.length;
    }

    /**
     * The rows of {@code points} whose {@code keep} flag is set, in their order, followed by the
     * rows of {@code fresh}.
     */
    static double[] retainAndAppend(double[] points, boolean[] keep, double[] fresh, int dimension) {
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        double[] out = new double[kept * dimension + fresh.length];
        int row = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                System.arraycopy(points, i * dimension, out, row++ * dimension, dimension);
            }
        }
        System.arraycopy(fresh, 0, out, kept * dimension, fresh.length);
        return out;
    }
}
