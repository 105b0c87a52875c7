package org.ansatz.samplers.internal;

import java.util.SplittableRandom;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.sampler.Sampler;
import org.osgi.service.component.annotations.Component;

/**
 * The Sobol' sequence with the Joe–Kuo direction numbers ({@code new-joe-kuo-6.21201}, S. Joe and
 * F. Y. Kuo, SIAM J. Sci. Comput. 30, 2008), in Gray-code order, randomised by a random digital shift.
 *
 * <p>Coordinates are 53-bit binary fractions, so they convert to doubles exactly. The digital shift
 * XORs every coordinate of dimension j with one random 53-bit mask drawn per dimension: an XOR with a
 * constant only relabels the elementary intervals [a/2^i, (a+1)/2^i), so each shifted point set is
 * still a (t,m,s)-net with the same t, while every point becomes uniform on the cube (an unbiased
 * estimator). The sequence starts at index 0; nothing is skipped, since after the shift the point
 * with index 0 is no longer the origin. Up to {@link #MAX_DIMENSION} dimensions.
 */
@Component(service = Sampler.class)
@AnsatzMethod(name = "sobol", description = "Sobol' sequence (Joe-Kuo) with a random digital shift")
public final class SobolSampler implements Sampler {

    /** Bits of every coordinate: a double's significand, so that x * 2^-53 is exact. */
    private static final int BITS = 53;

    /** Direction numbers per dimension: enough for 2^31 points, as counts are ints. */
    private static final int LOG2_MAX_POINTS = 31;

    /**
     * Joe–Kuo {@code new-joe-kuo-6.21201} for dimensions 2, 3, ...: degree s of the primitive
     * polynomial, its coded inner coefficients a, then the initial m_1..m_s. Dimension 1 is the van
     * der Corput sequence (all m_k = 1).
     */
    private static final int[][] JOE_KUO = {
        {1, 0, 1},
        {2, 1, 1, 3},
        {3, 1, 1, 3, 1},
        {3, 2, 1, 1, 1},
        {4, 1, 1, 1, 3, 3},
        {4, 4, 1, 3, 5, 13},
        {5, 2, 1, 1, 5, 5, 17},
        {5, 4, 1, 1, 5, 5, 5},
        {5, 7, 1, 1, 7, 11, 19},
        {5, 11, 1, 1, 5, 1, 1},
        {5, 13, 1, 1, 1, 3, 11},
        {5, 14, 1, 3, 5, 5, 31},
        {6, 1, 1, 3, 3, 9, 7, 49},
        {6, 13, 1, 1, 1, 15, 21, 21},
        {6, 16, 1, 3, 1, 13, 27, 49},
        {6, 19, 1, 1, 1, 15, 7, 5},
        {6, 22, 1, 3, 1, 15, 13, 25},
        {6, 25, 1, 1, 5, 5, 19, 61},
        {7, 1, 1, 3, 7, 11, 23, 15, 103},
        {7, 4, 1, 3, 7, 13, 13, 15, 69},
    };

    /** The largest dimension supported. */
    static final int MAX_DIMENSION = JOE_KUO.length + 1;

    /** DIRECTIONS[j][k] = m_{k+1} 2^(BITS-k-1) for dimension j. */
    private static final long[][] DIRECTIONS = directions();

    public SobolSampler() {
    }

    @Override
    public double[] sample(int count, int dimension, SplittableRandom random) {
        Points.check("sobol", count, dimension, random);
        checkDimension(dimension);
        long[] shifts = new long[dimension];
        for (int j = 0; j < dimension; j++) {
            shifts[j] = random.nextLong() >>> (Long.SIZE - BITS);
        }
        return points(count, dimension, shifts);
    }

    /**
     * The first {@code count} points, each coordinate XORed with its dimension's 53-bit shift (all
     * zeros for the plain sequence).
     */
    static double[] points(int count, int dimension, long[] shifts) {
        checkDimension(dimension);
        double[] out = new double[count * dimension];
        long[] x = new long[dimension];
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                // Gray-code order: point i differs from point i-1 by the direction number of i's lowest set bit.
                int c = Integer.numberOfTrailingZeros(i);
                for (int j = 0; j < dimension; j++) {
                    x[j] ^= DIRECTIONS[j][c];
                }
            }
            for (int j = 0; j < dimension; j++) {
                out[i * dimension + j] = (x[j] ^ shifts[j]) * 0x1.0p-53;
            }
        }
        return out;
    }

    private static void checkDimension(int dimension) {
        if (dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("sampler sobol: dimension " + dimension
                    + " is above the " + MAX_DIMENSION + " dimensions with direction numbers here; use halton");
        }
    }

    private static long[][] directions() {
        long[][] v = new long[MAX_DIMENSION][LOG2_MAX_POINTS];
        for (int k = 0; k < LOG2_MAX_POINTS; k++) {
            v[0][k] = 1L << (BITS - k - 1);
        }
        for (int j = 1; j < MAX_DIMENSION; j++) {
            int[] row = JOE_KUO[j - 1];
            int s = row[0];
            int a = row[1];
            long[] m = new long[LOG2_MAX_POINTS + 1];
            for (int k = 1; k <= s; k++) {
                m[k] = row[1 + k];
            }
            // Bratley–Fox recurrence from the primitive polynomial x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1,
            // with a_1 the highest of the s-1 bits of a.
            for (int k = s + 1; k <= LOG2_MAX_POINTS; k++) {
                long next = m[k - s] ^ (m[k - s] << s);
                for (int l = 1; l < s; l++) {
                    if (((a >> (s - 1 - l)) & 1) != 0) {
                        next ^= m[k - l] << l;
                    }
                }
                m[k] = next;
            }
            for (int k = 1; k <= LOG2_MAX_POINTS; k++) {
                v[j][k - 1] = m[k] << (BITS - k);
            }
        }
        return v;
    }
}
