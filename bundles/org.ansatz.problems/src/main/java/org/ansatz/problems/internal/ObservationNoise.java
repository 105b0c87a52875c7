package org.ansatz.problems.internal;

import java.util.SplittableRandom;

/**
 * Gaussian measurement noise drawn from a fixed seed, so that every run of an inverse problem sees the
 * same measurement campaign and the noise-free and noisy variants differ only by the noise.
 */
final class ObservationNoise {

    private ObservationNoise() {
    }

    /** One standard normal draw (Box-Muller; two uniforms per draw). */
    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /**
     * The values plus {@code level * scale[i % scale.length] * N(0, 1)}; values laid out point by point
     * with {@code scale.length} components each. Level 0 returns an exact copy and draws nothing.
     */
    static double[] add(double[] values, double level, double[] scale, SplittableRandom random) {
        double[] noisy = values.clone();
        if (level == 0) {
            return noisy;
        }
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] += level * scale[i % scale.length] * gaussian(random);
        }
        return noisy;
    }

    /** The population standard deviation of the values, the scale of relative noise on one output. */
    static double std(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }
}
