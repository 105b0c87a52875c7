package org.ansatz.samplers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The uniform, grid and Latin hypercube samplers. */
class UniformGridLhsTest {

    @Test
    void uniformHasUniformMeanAndVarianceOnEveryAxis() {
        int n = 100_000;
        int d = 3;
        double[] p = new UniformSampler().sample(n, d, new SplittableRandom(3));
        for (int a = 0; a < d; a++) {
            double mean = 0;
            double square = 0;
            for (int i = 0; i < n; i++) {
                mean += p[i * d + a] / n;
                square += p[i * d + a] * p[i * d + a] / n;
            }
            assertThat(mean).isCloseTo(0.5, within(0.005));
            assertThat(square - mean * mean).isCloseTo(1.0 / 12, within(0.002));
        }
    }

    @Test
    void gridOfAPerfectPowerIsEveryCellCentre() {
        double[] p = new GridSampler().sample(16, 2, new SplittableRandom(1));
        Set<String> cells = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            double x = p[2 * i] * 4 - 0.5;
            double y = p[2 * i + 1] * 4 - 0.5;
            assertThat(x).isCloseTo(Math.rint(x), within(1e-12));
            assertThat(y).isCloseTo(Math.rint(y), within(1e-12));
            cells.add(Math.rint(x) + "," + Math.rint(y));
        }
        assertThat(cells).hasSize(16);
        assertThat(new GridSampler().sample(1000, 3, new SplittableRandom(1))).contains(0.05, 0.95);
    }

    @Test
    void gridOfOtherCountsGivesExactlyCountDistinctCentresSpreadOverTheBox() {
        // 10 points in 2D: a 4x4 grid, 10 of its 16 centres.
        double[] p = new GridSampler().sample(10, 2, new SplittableRandom(1));
        assertThat(p).hasSize(20);
        Set<String> cells = new HashSet<>();
        Set<Long> rows = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            long x = Math.round(p[2 * i] * 4 - 0.5);
            long y = Math.round(p[2 * i + 1] * 4 - 0.5);
            assertThat(p[2 * i]).isCloseTo((x + 0.5) / 4, within(1e-12));
            assertThat(p[2 * i + 1]).isCloseTo((y + 0.5) / 4, within(1e-12));
            cells.add(x + "," + y);
            rows.add(x);
        }
        assertThat(cells).hasSize(10);
        assertThat(rows).containsExactlyInAnyOrder(0L, 1L, 2L, 3L);
        assertThat(GridSampler.side(10, 2)).isEqualTo(4);
        assertThat(GridSampler.side(16, 2)).isEqualTo(4);
        assertThat(GridSampler.side(17, 2)).isEqualTo(5);
        assertThat(GridSampler.side(1000, 3)).isEqualTo(10);
        assertThat(GridSampler.side(1001, 3)).isEqualTo(11);
        assertThat(GridSampler.side(1, 5)).isEqualTo(1);
    }

    @Test
    void latinHypercubePutsOnePointInEveryStratumOfEveryAxis() {
        int n = 37;
        int d = 5;
        double[] p = new LatinHypercubeSampler().sample(n, d, new SplittableRandom(11));
        int[][] strata = new int[d][n];
        for (int a = 0; a < d; a++) {
            boolean[] seen = new boolean[n];
            for (int i = 0; i < n; i++) {
                int s = (int) Math.floor(p[i * d + a] * n);
                assertThat(seen[s]).as("stratum %d of axis %d twice", s, a).isFalse();
                seen[s] = true;
                strata[a][i] = s;
            }
        }
        // The axes are paired by independent permutations, not all along the diagonal.
        for (int a = 1; a < d; a++) {
            assertThat(strata[a]).isNotEqualTo(strata[0]);
        }
        assertThat(Arrays.stream(strata[0]).limit(10).toArray()).isNotEqualTo(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    }
}
