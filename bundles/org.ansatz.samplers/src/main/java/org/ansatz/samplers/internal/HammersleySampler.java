package org.ansatz.samplers.internal;

import java.util.SplittableRandom;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;

/**
 * The Hammersley set for a known count: point i has first coordinate i/count and then the radical
 * inverses of i in the primes 2, 3, 5, ... Unlike a sequence it is built for one count (its
 * discrepancy is a log factor lower than Halton's, but the first n points of a larger set are not
 * a good set).
 *
 * <p>Randomised by a Cranley–Patterson rotation: one uniform shift per coordinate, added modulo 1.
 * Every point becomes exactly uniform on the cube and the set is a torus translate of the
 * original, so its structure on the torus is kept: the first coordinates are still
 * {@code 1/count} apart. (A shift modulo 1 is not digital, so dyadic net properties are not kept; the
 * {@code sobol} sampler keeps those.)
 */
@Component(service = Sampler.class)
@AnsatzMethod(name = "hammersley", description = "Hammersley set with a random Cranley-Patterson shift")
public final class HammersleySampler implements Sampler {

    public HammersleySampler() {
    }

    @Override
    public double[] sample(int count, int dimension, SplittableRandom random) {
        Points.check("hammersley", count, dimension, random);
        double[] shifts = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            shifts[j] = random.nextDouble();
        }
        return points(count, dimension, shifts);
    }

    /** The Hammersley set of {@code count} points with coordinate j shifted by {@code shifts[j]} modulo 1. */
    static double[] points(int count, int dimension, double[] shifts) {
        int[] primes = Points.primes(Math.max(0, dimension - 1));
        double[] out = new double[count * dimension];
        for (int i = 0; i < count; i++) {
            out[i * dimension] = Points.shiftModOne((double) i / count, shifts[0]);
            for (int j = 1; j < dimension; j++) {
                out[i * dimension + j] = Points.shiftModOne(Points.radicalInverse(i, primes[j - 1]), shifts[j]);
            }
        }
        return out;
    }
}
