package org.ansatz.api.geometry;

import java.util.SplittableRandom;
import org.ansatz.api.derivative.Jet;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A region of space. Signed distances are negative inside, zero on the boundary, positive outside.
 * {@link Geometries} builds the usual ones and combines them.
 */
@ConsumerType
public interface Geometry {

    int dimension();

    /** Lower and upper corners of a box that contains the region: {@code [lower..., upper...]}. */
    double[] bounds();

    /** Signed distance (exact for primitives; for set operations exact in sign, approximate in size). */
    double signedDistance(double[] point);

    default boolean contains(double[] point) {
        return signedDistance(point) <= 1e-12;
    }

    /** Length (2D) or area (3D) of the boundary, for splitting boundary samples among parts. */
    double boundaryMeasure();

    /** Points on the boundary with outward normals, uniform with respect to boundary measure. */
    BoundarySample sampleBoundary(int count, SplittableRandom random);

    /** Uniform points inside, row-major, by rejection from the bounding box. */
    default double[] sampleInterior(int count, SplittableRandom random) {
        int d = dimension();
        double[] b = bounds();
        double[] out = new double[count * d];
        double[] p = new double[d];
        int found = 0;
        long tries = 0;
        while (found < count) {
            if (++tries > 1000L * count + 1_000_000) {
                throw new IllegalStateException("the region is too small in its bounding box to sample by rejection");
            }
            for (int a = 0; a < d; a++) {
                p[a] = b[a] + random.nextDouble() * (b[d + a] - b[a]);
            }
            if (signedDistance(p) < 0) {
                System.arraycopy(p, 0, out, found * d, d);
                found++;
            }
        }
        return out;
    }

    /**
     * Points inside drawn from {@code sampler} (e.g. a low-discrepancy sequence) over the bounding
     * box, keeping those inside; for a box this preserves the sequence's structure.
     */
    default double[] sampleInterior(int count, org.ansatz.api.sampler.Sampler sampler, SplittableRandom random) {
        int d = dimension();
        double[] b = bounds();
        double[] out = new double[count * d];
        double[] p = new double[d];
        int found = 0;
        int batch = count;
        for (int round = 0; found < count; round++) {
            if (round > 50) {
                throw new IllegalStateException("the region is too small in its bounding box to sample by rejection");
            }
            double[] u = sampler.sample(batch, d, random);
            for (int i = 0; i < batch && found < count; i++) {
                for (int a = 0; a < d; a++) {
                    p[a] = b[a] + u[i * d + a] * (b[d + a] - b[a]);
                }
                if (signedDistance(p) < 0) {
                    System.arraycopy(p, 0, out, found * d, d);
                    found++;
                }
            }
            // Draw the rest with room to spare for the rejected share.
            batch = (int) Math.min(64L * count, Math.max(16, 2L * (count - found) * count / Math.max(1, found)));
        }
        return out;
    }

    /**
     * A smooth function of the inputs that is positive inside, zero on the boundary and grows like the
     * distance near it: multiplying a network by it imposes zero boundary values exactly.
     *
     * @param x jet of the points (the spatial columns of the inputs)
     * @throws UnsupportedOperationException when this geometry has none
     */
    Jet distance(Jet x);
}
