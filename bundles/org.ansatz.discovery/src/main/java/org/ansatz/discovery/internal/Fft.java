package org.ansatz.discovery.internal;

/** In-place radix-2 complex FFT for the periodic grids of spectral derivatives and solvers. */
final class Fft {

    private Fft() {
    }

    static boolean powerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /** Forward ({@code sign = -1}) or unnormalised inverse ({@code sign = +1}) transform. */
    static void transform(double[] re, double[] im, int sign) {
        int n = re.length;
        if (!powerOfTwo(n)) {
            throw new IllegalArgumentException("FFT needs a power-of-two length, got " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double ang = sign * 2 * Math.PI / len;
            double wr = Math.cos(ang);
            double wi = Math.sin(ang);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                    double t = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = t;
                }
            }
        }
    }

    /** Angular wavenumbers of an {@code n}-point periodic grid of length {@code length}. */
    static double[] wavenumbers(int n, double length) {
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            int m = i <= n / 2 ? i : i - n;
            k[i] = 2 * Math.PI * m / length;
        }
        return k;
    }

    /** The {@code order}-th derivative of a real periodic signal. */
    static double[] derivative(double[] f, double length, int order) {
        int n = f.length;
        double[] re = f.clone();
        double[] im = new double[n];
        transform(re, im, -1);
        double[] k = wavenumbers(n, length);
        for (int i = 0; i < n; i++) {
            // The Nyquist mode of an odd derivative has no real-valued counterpart: drop it.
            double kk = (order % 2 == 1 && i == n / 2) ? 0 : k[i];
            double mag = Math.pow(kk, order);
            double r = re[i] * mag;
            double m = im[i] * mag;
            // multiply by i^order
            switch (order % 4) {
                case 0 -> { re[i] = r; im[i] = m; }
                case 1 -> { re[i] = -m; im[i] = r; }
                case 2 -> { re[i] = -r; im[i] = -m; }
                default -> { re[i] = m; im[i] = -r; }
            }
        }
        transform(re, im, 1);
        for (int i = 0; i < n; i++) {
            re[i] /= n;
        }
        return re;
    }
}
