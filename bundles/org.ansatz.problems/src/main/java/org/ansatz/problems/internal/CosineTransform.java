package org.ansatz.problems.internal;

/**
 * The two-dimensional type-II cosine transform on an {@code m x m} grid (index {@code j m + i}): its modes
 * {@code cos(k pi (i + 1/2)/m) cos(l pi (j + 1/2)/m)} are the eigenvectors of the grid graph's
 * Laplacian (five-point stencil, neighbours outside the grid left out), eigenvalue
 * {@code 2 cos(k pi/m) + 2 cos(l pi/m) - 4}. Done as matrix products, {@code O(m^3)}: fast enough for the
 * grids here and free of indexing subtleties.
 */
final class CosineTransform {

    private CosineTransform() {
    }

    /** {@code c[k m + i] = cos(k pi (i + 1/2) / m)}. */
    private static double[] table(int m) {
        double[] c = new double[m * m];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < m; i++) {
                // (2i+1)k taken modulo 4m keeps the argument small, hence accurate
                c[k * m + i] = Math.cos(Math.PI * ((long) (2 * i + 1) * k % (4L * m)) / (2.0 * m));
            }
        }
        return c;
    }

    /** Coefficients {@code a[l m + k]} with {@code f = sum_kl a_kl cos cos}. */
    static double[] forward(double[] f, int m) {
        double[] c = table(m);
        double[] rows = new double[m * m];
        for (int j = 0; j < m; j++) {
            for (int k = 0; k < m; k++) {
                double s = 0;
                for (int i = 0; i < m; i++) {
                    s += c[k * m + i] * f[j * m + i];
                }
                rows[j * m + k] = s * (k == 0 ? 1.0 / m : 2.0 / m);
            }
        }
        double[] out = new double[m * m];
        for (int l = 0; l < m; l++) {
            double scale = l == 0 ? 1.0 / m : 2.0 / m;
            for (int j = 0; j < m; j++) {
                double cl = c[l * m + j] * scale;
                for (int k = 0; k < m; k++) {
                    out[l * m + k] += cl * rows[j * m + k];
                }
            }
        }
        return out;
    }

    /** The values from the coefficients of {@link #forward}. */
    static double[] inverse(double[] a, int m) {
        double[] c = table(m);
        double[] rows = new double[m * m];
        for (int l = 0; l < m; l++) {
            for (int i = 0; i < m; i++) {
                double s = 0;
                for (int k = 0; k < m; k++) {
                    s += c[k * m + i] * a[l * m + k];
                }
                rows[l * m + i] = s;
            }
        }
        double[] out = new double[m * m];
        for (int l = 0; l < m; l++) {
            for (int j = 0; j < m; j++) {
                double cl = c[l * m + j];
                for (int i = 0; i < m; i++) {
                    out[j * m + i] += cl * rows[l * m + i];
                }
            }
        }
        return out;
    }
}
