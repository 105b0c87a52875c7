package org.ansatz.balance.internal;

/**
 * The little dense linear algebra the balancers need: vector reductions over flat parameter vectors
 * and the pseudo-inverse of a small symmetric matrix (a Gram matrix of at most a few loss terms).
 */
final class LinAlg {

    /** Relative cut-off below which eigenvalues count as zero in {@link #pinvSymmetric}. */
    static final double PINV_TOLERANCE = 1e-12;

    private static final int MAX_SWEEPS = 100;

    private LinAlg() {
    }

    static double dot(double[] a, double[] b) {
        checkSameLength(a, b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Euclidean norm, scaled so that entries near the overflow limit do not overflow when squared. */
    static double norm(double[] a) {
        double scale = maxAbs(a);
        if (scale == 0 || !Double.isFinite(scale)) {
            return scale;
        }
        double s = 0;
        for (double x : a) {
            double y = x / scale;
            s += y * y;
        }
        return scale * Math.sqrt(s);
    }

    /** Largest absolute entry; NaN if any entry is NaN; 0 for an empty vector. */
    static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            double y = Math.abs(x);
            if (Double.isNaN(y)) {
                return Double.NaN;
            }
            m = Math.max(m, y);
        }
        return m;
    }

    /** Mean absolute entry; NaN for an empty vector. */
    static double meanAbs(double[] a) {
        double s = 0;
        for (double x : a) {
            s += Math.abs(x);
        }
        return s / a.length;
    }

    static boolean allFinite(double[] a) {
        for (double x : a) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** {@code y += a * x}. */
    static void axpy(double a, double[] x, double[] y) {
        checkSameLength(x, y);
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** {@code m · x} for a square matrix. */
    static double[] multiply(double[][] m, double[] x) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = dot(m[i], x);
        }
        return out;
    }

    /**
     * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: accurate to working
     * precision even for the tiny eigenvalues a nearly singular Gram matrix has, which is what the
     * pseudo-inverse's cut-off decides on. Cost O(m^3) per sweep, fine for a handful of terms.
     *
     * @param a       symmetric {@code m × m}; not modified
     * @param vectors receives the eigenvectors as columns ({@code m × m}, overwritten)
     * @return the eigenvalues, in the order of the columns of {@code vectors}
     */
    static double[] symmetricEigen(double[][] a, double[][] vectors) {
        int m = a.length;
        double[][] s = new double[m][];
        for (int i = 0; i < m; i++) {
            if (a[i].length != m || vectors[i].length != m) {
                throw new IllegalArgumentException("expected " + m + " x " + m + " matrices");
            }
            s[i] = a[i].clone();
            java.util.Arrays.fill(vectors[i], 0);
            vectors[i][i] = 1;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(s[i][j] - s[j][i]) > 1e-12 * (Math.abs(s[i][j]) + Math.abs(s[j][i]))) {
                    throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + ")");
                }
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double diag = 0;
            for (int p = 0; p < m; p++) {
                diag += s[p][p] * s[p][p];
                for (int q = p + 1; q < m; q++) {
                    off += s[p][q] * s[p][q];
                }
            }
            // Converged once the off-diagonal part is negligible next to the diagonal; rotations
            // beyond that only shuffle rounding errors.
            if (off == 0 || off <= 1e-32 * diag) {
                break;
            }
            for (int p = 0; p < m; p++) {
                for (int q = p + 1; q < m; q++) {
                    rotate(s, vectors, p, q);
                }
            }
        }
        double[] values = new double[m];
        for (int i = 0; i < m; i++) {
            values[i] = s[i][i];
        }
        return values;
    }

    /** One Jacobi rotation in the (p, q) plane that zeroes {@code s[p][q]}. */
    private static void rotate(double[][] s, double[][] v, int p, int q) {
        double apq = s[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (s[q][q] - s[p][p]) / (2 * apq);
        // t = tan(phi), the smaller root of t^2 + 2 theta t - 1 = 0 (rotation angle at most pi/4,
        // which keeps the iteration stable); for huge theta, theta^2 would overflow: t ~ 1/(2 theta).
        double t = Math.abs(theta) > 1e150 ? 1 / (2 * theta)
                : Math.copySign(1, theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double sn = t * c;
        int m = s.length;
        for (int r = 0; r < m; r++) {
            if (r != p && r != q) {
                double srp = s[r][p];
                double srq = s[r][q];
                s[r][p] = c * srp - sn * srq;
                s[p][r] = s[r][p];
                s[r][q] = sn * srp + c * srq;
                s[q][r] = s[r][q];
            }
        }
        s[p][p] -= t * apq;
        s[q][q] += t * apq;
        s[p][q] = 0;
        s[q][p] = 0;
        for (int r = 0; r < m; r++) {
            double vrp = v[r][p];
            double vrq = v[r][q];
            v[r][p] = c * vrp - sn * vrq;
            v[r][q] = sn * vrp + c * vrq;
        }
    }

    /**
     * Moore–Penrose pseudo-inverse of a symmetric matrix: {@code sum 1/lambda_i v_i v_i^T} over the
     * eigenpairs with {@code |lambda_i| > 1e-12 * max |lambda|}; the others count as zero, so
     * (nearly) parallel unit gradients do not blow up the result.
     */
    static double[][] pinvSymmetric(double[][] a) {
        int m = a.length;
        double[][] v = new double[m][m];
        double[] lambda = symmetricEigen(a, v);
        double max = 0;
        for (double l : lambda) {
            max = Math.max(max, Math.abs(l));
        }
        double[][] out = new double[m][m];
        if (!(max > 0)) {
            return out;
        }
        double cut = PINV_TOLERANCE * max;
        for (int k = 0; k < m; k++) {
            if (Math.abs(lambda[k]) <= cut) {
                continue;
            }
            double inv = 1 / lambda[k];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    out[i][j] += inv * v[i][k] * v[j][k];
                }
            }
        }
        return out;
    }

    private static void checkSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different lengths: " + a.length + " and " + b.length);
        }
    }
}
