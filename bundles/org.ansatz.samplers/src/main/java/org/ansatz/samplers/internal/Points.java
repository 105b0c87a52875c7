package org.ansatz.samplers.internal;

import java.util.Objects;
import java.util.SplittableRandom;

/** Argument checks and number-theoretic helpers shared by the unit-cube samplers. */
final class Points {

    private Points() {
    }

    /** Rejects a negative count, a dimension below one or a missing source of randomness. */
    static void check(String sampler, int count, int dimension, SplittableRandom random) {
        if (count < 0) {
            throw new IllegalArgumentException("sampler " + sampler + ": count must be >= 0, got " + count);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("sampler " + sampler + ": dimension must be >= 1, got " + dimension);
        }
        if ((long) count * dimension > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("sampler " + sampler + ": " + count + " points of dimension "
                    + dimension + " do not fit in one array");
        }
        Objects.requireNonNull(random, "random");
    }

    /** I.i.d. uniform points in {@code [0,1)^d}, row-major. */
    static double[] uniform(int count, int dimension, SplittableRandom random) {
        double[] out = new double[count * dimension];
        for (int i = 0; i < out.length; i++) {
            out[i] = random.nextDouble();
        }
        return out;
    }

    /**
     * The radical inverse of {@code index} in {@code base}: its base-b digits mirrored about the
     * radix point (van der Corput). Exact for base 2; within a few ulps otherwise.
     */
    static double radicalInverse(long index, int base) {
        double inverse = 1.0 / base;
        double factor = inverse;
        double value = 0;
        for (long n = index; n > 0; n /= base) {
            value += (n % base) * factor;
            factor *= inverse;
        }
        // Mathematically < 1; guard against rounding so the result stays in [0,1).
        return value < 1 ? value : Math.nextDown(1.0);
    }

    /** {@code (x + shift) mod 1} for x, shift in [0,1); never returns 1.0. */
    static double shiftModOne(double x, double shift) {
        double v = x + shift;
        // v < 2, and v - 1 is exact for v in [1,2) (Sterbenz), so the result is in [0,1).
        return v >= 1 ? v - 1 : v;
    }

    /** The first {@code n} primes. */
    static int[] primes(int n) {
        int[] out = new int[n];
        int found = 0;
        for (int candidate = 2; found < n; candidate++) {
            boolean prime = true;
            for (int i = 0; i < found && out[i] * out[i] <= candidate; i++) {
                if (candidate % out[i] == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                out[found++] = candidate;
            }
        }
        return out;
    }
}
