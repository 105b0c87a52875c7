package org.ansatz.datasets.internal;

/**
 * Viscous Burgers {@code u_t + (u^2/2)_x = nu u_xx} on the periodic [0, 1): Fourier pseudo-spectral in
 * space (products in physical space, 2/3-rule dealiasing) and ETDRK4 in time (Cox and Matthews),
 * with the phi-function coefficients evaluated by contour integrals (Kassam and Trefethen), which
 * avoids their cancellation for small {@code nu k^2 h}. The linear part is integrated exactly, so the
 * stiff high modes set no step limit; accuracy in time is fourth order.
 */
final class BurgersSolver {

    private final int n;
    private final double nu;
    private final Fft fft;
    private final double[] k;
    private final boolean[] keep;

    BurgersSolver(int n, double nu) {
        if (!(nu > 0)) {
            throw new IllegalArgumentException("burgers: nu must be positive, got " + nu);
        }
        this.n = n;
        this.nu = nu;
        this.fft = new Fft(n);
        this.k = fft.wavenumbers();
        // The Nyquist mode has no sign: its first derivative is taken as zero.
        k[n / 2] = 0;
        keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            int index = i < n / 2 ? i : n - i;
            keep[i] = 3 * index < n;
        }
    }

    /** The solution at time {@code t} from {@code u0} (n grid values on [0, 1)) after {@code steps} steps. */
    double[] solve(double[] u0, double t, int steps) {
        if (u0.length != n) {
            throw new IllegalArgumentException("burgers: initial condition has " + u0.length + " points, solver "
                    + n);
        }
        double h = t / steps;
        double[] e = new double[n];
        double[] e2 = new double[n];
        double[] q = new double[n];
        double[] f1 = new double[n];
        double[] f2 = new double[n];
        double[] f3 = new double[n];
        coefficients(h, e, e2, q, f1, f2, f3);
        double[] vr = u0.clone();
        double[] vi = new double[n];
        fft.forward(vr, vi);
        double[] nvr = new double[n], nvi = new double[n];
        double[] ar = new double[n], ai = new double[n], nar = new double[n], nai = new double[n];
        double[] br = new double[n], bi = new double[n], nbr = new double[n], nbi = new double[n];
        double[] cr = new double[n], ci = new double[n], ncr = new double[n], nci = new double[n];
        double[] wr = new double[n], wi = new double[n];
        for (int s = 0; s < steps; s++) {
            nonlinear(vr, vi, nvr, nvi, wr, wi);
            for (int i = 0; i < n; i++) {
                ar[i] = e2[i] * vr[i] + q[i] * nvr[i];
                ai[i] = e2[i] * vi[i] + q[i] * nvi[i];
            }
            nonlinear(ar, ai, nar, nai, wr, wi);
            for (int i = 0; i < n; i++) {
                br[i] = e2[i] * vr[i] + q[i] * nar[i];
                bi[i] = e2[i] * vi[i] + q[i] * nai[i];
            }
            nonlinear(br, bi, nbr, nbi, wr, wi);
            for (int i = 0; i < n; i++) {
                cr[i] = e2[i] * ar[i] + q[i] * (2 * nbr[i] - nvr[i]);
                ci[i] = e2[i] * ai[i] + q[i] * (2 * nbi[i] - nvi[i]);
            }
            nonlinear(cr, ci, ncr, nci, wr, wi);
            for (int i = 0; i < n; i++) {
                vr[i] = e[i] * vr[i] + nvr[i] * f1[i] + 2 * (nar[i] + nbr[i]) * f2[i] + ncr[i] * f3[i];
                vi[i] = e[i] * vi[i] + nvi[i] * f1[i] + 2 * (nai[i] + nbi[i]) * f2[i] + nci[i] * f3[i];
            }
        }
        fft.inverse(vr, vi);
        return vr;
    }

    /** {@code N(v) = -(i k / 2) F[(F^-1 v)^2]}, dealiased. */
    private void nonlinear(double[] vr, double[] vi, double[] outR, double[] outI, double[] wr, double[] wi) {
        System.arraycopy(vr, 0, wr, 0, n);
        System.arraycopy(vi, 0, wi, 0, n);
        for (int i = 0; i < n; i++) {
            if (!keep[i]) {
                wr[i] = 0;
                wi[i] = 0;
            }
        }
        fft.inverse(wr, wi);
        for (int i = 0; i < n; i++) {
            wr[i] = wr[i] * wr[i];
            wi[i] = 0;
        }
        fft.forward(wr, wi);
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                // -(i k / 2)(a + i b) = (k b / 2) - i (k a / 2)
                outR[i] = 0.5 * k[i] * wi[i];
                outI[i] = -0.5 * k[i] * wr[i];
            } else {
                outR[i] = 0;
                outI[i] = 0;
            }
        }
    }

    /** ETDRK4 coefficients for the diagonal linear part {@code L = -nu k^2}. */
    private void coefficients(double h, double[] e, double[] e2, double[] q, double[] f1, double[] f2, double[] f3) {
        int m = 32;
        for (int i = 0; i < n; i++) {
            double l = -nu * k2(i) * h;
            e[i] = Math.exp(l);
            e2[i] = Math.exp(l / 2);
            double sq = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 1; j <= m; j++) {
                double angle = Math.PI * (j - 0.5) / m;
                // z = l + exp(i angle); the means over the circle of the phi functions are real.
                double zr = l + Math.cos(angle);
                double zi = Math.sin(angle);
                Complex z = new Complex(zr, zi);
                Complex ez = z.exp();
                Complex ez2 = z.scale(0.5).exp();
                sq += ez2.sub(1).div(z).re;
                Complex z2 = z.mul(z);
                Complex z3 = z2.mul(z);
                s1 += new Complex(-4, 0).sub(z).add(ez.mul(new Complex(4, 0).sub(z.scale(3)).add(z2))).div(z3).re;
                s2 += new Complex(2, 0).add(z).add(ez.mul(z.sub(2))).div(z3).re;
                s3 += new Complex(-4, 0).sub(z.scale(3)).sub(z2).add(ez.mul(new Complex(4, 0).sub(z))).div(z3).re;
            }
            q[i] = h * sq / m;
            f1[i] = h * s1 / m;
            f2[i] = h * s2 / m;
            f3[i] = h * s3 / m;
        }
    }

    private double k2(int i) {
        double w = 2 * Math.PI * (i < n / 2 ? i : i - n);
        return w * w;
    }

    /** Just enough complex arithmetic for the contour integrals. */
    private record Complex(double re, double im) {
        Complex add(Complex o) {
            return new Complex(re + o.re, im + o.im);
        }

        Complex sub(Complex o) {
            return new Complex(re - o.re, im - o.im);
        }

        Complex sub(double v) {
            return new Complex(re - v, im);
        }

        Complex mul(Complex o) {
            return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
        }

        Complex scale(double s) {
            return new Complex(re * s, im * s);
        }

        Complex div(Complex o) {
            double d = o.re * o.re + o.im * o.im;
            return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
        }

        Complex exp() {
            double a = Math.exp(re);
            return new Complex(a * Math.cos(im), a * Math.sin(im));
        }
    }
}
