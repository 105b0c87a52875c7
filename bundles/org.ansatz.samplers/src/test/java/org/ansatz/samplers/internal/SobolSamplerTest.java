package org.ansatz.samplers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Sobol' sampler: known values, net structure with and without the digital shift. */
class SobolSamplerTest {

    /**
     * True when the first 2^m points, in the coordinates {@code x} and {@code y}, put exactly one
     * point in each elementary box [a/2^i,(a+1)/2^i) x [b/2^j,(b+1)/2^j) with i + j = m.
     */
    static boolean isZeroNet(double[] p, int dimension, int x, int y, int m) {
        int n = 1 << m;
        for (int i = 0; i <= m; i++) {
            int j = m - i;
            int[] counts = new int[n];
            for (int k = 0; k < n; k++) {
                int a = (int) (p[k * dimension + x] * (1 << i));
                int b = (int) (p[k * dimension + y] * (1 << j));
                counts[(a << j) | b]++;
            }
            for (int c : counts) {
                if (c != 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] column(double[] p, int dimension, int axis, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = p[i * dimension + axis];
        }
        return out;
    }

    @Test
    void firstPointsMatchTheDefinition() {
        // Gray-code order: x_i = x_(i-1) XOR v_(lowest set bit of i). Dimension 1 has v_k = 2^-k;
        // dimension 2 (polynomial x + 1, m_1 = 1) has m = 1, 3, 5 so v = 1/2, 3/4, 5/8;
        // dimension 3 (x^2 + x + 1, m = 1, 3) has m_3 = 1 ^ 4 ^ 6 = 3 so v = 1/2, 3/4, 3/8.
        double[] p = SobolSampler.points(8, 3, new long[3]);
        assertThat(column(p, 3, 0, 8)).containsExactly(0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125);
        assertThat(column(p, 3, 1, 8)).containsExactly(0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625);
        assertThat(column(p, 3, 2, 8)).containsExactly(0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375);
    }

    /**
     * m_1..m_10 of every dimension: the Joe–Kuo initial values extended by the recurrence, e.g.
     * dimension 8 (s = 5, a = 2, m = 1 1 5 5 17) has m_6 = m_1 ^ (m_1 << 5) ^ (m_3 << 3) = 1 ^ 32 ^ 40 = 9.
     */
    private static final int[][] M = {
        {1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
        {1, 3, 5, 15, 17, 51, 85, 255, 257, 771},
        {1, 3, 3, 9, 29, 23, 71, 197, 209, 627},
        {1, 3, 1, 5, 31, 29, 81, 147, 433, 149},
        {1, 1, 1, 11, 31, 55, 61, 157, 181, 191},
        {1, 1, 3, 3, 25, 9, 43, 251, 449, 449},
        {1, 3, 5, 13, 11, 37, 31, 227, 381, 143},
        {1, 1, 5, 5, 17, 9, 9, 45, 237, 633},
        {1, 1, 5, 5, 5, 53, 53, 113, 113, 353},
        {1, 1, 7, 11, 19, 37, 69, 91, 103, 871},
        {1, 1, 5, 1, 1, 27, 79, 35, 175, 695},
        {1, 1, 1, 3, 11, 43, 75, 43, 425, 37},
        {1, 3, 5, 5, 31, 35, 113, 51, 31, 133},
        {1, 3, 3, 9, 7, 49, 33, 163, 483, 681},
        {1, 1, 1, 15, 21, 21, 77, 157, 61, 371},
        {1, 3, 1, 13, 27, 49, 35, 133, 331, 475},
        {1, 1, 1, 15, 7, 5, 123, 103, 287, 321},
        {1, 3, 1, 15, 13, 25, 27, 109, 131, 897},
        {1, 1, 5, 5, 19, 61, 87, 187, 463, 599},
        {1, 3, 7, 11, 23, 15, 103, 65, 67, 327},
        {1, 3, 7, 13, 13, 15, 69, 81, 339, 887},
    };

    @Test
    void directionNumbersOfEveryDimension() {
        // In Gray-code order point 2^k - 1 has Gray code 2^(k-1), so it is the direction number v_k = m_k / 2^k.
        int d = SobolSampler.MAX_DIMENSION;
        assertThat(d).isEqualTo(M.length);
        double[] p = SobolSampler.points(1024, d, new long[d]);
        for (int j = 0; j < d; j++) {
            for (int k = 1; k <= 10; k++) {
                assertThat(p[((1 << k) - 1) * d + j]).as("dimension %d, m_%d", j + 1, k)
                        .isEqualTo(M[j][k - 1] / (double) (1 << k));
            }
        }
    }

    @Test
    void unshiftedFirstTwoDimensionsAreZeroNets() {
        for (int m = 6; m <= 10; m++) {
            double[] p = SobolSampler.points(1 << m, 2, new long[2]);
            assertThat(isZeroNet(p, 2, 0, 1, m)).as("m = %d", m).isTrue();
        }
    }

    @Test
    void netCheckDetectsRandomPoints() {
        double[] p = new UniformSampler().sample(256, 2, new SplittableRandom(1));
        assertThat(isZeroNet(p, 2, 0, 1, 8)).isFalse();
    }

    @Test
    void digitalShiftKeepsTheNetsAndStratifiesEveryDimension() {
        int d = SobolSampler.MAX_DIMENSION;
        for (int m = 6; m <= 10; m++) {
            int n = 1 << m;
            double[] p = new SobolSampler().sample(n, d, new SplittableRandom(m));
            assertThat(isZeroNet(p, d, 0, 1, m)).as("m = %d", m).isTrue();
            for (int axis = 0; axis < d; axis++) {
                boolean[] seen = new boolean[n];
                for (int i = 0; i < n; i++) {
                    int s = (int) (p[i * d + axis] * n);
                    assertThat(seen[s]).as("axis %d interval %d", axis, s).isFalse();
                    seen[s] = true;
                }
            }
        }
        double[] shifted = new SobolSampler().sample(8, 2, new SplittableRandom(5));
        assertThat(shifted).isNotEqualTo(SobolSampler.points(8, 2, new long[2]));
        assertThat(shifted[0]).isNotZero();
    }

    @Test
    void tooManyDimensionsIsAClearError() {
        int d = SobolSampler.MAX_DIMENSION + 1;
        assertThat(SobolSampler.MAX_DIMENSION).isGreaterThanOrEqualTo(8);
        assertThatThrownBy(() -> new SobolSampler().sample(4, d, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension " + d)
                .hasMessageContaining(String.valueOf(SobolSampler.MAX_DIMENSION));
    }
}
