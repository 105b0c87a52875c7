package org.ansatz.gp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ansatz.problems.internal.Burgers;
import org.ansatz.problems.internal.HeatNoisy;
import org.ansatz.problems.internal.PoissonMultiscale2d;
import org.junit.jupiter.api.Test;

/** Where GP-HFM imposes the conditions: at the grid's face nodes when they cover whole faces. */
class PdeSetupTest {

    private static double[][] grid(double[] lo, double[] hi, int... sizes) {
        double[][] g = new double[sizes.length][];
        for (int a = 0; a < sizes.length; a++) {
            g[a] = new double[sizes[a]];
            for (int i = 0; i < sizes[a]; i++) {
                g[a][i] = lo[a] + (hi[a] - lo[a]) * i / (sizes[a] - 1);
            }
        }
        return g;
    }

    @Test
    void aDirichletConditionOnTheWholeBoundaryTakesEveryFaceNodeOnce() {
        PoissonMultiscale2d p = new PoissonMultiscale2d();
        double[][] g = grid(p.domain().lower(), p.domain().upper(), 5, 4);
        List<double[]> pts = PdeSetup.gridFacePoints(p.conditions(false), g, 0);
        assertThat(pts).hasSize(1);
        // 5 x 4 nodes, of which 3 x 2 are interior.
        assertThat(pts.get(0)).hasSize(2 * (20 - 6));
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < pts.get(0).length / 2; i++) {
            double x = pts.get(0)[2 * i];
            double y = pts.get(0)[2 * i + 1];
            assertThat(x == g[0][0] || x == g[0][4] || y == g[1][0] || y == g[1][3]).as("(%s, %s) on a face", x, y)
                    .isTrue();
            distinct.add(x + "," + y);
        }
        assertThat(distinct).hasSize(14);
    }

    @Test
    void initialAndBoundaryConditionsShareTheCornersAndLeaveTheFinalTimeFree() {
        Burgers p = new Burgers();
        double[][] g = grid(p.domain().lower(), p.domain().upper(), 6, 7);
        List<double[]> pts = PdeSetup.gridFacePoints(p.conditions(false), g, 0);
        assertThat(pts).hasSize(2);
        // ic: the whole t = 0 line, corners included; bc: x = -1 and x = 1 for t > 0.
        assertThat(pts.get(0)).hasSize(2 * 7);
        assertThat(pts.get(1)).hasSize(2 * 2 * 5);
        for (int i = 0; i < pts.get(1).length / 2; i++) {
            assertThat(pts.get(1)[2 * i]).isGreaterThan(0);
            assertThat(Math.abs(pts.get(1)[2 * i + 1])).isEqualTo(1.0);
        }
    }

    @Test
    void interiorObservationsFallBackToSampling() {
        HeatNoisy p = new HeatNoisy();
        double[][] g = grid(p.domain().lower(), p.domain().upper(), 6, 6);
        assertThat(PdeSetup.gridFacePoints(p.conditions(false), g, 0)).isNull();
    }
}
