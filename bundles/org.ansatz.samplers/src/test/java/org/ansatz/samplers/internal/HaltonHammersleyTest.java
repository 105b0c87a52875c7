package org.ansatz.samplers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Halton and Hammersley samplers and the radical inverse behind both. */
class HaltonHammersleyTest {

    /** The largest |count - expected| over the {@code boxes^d} equal boxes of the cube. */
    static double maxDeviation(double[] p, int dimension, int boxesPerAxis) {
        int n = p.length / dimension;
        int total = (int) Math.pow(boxesPerAxis, dimension);
        int[] counts = new int[total];
        for (int i = 0; i < n; i++) {
            int cell = 0;
            for (int a = 0; a < dimension; a++) {
                cell = cell * boxesPerAxis + (int) (p[i * dimension + a] * boxesPerAxis);
            }
            counts[cell]++;
        }
        double expected = (double) n / total;
        return Arrays.stream(counts).mapToDouble(c -> Math.abs(c - expected)).max().orElse(0);
    }

    @Test
    void radicalInverseIsTheVanDerCorputSequence() {
        double[] base2 = {0, 0.5, 0.25, 0.75, 0.125, 0.625, 0.375, 0.875};
        double[] base3 = {0, 1 / 3.0, 2 / 3.0, 1 / 9.0, 4 / 9.0, 7 / 9.0, 2 / 9.0, 5 / 9.0, 8 / 9.0};
        for (int i = 0; i < base2.length; i++) {
            assertThat(Points.radicalInverse(i, 2)).isEqualTo(base2[i]);
        }
        for (int i = 0; i < base3.length; i++) {
            assertThat(Points.radicalInverse(i, 3)).isCloseTo(base3[i], within(1e-15));
        }
        assertThat(Points.radicalInverse(11, 5)).isCloseTo(1 / 5.0 + 2 / 25.0, within(1e-15));
        assertThat(Points.primes(10)).containsExactly(2, 3, 5, 7, 11, 13, 17, 19, 23, 29);
    }

    @Test
    void haltonFromIndexZeroIsVanDerCorputInEachPrime() {
        double[] p = HaltonSampler.points(8, 3, 0);
        for (int i = 0; i < 8; i++) {
            assertThat(p[3 * i]).isEqualTo(Points.radicalInverse(i, 2));
            assertThat(p[3 * i + 1]).isEqualTo(Points.radicalInverse(i, 3));
            assertThat(p[3 * i + 2]).isEqualTo(Points.radicalInverse(i, 5));
        }
        assertThat(p[3 * 3 + 1]).isCloseTo(1 / 9.0, within(1e-15));
    }

    @Test
    void haltonStartsAtARandomIndexAndStaysOnTheSequence() {
        long start = new SplittableRandom(42).nextLong(1L << 32);
        assertThat(new HaltonSampler().sample(20, 2, new SplittableRandom(42)))
                .containsExactly(HaltonSampler.points(20, 2, start));
        assertThat(start).isPositive();
        // Any 2^k consecutive base-2 radical inverses hit every dyadic interval of length 2^-k once.
        double[] p = new HaltonSampler().sample(64, 1, new SplittableRandom(9));
        assertThat(maxDeviation(p, 1, 64)).isZero();
    }

    @Test
    void haltonBoxCountsAreFarCloserToUniformThanRandomPoints() {
        int n = 4096;
        for (int d = 2; d <= 3; d++) {
            int boxes = d == 2 ? 16 : 4;
            // A random box count has standard deviation about sqrt(expected) (4 in 2D, 8 in 3D) and the
            // worst of hundreds of boxes strays by about three of them; Halton stays within one.
            double sd = Math.sqrt(n / Math.pow(boxes, d));
            double halton = maxDeviation(new HaltonSampler().sample(n, d, new SplittableRandom(d)), d, boxes);
            double random = maxDeviation(new UniformSampler().sample(n, d, new SplittableRandom(d)), d, boxes);
            assertThat(halton).as("d = %d", d).isLessThanOrEqualTo(0.75 * sd).isLessThan(random / 2.5);
        }
    }

    @Test
    void unshiftedHammersleyIsALatticeTimesVanDerCorputAndAZeroNet() {
        double[] p = HammersleySampler.points(8, 3, new double[3]);
        for (int i = 0; i < 8; i++) {
            assertThat(p[3 * i]).isEqualTo(i / 8.0);
            assertThat(p[3 * i + 1]).isEqualTo(Points.radicalInverse(i, 2));
            assertThat(p[3 * i + 2]).isEqualTo(Points.radicalInverse(i, 3));
        }
        for (int m = 6; m <= 10; m++) {
            double[] q = HammersleySampler.points(1 << m, 2, new double[2]);
            assertThat(SobolSamplerTest.isZeroNet(q, 2, 0, 1, m)).as("m = %d", m).isTrue();
        }
    }

    @Test
    void hammersleyIsShiftedModuloOneByOneOffsetPerAxis() {
        int n = 100;
        int d = 3;
        double[] plain = HammersleySampler.points(n, d, new double[d]);
        double[] shifted = new HammersleySampler().sample(n, d, new SplittableRandom(5));
        for (int a = 0; a < d; a++) {
            double offset = shifted[a] - plain[a];
            offset -= Math.floor(offset);
            assertThat(offset).as("axis %d", a).isGreaterThan(1e-6);
            for (int i = 0; i < n; i++) {
                double o = shifted[i * d + a] - plain[i * d + a];
                o -= Math.floor(o);
                double gap = Math.abs(o - offset);
                assertThat(Math.min(gap, 1 - gap)).as("axis %d point %d", a, i).isLessThan(1e-12);
            }
        }
        // The shifted first coordinates still stratify [0,1) into count intervals.
        double[] first = new double[n];
        for (int i = 0; i < n; i++) {
            first[i] = shifted[i * d];
        }
        assertThat(maxDeviation(first, 1, n)).isZero();
    }
}
