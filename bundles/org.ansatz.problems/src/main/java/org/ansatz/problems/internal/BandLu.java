package org.ansatz.problems.internal;

/**
 * Gaussian elimination without pivoting on a banded matrix stored by rows, row {@code r} holding the
 * columns {@code r - band .. r + band} at {@code r * (2 band + 1) + column - r + band}. Without pivoting
 * the factors keep the band; it suits matrices whose leading blocks are safely nonsingular (dominant
 * diagonal or positive definite symmetric part), and a vanishing pivot is reported.
 */
final class BandLu {

    private final double[] a;
    private final int size;
    private final int band;
    private final int width;

    /** Factors {@code a} in place (it is kept and overwritten). */
    BandLu(double[] a, int size, int band) {
        this.a = a;
        this.size = size;
        this.band = band;
        this.width = 2 * band + 1;
        double largest = 0;
        for (double x : a) {
            largest = Math.max(largest, Math.abs(x));
        }
        for (int k = 0; k < size; k++) {
            int kk = k * width + band;
            double pivot = a[kk];
            if (!(Math.abs(pivot) > 1e-13 * largest)) {
                throw new IllegalStateException("vanishing pivot " + pivot + " at row " + k + " of " + size);
            }
            int last = Math.min(size - 1, k + band);
            int len = last - k;
            for (int r = k + 1; r <= last; r++) {
                int rk = r * width + k - r + band;
                double f = a[rk] / pivot;
                if (f == 0) {
                    continue;
                }
                a[rk] = f;
                // row r's columns k+1..last start at rk+1, row k's at kk+1
                for (int t = 1; t <= len; t++) {
                    a[rk + t] -= f * a[kk + t];
                }
            }
        }
    }

    /** Overwrites {@code b} with the solution of {@code a x = b}. */
    void solve(double[] b) {
        for (int k = 0; k < size; k++) {
            int last = Math.min(size - 1, k + band);
            double bk = b[k];
            for (int r = k + 1; r <= last; r++) {
                b[r] -= a[r * width + k - r + band] * bk;
            }
        }
        for (int k = size - 1; k >= 0; k--) {
            int kk = k * width + band;
            int last = Math.min(size - 1, k + band);
            double s = b[k];
            for (int t = 1; t <= last - k; t++) {
                s -= a[kk + t] * b[k + t];
            }
            b[k] = s / a[kk];
        }
    }
}
