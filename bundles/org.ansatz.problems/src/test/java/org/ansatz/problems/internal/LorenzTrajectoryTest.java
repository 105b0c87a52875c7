package org.ansatz.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LorenzTrajectoryTest {

    private static double error(int steps, double t) {
        double[] fine = new LorenzTrajectory(10, 15, 8.0 / 3, new double[] {-8, 7, 27}, 1, 64_000).at(t);
        double[] coarse = new LorenzTrajectory(10, 15, 8.0 / 3, new double[] {-8, 7, 27}, 1, steps).at(t);
        double e = 0;
        for (int j = 0; j < 3; j++) {
            e = Math.max(e, Math.abs(fine[j] - coarse[j]));
        }
        return e;
    }

    @Test
    void rk4ConvergesAtFourthOrderAtGridPointsAndBetweenThem() {
        // Halving the step divides the error by about 2^4 = 16, at a grid node and between nodes.
        for (double t : new double[] {1.0, 0.5 + 1.0 / 3000}) {
            double e1 = error(500, t);
            double e2 = error(1000, t);
            double order = Math.log(e1 / e2) / Math.log(2);
            assertThat(order).as("t = " + t).isBetween(3.6, 4.4);
        }
    }

    @Test
    void theDefaultTrajectoryIsConvergedAndEvaluatesOnlyInside() {
        LorenzTrajectory t = new LorenzTrajectory(10, 15, 8.0 / 3, new double[] {-8, 7, 27}, 3, 30_000);
        LorenzTrajectory twice = new LorenzTrajectory(10, 15, 8.0 / 3, new double[] {-8, 7, 27}, 3, 60_000);
        for (double s : new double[] {0.7, 1.9, 2.999}) {
            for (int j = 0; j < 3; j++) {
                assertThat(Math.abs(t.at(s)[j] - twice.at(s)[j])).isLessThan(1e-8);
            }
        }
        assertThat(t.at(0)).containsExactly(-8, 7, 27);
        assertThatThrownBy(() -> t.at(3.5)).hasMessageContaining("outside");
    }
}
