package org.ansatz.samplers.internal;

import java.util.SplittableRandom;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;

/**
 * Cell centres of a regular grid; deterministic, the random source is not used.
 *
 * <p>The grid has {@code side = ceil(count^(1/d))} cells per axis, the smallest side whose
 * {@code side^d} cells are at least {@code count}. When {@code count} is a perfect d-th power every
 * cell centre is returned. Otherwise exactly {@code count} of the {@code side^d} cells are kept,
 * evenly strided through the row-major cell order (cell {@code floor(j * side^d / count)} for
 * {@code j = 0..count-1}, the last axis varying fastest): the stride is at most one slab of the
 * first axis, so every slab keeps points, and the gaps are spread over the whole box rather than
 * collected at its far end, which is what taking the first {@code count} cells would do.
 */
@Component(service = Sampler.class)
@AnsatzMethod(name = "grid", description = "Cell centres of a regular grid (deterministic)")
public final class GridSampler implements Sampler {

    public GridSampler() {
    }

    @Override
    public double[] sample(int count, int dimension, SplittableRandom random) {
        Points.check("grid", count, dimension, random);
        double[] out = new double[count * dimension];
        if (count == 0) {
            return out;
        }
        int side = side(count, dimension);
        long cells = power(side, dimension);
        if (cells > Long.MAX_VALUE / count) {
            // Only reachable for dozens of dimensions, where a grid is no use anyway.
            throw new IllegalArgumentException("sampler grid: " + side + "^" + dimension
                    + " cells are too many to index; use sobol or halton in " + dimension + " dimensions");
        }
        for (int j = 0; j < count; j++) {
            long cell = j * cells / count;
            for (int a = dimension - 1; a >= 0; a--) {
                out[j * dimension + a] = (cell % side + 0.5) / side;
                cell /= side;
            }
        }
        return out;
    }

    /** The smallest n with n^d >= count. */
    static int side(int count, int dimension) {
        int n = Math.max(1, (int) Math.ceil(Math.pow(count, 1.0 / dimension)));
        // Math.pow may land one off either way for perfect powers; settle it with integers.
        while (n > 1 && power(n - 1, dimension) >= count) {
            n--;
        }
        while (power(n, dimension) < count) {
            n++;
        }
        return n;
    }

    /** n^d, saturating at Long.MAX_VALUE. */
    private static long power(int n, int d) {
        long p = 1;
        for (int i = 0; i < d; i++) {
            if (p > Long.MAX_VALUE / n) {
                return Long.MAX_VALUE;
            }
            p *= n;
        }
        return p;
    }
}
