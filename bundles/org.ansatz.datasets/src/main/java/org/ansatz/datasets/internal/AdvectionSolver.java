package org.ansatz.datasets.internal;

/**
 * Linear advection {@code u_t + beta u_x = 0} on the periodic [0, 1), solved exactly for grid data by
 * shifting every Fourier mode: {@code u_k(t) = u_k(0) exp(-i 2 pi k beta t)}. For a band-limited
 * initial condition (the generator's sums of sines) the grid values are exact to rounding.
 */
final class AdvectionSolver {

    private final Fft fft;
    private final double beta;

    AdvectionSolver(int n, double beta) {
        this.fft = new Fft(n);
        this.beta = beta;
    }

    double[] solve(double[] u0, double t) {
        int n = fft.size();
        if (u0.length != n) {
            throw new IllegalArgumentException("advection: initial condition has " + u0.length + " points, solver " + n);
        }
        double[] re = u0.clone();
        double[] im = new double[n];
        fft.forward(re, im);
        double[] k = fft.wavenumbers();
        for (int i = 0; i < n; i++) {
            if (i == n / 2) {
                // The Nyquist mode of real data is real; shifting it by a non-integer number of cells
                // would make it complex. Its real part is what a real solution keeps.
                double c = Math.cos(k[i] * beta * t);
                re[i] *= c;
                im[i] *= c;
                continue;
            }
            double c = Math.cos(k[i] * beta * t);
            double s = -Math.sin(k[i] * beta * t);
            double r = re[i] * c - im[i] * s;
            im[i] = re[i] * s + im[i] * c;
            re[i] = r;
        }
        fft.inverse(re, im);
        return re;
    }
}
