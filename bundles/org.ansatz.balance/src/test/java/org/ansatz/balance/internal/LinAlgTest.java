package org.ansatz.balance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinAlgTest {

    @Test
    void reductions() {
        assertThat(LinAlg.dot(new double[] {1, 2, 3}, new double[] {4, -5, 6})).isEqualTo(12.0);
        assertThat(LinAlg.norm(new double[] {3, -4})).isEqualTo(5.0);
        // Squares of 1e200 overflow; the scaled norm does not.
        assertThat(LinAlg.norm(new double[] {3e200, 4e200})).isCloseTo(5e200, within(1e186));
        assertThat(LinAlg.norm(new double[] {0, 0})).isZero();
        assertThat(LinAlg.maxAbs(new double[] {1, -7, 3})).isEqualTo(7.0);
        assertThat(LinAlg.meanAbs(new double[] {1, -7, 3, 1})).isEqualTo(3.0);
        assertThatThrownBy(() -> LinAlg.dot(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 and 3");
    }

    @Test
    void eigenvaluesOfAKnownMatrix() {
        double[][] v = new double[2][2];
        double[] values = LinAlg.symmetricEigen(new double[][] {{2, 1}, {1, 2}}, v);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(sorted[0]).isCloseTo(1, within(1e-15));
        assertThat(sorted[1]).isCloseTo(3, within(1e-15));
        int big = values[0] > values[1] ? 0 : 1;
        // The eigenvector of 3 is (1, 1)/sqrt 2, up to sign.
        assertThat(Math.abs(v[0][big])).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(v[0][big] * v[1][big]).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void eigenDecompositionReconstructsARandomSymmetricMatrix() {
        Random r = new Random(7);
        int m = 6;
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = r.nextGaussian();
            }
        }
        double[][] v = new double[m][m];
        double[] l = LinAlg.symmetricEigen(a, v);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double back = 0;
                double orth = 0;
                for (int k = 0; k < m; k++) {
                    back += v[i][k] * l[k] * v[j][k];
                    orth += v[k][i] * v[k][j];
                }
                assertThat(back).isCloseTo(a[i][j], within(1e-13));
                assertThat(orth).isCloseTo(i == j ? 1 : 0, within(1e-13));
            }
        }
    }

    @Test
    void pseudoInverseOfASingularMatrix() {
        // [[1, 1], [1, 1]] = 2 e e^T with e = (1, 1)/sqrt 2, so its pseudo-inverse is e e^T / 2.
        double[][] p = LinAlg.pinvSymmetric(new double[][] {{1, 1}, {1, 1}});
        for (double[] row : p) {
            for (double x : row) {
                assertThat(x).isCloseTo(0.25, within(1e-15));
            }
        }
        // Rank 2 of 3: diag(4, 1, 0) rotated by 45 degrees in the (1, 3) plane.
        double s = Math.sqrt(0.5);
        double[][] q = {{s, 0, -s}, {0, 1, 0}, {s, 0, s}}; // columns: eigenvectors
        double[] lambda = {4, 1, 0};
        double[][] a = new double[3][3];
        double[][] expected = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    a[i][j] += q[i][k] * lambda[k] * q[j][k];
                    expected[i][j] += lambda[k] == 0 ? 0 : q[i][k] / lambda[k] * q[j][k];
                }
            }
        }
        double[][] pinv = LinAlg.pinvSymmetric(a);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(pinv[i][j]).as("(%d, %d)", i, j).isCloseTo(expected[i][j], within(1e-14));
            }
        }
        assertThat(pinv[0][0]).isCloseTo(0.125, within(1e-14)); // (1/4) / 2 from the first eigenpair
        // Moore-Penrose: A P A = A.
        double[][] apa = mul(mul(a, pinv), a);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(apa[i][j]).isCloseTo(a[i][j], within(1e-14));
            }
        }
    }

    @Test
    void pseudoInverseOfAnInvertibleMatrixIsItsInverse() {
        double[][] p = LinAlg.pinvSymmetric(new double[][] {{2, 1}, {1, 2}});
        // inverse = [[2, -1], [-1, 2]] / 3
        assertThat(p[0][0]).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(p[0][1]).isCloseTo(-1.0 / 3, within(1e-15));
        assertThat(p[1][1]).isCloseTo(2.0 / 3, within(1e-15));
    }

    @Test
    void pseudoInverseOfZeroIsZeroAndTinyEigenvaluesCountAsZero() {
        assertThat(LinAlg.pinvSymmetric(new double[][] {{0, 0}, {0, 0}})).isDeepEqualTo(new double[][] {{0, 0}, {0, 0}});
        // diag(1, 1e-14): 1e-14 is below 1e-12 * 1, so it is dropped rather than inverted to 1e14.
        double[][] p = LinAlg.pinvSymmetric(new double[][] {{1, 0}, {0, 1e-14}});
        assertThat(p[0][0]).isCloseTo(1, within(1e-15));
        assertThat(p[1][1]).isZero();
        // ... while 1e-10 is kept.
        assertThat(LinAlg.pinvSymmetric(new double[][] {{1, 0}, {0, 1e-10}})[1][1]).isCloseTo(1e10, within(1e-3));
    }

    @Test
    void rejectsAsymmetricMatrices() {
        assertThatThrownBy(() -> LinAlg.pinvSymmetric(new double[][] {{1, 2}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not symmetric");
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int m = a.length;
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < m; k++) {
                    out[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return out;
    }
}
