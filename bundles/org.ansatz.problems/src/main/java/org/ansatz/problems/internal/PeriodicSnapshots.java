package org.ansatz.problems.internal;

/**
 * A solution {@code u(t, x)} stored on a grid, periodic in x, and interpolated between the nodes:
 * trigonometrically in x (the interpolant is the spectral solution itself, exact at the nodes) and by
 * cubic Lagrange interpolation through the four nearest snapshots in t (three-point stencils shift
 * inwards at the ends). Immutable; safe to share between threads.
 */
final class PeriodicSnapshots {

    private final double t0;
    private final double dt;
    private final double x0;
    private final double length;
    private final int n;
    private final double[][] values;
    /** Per snapshot the weights of {@code cos(m theta)} and {@code sin(m theta)}, m = 0..n/2. */
    private final double[][] cosine;
    private final double[][] sine;

    /**
     * @param values {@code values[i][j] = u(t0 + i dt, x0 + j length/n)}, n a power of two, at least 4 rows
     */
    PeriodicSnapshots(double t0, double dt, double x0, double length, double[][] values) {
        if (values.length < 4) {
            throw new IllegalArgumentException("cubic interpolation in time needs at least 4 snapshots");
        }
        this.t0 = t0;
        this.dt = dt;
        this.x0 = x0;
        this.length = length;
        this.n = values[0].length;
        this.values = values;
        Fft fft = new Fft(n);
        cosine = new double[values.length][];
        sine = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            double[] re = values[i].clone();
            double[] im = new double[n];
            fft.forward(re, im);
            // Real data: u(theta) = sum_m c_m cos(m theta) + s_m sin(m theta) with the conjugate modes
            // folded in; the Nyquist mode is taken as a cosine (the symmetric choice).
            double[] c = new double[n / 2 + 1];
            double[] s = new double[n / 2 + 1];
            for (int m = 0; m <= n / 2; m++) {
                double w = m == 0 || m == n / 2 ? 1.0 / n : 2.0 / n;
                c[m] = w * re[m];
                s[m] = m == n / 2 ? 0 : -w * im[m];
            }
            cosine[i] = c;
            sine[i] = s;
        }
    }

    /** Number of snapshots. */
    int times() {
        return values.length;
    }

    /** Grid values of snapshot {@code i} (not a copy). */
    double[] snapshot(int i) {
        return values[i];
    }

    double at(double t, double x) {
        double s = (t - t0) / dt;
        int first = Math.max(0, Math.min(values.length - 4, (int) Math.floor(s) - 1));
        double[] w = new double[4];
        for (int a = 0; a < 4; a++) {
            double l = 1;
            for (int b = 0; b < 4; b++) {
                if (b != a) {
                    l *= (s - first - b) / (a - b);
                }
            }
            w[a] = l;
        }
        double theta = 2 * Math.PI * (x - x0) / length;
        double cr = Math.cos(theta);
        double ci = Math.sin(theta);
        // e^{i m theta} by rotation: m <= n/2 products keep the rounding near m * 1e-16.
        double pr = 1;
        double pi = 0;
        double sum = 0;
        for (int m = 0; m <= n / 2; m++) {
            double c = 0;
            double sn = 0;
            for (int a = 0; a < 4; a++) {
                c += w[a] * cosine[first + a][m];
                sn += w[a] * sine[first + a][m];
            }
            sum += c * pr + sn * pi;
            double r = pr * cr - pi * ci;
            pi = pr * ci + pi * cr;
            pr = r;
        }
        return sum;
    }
}
