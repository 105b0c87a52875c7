package org.ansatz.problems.internal;

/**
 * Allen-Cahn {@code u_t = eps u_xx + a (u - u^3)} on a periodic interval, Fourier pseudo-spectral in
 * space and ETDRK4 in time (Cox &amp; Matthews 2002): the diffusion is integrated exactly per mode, the
 * reaction (evaluated on the grid, not dealiased) by a fourth-order Runge-Kutta-like combination.
 * The coefficients {@code phi(z)} lose every digit to cancellation for small {@code z = dt L}, so they
 * are computed as Kassam &amp; Trefethen (2005) do: as means of the same expressions over points on a
 * circle of radius 1 around {@code z}, where nothing cancels (Cauchy's integral formula, trapezoidal rule).
 */
final class AllenCahnEtdrk4 {

    /** Points on the contour; the trapezoidal rule on a circle converges geometrically, 64 is ample. */
    static final int CONTOUR = 64;

    private final int n;
    private final double a;
    private final Fft fft;
    /** {@code L_m = -eps k_m^2}, the diffusion's eigenvalue per FFT mode. */
    private final double[] diffusion;

    /**
     * @param n      grid points (= Fourier modes), a power of two
     * @param length the period
     */
    AllenCahnEtdrk4(int n, double length, double eps, double a) {
        this.n = n;
        this.a = a;
        this.fft = new Fft(n);
        diffusion = new double[n];
        for (int m = 0; m < n; m++) {
            // FFT order 0, 1, ..., n/2, -n/2+1, ..., -1; the Nyquist mode's sign does not matter for k^2.
            double k = 2 * Math.PI / length * (m <= n / 2 ? m : m - n);
            diffusion[m] = -eps * k * k;
        }
    }

    /**
     * Integrates from {@code u0} (values on the grid {@code x0 + j length/n}).
     *
     * @return the grid values after 0, every, 2 every, ..., steps steps ({@code steps/every + 1} rows)
     */
    double[][] solve(double[] u0, double dt, int steps, int every) {
        if (u0.length != n || steps % every != 0) {
            throw new IllegalArgumentException("need " + n + " initial values and steps a multiple of every");
        }
        double[] e = new double[n];
        double[] e2 = new double[n];
        double[] q = new double[n];
        double[] f1 = new double[n];
        double[] f2 = new double[n];
        double[] f3 = new double[n];
        for (int m = 0; m < n; m++) {
            double z = dt * diffusion[m];
            e[m] = Math.exp(z);
            e2[m] = Math.exp(z / 2);
            double[] c = contourMeans(z);
            q[m] = dt * c[0];
            f1[m] = dt * c[1];
            f2[m] = dt * c[2];
            f3[m] = dt * c[3];
        }
        double[] vr = u0.clone();
        double[] vi = new double[n];
        fft.forward(vr, vi);
        double[] nvr = new double[n], nvi = new double[n];
        double[] ar = new double[n], ai = new double[n];
        double[] nar = new double[n], nai = new double[n];
        double[] br = new double[n], bi = new double[n];
        double[] nbr = new double[n], nbi = new double[n];
        double[] cr = new double[n], ci = new double[n];
        double[] ncr = new double[n], nci = new double[n];
        double[][] out = new double[steps / every + 1][];
        out[0] = u0.clone();
        for (int s = 1; s <= steps; s++) {
            reaction(vr, vi, nvr, nvi);
            for (int m = 0; m < n; m++) {
                ar[m] = e2[m] * vr[m] + q[m] * nvr[m];
                ai[m] = e2[m] * vi[m] + q[m] * nvi[m];
            }
            reaction(ar, ai, nar, nai);
            for (int m = 0; m < n; m++) {
                br[m] = e2[m] * vr[m] + q[m] * nar[m];
                bi[m] = e2[m] * vi[m] + q[m] * nai[m];
            }
            reaction(br, bi, nbr, nbi);
            for (int m = 0; m < n; m++) {
                cr[m] = e2[m] * ar[m] + q[m] * (2 * nbr[m] - nvr[m]);
                ci[m] = e2[m] * ai[m] + q[m] * (2 * nbi[m] - nvi[m]);
            }
            reaction(cr, ci, ncr, nci);
            for (int m = 0; m < n; m++) {
                vr[m] = e[m] * vr[m] + f1[m] * nvr[m] + 2 * f2[m] * (nar[m] + nbr[m]) + f3[m] * ncr[m];
                vi[m] = e[m] * vi[m] + f1[m] * nvi[m] + 2 * f2[m] * (nai[m] + nbi[m]) + f3[m] * nci[m];
            }
            if (s % every == 0) {
                double[] ur = vr.clone();
                double[] ui = vi.clone();
                fft.inverse(ur, ui);
                out[s / every] = ur;
            }
        }
        return out;
    }

    /** The spectrum of {@code a (u - u^3)} for the spectrum {@code (re, im)} of u. */
    private void reaction(double[] re, double[] im, double[] outRe, double[] outIm) {
        System.arraycopy(re, 0, outRe, 0, n);
        System.arraycopy(im, 0, outIm, 0, n);
        fft.inverse(outRe, outIm);
        for (int j = 0; j < n; j++) {
            double u = outRe[j];
            // u is real; the imaginary part is rounding and is dropped.
            outRe[j] = a * (u - u * u * u);
            outIm[j] = 0;
        }
        fft.forward(outRe, outIm);
    }

    /**
     * The contour means, for real {@code z}, of {@code (e^{z/2} - 1)/z},
     * {@code (-4 - z + e^z (4 - 3z + z^2))/z^3}, {@code (2 + z + e^z (z - 2))/z^3} and
     * {@code (-4 - 3z - z^2 + e^z (4 - z))/z^3} (real parts: the points come in conjugate pairs).
     */
    static double[] contourMeans(double z) {
        double[] sum = new double[4];
        for (int j = 0; j < CONTOUR; j++) {
            double angle = 2 * Math.PI * (j + 0.5) / CONTOUR;
            Complex w = new Complex(z + Math.cos(angle), Math.sin(angle));
            Complex ew = w.exp();
            Complex w2 = w.mul(w);
            Complex w3 = w2.mul(w);
            sum[0] += w.scale(0.5).exp().add(-1).div(w).re();
            sum[1] += ew.mul(w2.add(w.scale(-3)).add(4)).add(w.scale(-1)).add(-4).div(w3).re();
            sum[2] += ew.mul(w.add(-2)).add(w).add(2).div(w3).re();
            sum[3] += ew.mul(w.scale(-1).add(4)).add(w2.scale(-1)).add(w.scale(-3)).add(-4).div(w3).re();
        }
        for (int i = 0; i < 4; i++) {
            sum[i] /= CONTOUR;
        }
        return sum;
    }

    private record Complex(double re, double im) {
        Complex add(Complex o) {
            return new Complex(re + o.re, im + o.im);
        }

        Complex add(double c) {
            return new Complex(re + c, im);
        }

        Complex scale(double c) {
            return new Complex(c * re, c * im);
        }

        Complex mul(Complex o) {
            return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
        }

        Complex div(Complex o) {
            double d = o.re * o.re + o.im * o.im;
            return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
        }

        Complex exp() {
            double m = Math.exp(re);
            return new Complex(m * Math.cos(im), m * Math.sin(im));
        }
    }
}
