package org.ansatz.problems.internal;

/**
 * In-place radix-2 complex FFT of one fixed length, real and imaginary parts in separate arrays:
 * {@code X_k = sum_j x_j e^{-2 pi i jk/n}} forward, {@code x_j = (1/n) sum_k X_k e^{+2 pi i jk/n}}
 * inverse. Twiddles and the bit-reversal permutation are tabulated once; an instance is immutable and
 * may be shared between threads.
 */
final class Fft {

    private final int n;
    private final int[] reversed;
    private final double[] cos;
    private final double[] sin;

    /** @param n a power of two */
    Fft(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        reversed = new int[n];
        for (int j = 0; j < n; j++) {
            reversed[j] = bits == 0 ? 0 : Integer.reverse(j) >>> (32 - bits);
        }
        // Each twiddle straight from cos/sin of an exact multiple (no recurrence): errors stay at
        // rounding level for every n.
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int j = 0; j < n / 2; j++) {
            cos[j] = Math.cos(2 * Math.PI * j / n);
            sin[j] = Math.sin(2 * Math.PI * j / n);
        }
    }

    int length() {
        return n;
    }

    void forward(double[] re, double[] im) {
        transform(re, im, -1);
    }

    /** The inverse, scaled by {@code 1/n}. */
    void inverse(double[] re, double[] im) {
        transform(re, im, 1);
        double s = 1.0 / n;
        for (int j = 0; j < n; j++) {
            re[j] *= s;
            im[j] *= s;
        }
    }

    private void transform(double[] re, double[] im, int sign) {
        if (re.length != n || im.length != n) {
            throw new IllegalArgumentException("FFT of length " + n + " given arrays of " + re.length + " and " + im.length);
        }
        for (int j = 0; j < n; j++) {
            int k = reversed[j];
            if (k > j) {
                double t = re[j];
                re[j] = re[k];
                re[k] = t;
                t = im[j];
                im[j] = im[k];
                im[k] = t;
            }
        }
        for (int size = 2; size <= n; size <<= 1) {
            int half = size >> 1;
            int stride = n / size;
            for (int start = 0; start < n; start += size) {
                for (int j = 0; j < half; j++) {
                    double wr = cos[j * stride];
                    double wi = sign * sin[j * stride];
                    int a = start + j;
                    int b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
