package org.ansatz.discovery.internal;

/**
 * Exponential time differencing RK4 (Cox and Matthews 2002) with the contour-integral coefficients
 * of Kassam and Trefethen (2005), for periodic equations {@code u_t = L u - g/2 (u^2)_x} with a
 * diagonal linear part in Fourier space: Kuramoto-Sivashinsky ({@code L = k^2 - k^4}) and Burgers
 * ({@code L = -nu k^2}).
 */
final class Etdrk4 {

    private final int n;
    private final double[] k;
    private final double[] e;
    private final double[] e2;
    private final double[] q;
    private final double[] f1;
    private final double[] f2;
    private final double[] f3;
    private final double g;
    private final double dt;

    /**
     * @param linear     the Fourier symbol of the linear part at each wavenumber
     * @param length     the period
     * @param n          grid points (power of two)
     * @param nonlinear  coefficient {@code g} of {@code -g/2 (u^2)_x}
     * @param dt         time step
     */
    Etdrk4(java.util.function.DoubleUnaryOperator linear, double length, int n, double nonlinear, double dt) {
        if (!Fft.powerOfTwo(n)) {
            throw new IllegalArgumentException("grid size must be a power of two, got " + n);
        }
        this.n = n;
        this.g = nonlinear;
        this.dt = dt;
        k = Fft.wavenumbers(n, length);
        e = new double[n];
        e2 = new double[n];
        q = new double[n];
        f1 = new double[n];
        f2 = new double[n];
        f3 = new double[n];
        int m = 32;
        for (int i = 0; i < n; i++) {
            double l = linear.applyAsDouble(k[i]) * dt;
            e[i] = Math.exp(l);
            e2[i] = Math.exp(l / 2);
            // means over a circle of radius 1 around l avoid the cancellation in (e^z - 1)/z
            double sq = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 1; j <= m; j++) {
                double th = Math.PI * (j - 0.5) / m;
                double zr = l + Math.cos(th);
                double zi = Math.sin(th);
                // the weights are conjugate-symmetric in z: the half circle gives the real part of the mean
                s1 += re(zr, zi, 1);
                s2 += re(zr, zi, 2);
                s3 += re(zr, zi, 3);
                sq += reHalf(zr, zi);
            }
            q[i] = dt * sq / m;
            f1[i] = dt * s1 / m;
            f2[i] = dt * s2 / m;
            f3[i] = dt * s3 / m;
        }
    }

    /** Real part of the ETDRK4 weights at complex z: f1 = (-4-z+e^z(4-3z+z^2))/z^3, etc. */
    private static double re(double zr, double zi, int which) {
        double ezr = Math.exp(zr) * Math.cos(zi);
        double ezi = Math.exp(zr) * Math.sin(zi);
        double z2r = zr * zr - zi * zi;
        double z2i = 2 * zr * zi;
        double nr;
        double ni;
        switch (which) {
            case 1 -> {
                // -4 - z + e^z (4 - 3z + z^2)
                double ar = 4 - 3 * zr + z2r;
                double ai = -3 * zi + z2i;
                nr = -4 - zr + ezr * ar - ezi * ai;
                ni = -zi + ezr * ai + ezi * ar;
            }
            case 2 -> {
                // 2 + z + e^z (-2 + z)
                double ar = -2 + zr;
                double ai = zi;
                nr = 2 + zr + ezr * ar - ezi * ai;
                ni = zi + ezr * ai + ezi * ar;
            }
            default -> {
                // -4 - 3z - z^2 + e^z (4 - z)
                double ar = 4 - zr;
                double ai = -zi;
                nr = -4 - 3 * zr - z2r + ezr * ar - ezi * ai;
                ni = -3 * zi - z2i + ezr * ai + ezi * ar;
            }
        }
        // divide by z^3
        double z3r = z2r * zr - z2i * zi;
        double z3i = z2r * zi + z2i * zr;
        double den = z3r * z3r + z3i * z3i;
        return (nr * z3r + ni * z3i) / den;
    }

    /** Real part of (e^{z/2} - 1) / z. */
    private static double reHalf(double zr, double zi) {
        double ezr = Math.exp(zr / 2) * Math.cos(zi / 2) - 1;
        double ezi = Math.exp(zr / 2) * Math.sin(zi / 2);
        double den = zr * zr + zi * zi;
        return (ezr * zr + ezi * zi) / den;
    }

    /** Fourier transform of the nonlinear term {@code -g/2 (u^2)_x} from the spectrum of u. */
    private void nonlinear(double[] vr, double[] vi, double[] outR, double[] outI) {
        double[] ur = vr.clone();
        double[] ui = vi.clone();
        Fft.transform(ur, ui, 1);
        for (int i = 0; i < n; i++) {
            double u = ur[i] / n;
            ur[i] = u * u;
            ui[i] = 0;
        }
        Fft.transform(ur, ui, -1);
        for (int i = 0; i < n; i++) {
            // -g/2 * i k * F(u^2); the Nyquist mode of a first derivative is dropped
            double kk = i == n / 2 ? 0 : k[i];
            double c = -0.5 * g * kk;
            outR[i] = -c * ui[i];
            outI[i] = c * ur[i];
        }
    }

    /** Advances {@code u} (physical values) by {@code steps} steps in place. */
    void advance(double[] u, int steps) {
        double[] vr = u.clone();
        double[] vi = new double[n];
        Fft.transform(vr, vi, -1);
        double[] nvR = new double[n], nvI = new double[n];
        double[] aR = new double[n], aI = new double[n], naR = new double[n], naI = new double[n];
        double[] bR = new double[n], bI = new double[n], nbR = new double[n], nbI = new double[n];
        double[] cR = new double[n], cI = new double[n], ncR = new double[n], ncI = new double[n];
        for (int s = 0; s < steps; s++) {
            nonlinear(vr, vi, nvR, nvI);
            for (int i = 0; i < n; i++) {
                aR[i] = e2[i] * vr[i] + q[i] * nvR[i];
                aI[i] = e2[i] * vi[i] + q[i] * nvI[i];
            }
            nonlinear(aR, aI, naR, naI);
            for (int i = 0; i < n; i++) {
                bR[i] = e2[i] * vr[i] + q[i] * naR[i];
                bI[i] = e2[i] * vi[i] + q[i] * naI[i];
            }
            nonlinear(bR, bI, nbR, nbI);
            for (int i = 0; i < n; i++) {
                cR[i] = e2[i] * aR[i] + q[i] * (2 * nbR[i] - nvR[i]);
                cI[i] = e2[i] * aI[i] + q[i] * (2 * nbI[i] - nvI[i]);
            }
            nonlinear(cR, cI, ncR, ncI);
            for (int i = 0; i < n; i++) {
                vr[i] = e[i] * vr[i] + nvR[i] * f1[i] + 2 * (naR[i] + nbR[i]) * f2[i] + ncR[i] * f3[i];
                vi[i] = e[i] * vi[i] + nvI[i] * f1[i] + 2 * (naI[i] + nbI[i]) * f2[i] + ncI[i] * f3[i];
            }
        }
        Fft.transform(vr, vi, 1);
        for (int i = 0; i < n; i++) {
            u[i] = vr[i] / n;
        }
    }

    double dt() {
        return dt;
    }
}
