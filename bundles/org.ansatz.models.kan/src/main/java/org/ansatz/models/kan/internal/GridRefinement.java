package org.ansatz.models.kan.internal;

/**
 * Grid extension (Liu et al. 2024, section 2.5): the coefficients of a spline on a finer uniform grid
 * that reproduce a spline on a coarser one, by least squares at points dense in the grid range. The
 * map is linear in the coarse coefficients, so it is computed once per pair of grids as a matrix.
 *
 * <p>On the grid range the fit is exact (to rounding) when the finer grid size is a multiple of the
 * coarser one, since every coarse spline is then a fine spline there; otherwise it is the closest
 * fine spline. Outside the range the two differ: the outermost coarse basis functions reach further
 * beyond it (k coarse cells) than the fine ones (k fine cells). pykan behaves the same way.
 */
final class GridRefinement {

    private GridRefinement() {
    }

    /** Basis function j of a grid of {@code cells} cells on [0, 1] (k extra knots each side) at s. */
    static double basis(int degree, int cells, int j, double s) {
        return CardinalBSpline.value(degree, s * cells - j + degree);
    }

    /**
     * @return {@code P[fine + degree][coarse + degree]} with {@code c_fine = P c_coarse}
     */
    static double[][] prolongation(int degree, int coarse, int fine) {
        int nc = coarse + degree;
        int nf = fine + degree;
        int m = 8 * fine + 1;
        double[][] a = new double[m][nf];
        double[][] b = new double[m][nc];
        for (int r = 0; r < m; r++) {
            double s = (double) r / (m - 1);
            for (int j = 0; j < nf; j++) {
                a[r][j] = basis(degree, fine, j, s);
            }
            for (int j = 0; j < nc; j++) {
                b[r][j] = basis(degree, coarse, j, s);
            }
        }
        return leastSquares(a, b);
    }

    /** Minimises {@code |A X - B|} column by column with Householder QR (A has full column rank). */
    static double[][] leastSquares(double[][] a, double[][] b) {
        int m = a.length;
        int n = a[0].length;
        int q = b[0].length;
        double[][] r = new double[m][];
        double[][] y = new double[m][];
        for (int i = 0; i < m; i++) {
            r[i] = a[i].clone();
            y[i] = b[i].clone();
        }
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) {
                norm += r[i][k] * r[i][k];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                throw new IllegalStateException("rank-deficient least-squares problem at column " + k);
            }
            double alpha = r[k][k] > 0 ? -norm : norm;
            double[] v = new double[m];
            v[k] = r[k][k] - alpha;
            for (int i = k + 1; i < m; i++) {
                v[i] = r[i][k];
            }
            double vv = 0;
            for (int i = k; i < m; i++) {
                vv += v[i] * v[i];
            }
            if (vv == 0) {
                continue;
            }
            reflect(v, vv, r, k, k, n);
            reflect(v, vv, y, k, 0, q);
        }
        double[][] x = new double[n][q];
        for (int c = 0; c < q; c++) {
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i][c];
                for (int j = i + 1; j < n; j++) {
                    s -= r[i][j] * x[j][c];
                }
                x[i][c] = s / r[i][i];
            }
        }
        return x;
    }

    private static void reflect(double[] v, double vv, double[][] target, int from, int firstColumn, int columns) {
        for (int c = firstColumn; c < columns; c++) {
            double dot = 0;
            for (int i = from; i < target.length; i++) {
                dot += v[i] * target[i][c];
            }
            double f = 2 * dot / vv;
            for (int i = from; i < target.length; i++) {
                target[i][c] -= f * v[i];
            }
        }
    }
}
