package org.ansatz.datasets.internal;

/**
 * Complex fast Fourier transform of power-of-two length (iterative radix 2), on separate real and
 * imaginary arrays. The reference solvers need nothing more, and keeping it here keeps them free of
 * the tensor engine: reference data are computed in plain doubles.
 */
final class Fft {

    private final int n;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    Fft(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        this.n = n;
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            // Twiddles from the exact angle each time, not by recurrence: no accumulated rounding.
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = Math.sin(2 * Math.PI * k / n);
        }
        reversed = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            reversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
    }

    int size() {
        return n;
    }

    /** In place: {@code X_k = sum_j x_j exp(-2 pi i jk/n)}. */
    void forward(double[] re, double[] im) {
        transform(re, im, -1);
    }

    /** In place, including the factor {@code 1/n}: the inverse of {@link #forward}. */
    void inverse(double[] re, double[] im) {
        transform(re, im, 1);
        double s = 1.0 / n;
        for (int i = 0; i < n; i++) {
            re[i] *= s;
            im[i] *= s;
        }
    }

    private void transform(double[] re, double[] im, int sign) {
        for (int i = 0; i < n; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1;
            int step = n / len;
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sign * sin[k * step];
                    int a = start + k;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /**
     * Signed wavenumbers of the transform's outputs for a period-1 domain times {@code 2 pi}:
     * {@code 2 pi k} with {@code k = 0, 1, ..., n/2 - 1, -n/2, ..., -1}.
     */
    double[] wavenumbers() {
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = 2 * Math.PI * (i < n / 2 ? i : i - n);
        }
        return k;
    }
}
