package org.ansatz.datasets.internal;

/** Trigonometric interpolation of periodic grid data. */
final class Spectral {

    private Spectral() {
    }

    /** The band-limited interpolant of {@code v} (n points of [0, 1)) at {@code n * r} points. */
    static double[] upsample(double[] v, int r) {
        if (r == 1) {
            return v;
        }
        int n = v.length;
        Fft coarse = new Fft(n);
        double[] re = v.clone();
        double[] im = new double[n];
        coarse.forward(re, im);
        int m = n * r;
        double[] fr = new double[m];
        double[] fi = new double[m];
        for (int k = 0; k < n / 2; k++) {
            fr[k] = re[k] * r;
            fi[k] = im[k] * r;
            if (k > 0) {
                fr[m - k] = re[n - k] * r;
                fi[m - k] = im[n - k] * r;
            }
        }
        // The Nyquist mode is shared by +n/2 and -n/2 on the finer grid.
        fr[n / 2] = re[n / 2] * r / 2;
        fr[m - n / 2] = re[n / 2] * r / 2;
        new Fft(m).inverse(fr, fi);
        return fr;
    }
}
