package org.ansatz.datasets.internal;

/**
 * Steady Darcy flow {@code -div(a grad u) = f} on the unit square with {@code u = 0} on the boundary:
 * the five-point finite-volume scheme on the {@code s x s} nodes (both ends included), face
 * coefficients the arithmetic mean of the two nodes (second order for smooth {@code a}), solved by a
 * banded Cholesky factorisation. The matrix is symmetric positive definite and its fill stays inside
 * the band of width {@code s - 2}, so this sparse direct solve costs {@code O(s^4)} and no iteration
 * count depends on the coefficient contrast.
 */
final class DarcySolver {

    /** Band storage above this many doubles (about 1.6 GB) is refused rather than attempted. */
    static final long MAX_BAND_ENTRIES = 200_000_000L;

    private DarcySolver() {
    }

    /**
     * @param a coefficient at the nodes, row-major {@code [i * s + j]} at {@code (x_i, y_j)}, positive
     * @param f right-hand side at the nodes (boundary values unused)
     * @return the solution at all nodes, zero on the boundary
     */
    static double[] solve(int s, double[] a, double[] f) {
        if (s < 3) {
            throw new IllegalArgumentException("darcy: the grid needs at least 3 x 3 nodes, got " + s);
        }
        if (a.length != s * s || f.length != s * s) {
            throw new IllegalArgumentException("darcy: coefficient and source need " + s * s + " values, got "
                    + a.length + " and " + f.length);
        }
        int m = s - 2;
        int n = m * m;
        int p = m;
        if ((long) n * (p + 1) > MAX_BAND_ENTRIES) {
            throw new IllegalArgumentException("darcy: a " + s + " x " + s + " grid needs " + (long) n * (p + 1)
                    + " band entries, more than the limit " + MAX_BAND_ENTRIES + "; use a coarser grid");
        }
        for (double v : a) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("darcy: the coefficient must be positive everywhere, found " + v);
            }
        }
        double h2 = 1.0 / ((double) (s - 1) * (s - 1));
        int w = p + 1;
        // Row r of the band holds A[r][r-p .. r] at band[r * w + (c - r + p)].
        double[] band = new double[n * w];
        double[] rhs = new double[n];
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= m; j++) {
                int r = (i - 1) * m + (j - 1);
                double c = a[i * s + j];
                double east = 0.5 * (c + a[(i + 1) * s + j]);
                double west = 0.5 * (c + a[(i - 1) * s + j]);
                double north = 0.5 * (c + a[i * s + j + 1]);
                double south = 0.5 * (c + a[i * s + j - 1]);
                band[r * w + p] = (east + west + north + south) / h2;
                if (j > 1) {
                    band[r * w + p - 1] = -south / h2;
                }
                if (i > 1) {
                    band[r * w] = -west / h2;
                }
                rhs[r] = f[i * s + j];
            }
        }
        factor(band, n, p);
        substitute(band, n, p, rhs);
        double[] u = new double[s * s];
        for (int i = 1; i <= m; i++) {
            for (int j = 1; j <= m; j++) {
                u[i * s + j] = rhs[(i - 1) * m + (j - 1)];
            }
        }
        return u;
    }

    /** In place: the band becomes the lower Cholesky factor L with A = L L^T. */
    private static void factor(double[] b, int n, int p) {
        int w = p + 1;
        for (int r = 0; r < n; r++) {
            int first = Math.max(0, r - p);
            for (int c = first; c <= r; c++) {
                // L[r][c] = (A[r][c] - sum_{k < c} L[r][k] L[c][k]) / L[c][c], over the band of both rows
                int k0 = Math.max(first, Math.max(0, c - p));
                double sum = b[r * w + (c - r + p)];
                int ro = r * w - r + p;
                int co = c * w - c + p;
                for (int k = k0; k < c; k++) {
                    sum -= b[ro + k] * b[co + k];
                }
                if (c == r) {
                    if (!(sum > 0)) {
                        throw new IllegalStateException("darcy: the matrix is not positive definite (pivot " + sum
                                + " at row " + r + ")");
                    }
                    b[ro + c] = Math.sqrt(sum);
                } else {
                    b[ro + c] = sum / b[co + c];
                }
            }
        }
    }

    private static void substitute(double[] b, int n, int p, double[] x) {
        int w = p + 1;
        for (int r = 0; r < n; r++) {
            double sum = x[r];
            int ro = r * w - r + p;
            for (int k = Math.max(0, r - p); k < r; k++) {
                sum -= b[ro + k] * x[k];
            }
            x[r] = sum / b[ro + r];
        }
        for (int r = n - 1; r >= 0; r--) {
            double sum = x[r];
            for (int k = r + 1; k <= Math.min(n - 1, r + p); k++) {
                sum -= b[k * w - k + p + r] * x[k];
            }
            x[r] = sum / b[r * w - r + p + r];
        }
    }
}
