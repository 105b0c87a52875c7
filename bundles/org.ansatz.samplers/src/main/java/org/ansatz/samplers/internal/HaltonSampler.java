package org.ansatz.samplers.internal;

import java.util.SplittableRandom;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;

/**
 * The Halton sequence: coordinate j of point i is the radical inverse of i in the j-th prime.
 *
 * <p>Randomised by a random start index: the points are those with indices {@code start ..
 * start+count-1}, with {@code start} uniform in [0, 2^32). Any run of consecutive Halton points is
 * itself low-discrepancy (in base 2 every block of 2^k consecutive indices still puts one point in each
 * of the 2^k dyadic intervals), so the structure survives and the points remain exact sequence
 * members. Unlike a Cranley–Patterson shift this does not make every
 * point exactly uniform; {@code hammersley} and {@code sobol} do. Any dimension is accepted, but the
 * large primes of high dimensions give visibly correlated coordinate pairs for small counts: prefer
 * {@code sobol} beyond about ten dimensions.
 */
@Component(service = Sampler.class)
@AnsatzMethod(name = "halton", description = "Halton sequence from a random start index")
public final class HaltonSampler implements Sampler {

    public HaltonSampler() {
    }

    @Override
    public double[] sample(int count, int dimension, SplittableRandom random) {
        Points.check("halton", count, dimension, random);
        return points(count, dimension, random.nextLong(1L << 32));
    }

    /** Points {@code start .. start+count-1} of the Halton sequence. */
    static double[] points(int count, int dimension, long start) {
        int[] primes = Points.primes(dimension);
        double[] out = new double[count * dimension];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < dimension; j++) {
                out[i * dimension + j] = Points.radicalInverse(start + i, primes[j]);
            }
        }
        return out;
    }
}
