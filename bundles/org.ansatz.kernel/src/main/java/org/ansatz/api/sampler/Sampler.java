package org.ansatz.api.sampler;

import java.util.SplittableRandom;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Draws points in the unit cube {@code [0,1)^d}; geometries map them into their domains. Registered
 * with {@code ansatz.name}, e.g. {@code uniform}, {@code sobol}, {@code lhs}. Residual-adaptive
 * samplers extend this with feedback from training.
 */
@ConsumerType
public interface Sampler {

    /**
     * @param count     number of points
     * @param dimension coordinates per point
     * @param random    source of randomness (also for scrambling quasi-random sequences); the same
     *                  seed gives the same points
     * @return row-major {@code count * dimension} values in {@code [0,1)}
     */
    double[] sample(int count, int dimension, SplittableRandom random);
}
