package org.ansatz.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The interpolant reproduces what it claims to: trigonometric polynomials in x, cubics in t. */
class PeriodicSnapshotsTest {

    /** Degree 3 in t, trigonometric of degree up to n/2 in x (the Nyquist cosine included). */
    private static double f(double t, double x) {
        double theta = Math.PI * (x + 1);
        return (1 - 2 * t + t * t * t) * Math.cos(3 * theta) + t * t * Math.sin(7 * theta) + 0.5
                + 0.25 * t * Math.cos(8 * theta);
    }

    @Test
    void isExactForCubicsInTimeAndTrigonometricPolynomialsInSpace() {
        int n = 16;
        double[][] rows = new double[6][n];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < n; j++) {
                rows[i][j] = f(0.2 * i, -1 + 2.0 * j / n);
            }
        }
        PeriodicSnapshots s = new PeriodicSnapshots(0, 0.2, -1, 2, rows);
        for (double t : new double[] {0, 0.05, 0.3, 0.55, 0.8, 0.97, 1}) {
            for (double x = -1; x <= 1; x += 0.0625) {
                // Off the nodes the Nyquist term is the cosine only: its value at the nodes is all the data say.
                assertThat(s.at(t, x)).as("t=%s x=%s", t, x).isCloseTo(f(t, x), org.assertj.core.api.Assertions.within(1e-12));
            }
        }
        assertThat(s.times()).isEqualTo(6);
    }

    @Test
    void needsFourSnapshots() {
        assertThatThrownBy(() -> new PeriodicSnapshots(0, 1, 0, 1, new double[3][8]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
