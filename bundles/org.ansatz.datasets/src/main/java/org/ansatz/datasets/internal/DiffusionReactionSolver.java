package org.ansatz.datasets.internal;

/**
 * Diffusion with logistic (Fisher-KPP) reaction {@code u_t = nu u_xx + rho u (1 - u)} on the periodic
 * [0, 1), as in PDEBench's 1D diffusion-reaction set. Strang splitting of two exactly solved flows:
 * half a step of the reaction (the logistic solution), a full step of diffusion (each Fourier mode
 * decays by {@code exp(-nu k^2 h)}), half a step of reaction. Both sub-flows are exact, so the scheme
 * is stable for any step and second order in time.
 */
final class DiffusionReactionSolver {

    private final Fft fft;
    private final double nu;
    private final double rho;

    DiffusionReactionSolver(int n, double nu, double rho) {
        if (nu < 0 || rho < 0) {
            throw new IllegalArgumentException("diffusion-reaction: nu and rho must be >= 0, got " + nu + ", " + rho);
        }
        this.fft = new Fft(n);
        this.nu = nu;
        this.rho = rho;
    }

    double[] solve(double[] u0, double t, int steps) {
        int n = fft.size();
        if (u0.length != n) {
            throw new IllegalArgumentException("diffusion-reaction: initial condition has " + u0.length
                    + " points, solver " + n);
        }
        double h = t / steps;
        double[] decay = new double[n];
        double[] k = fft.wavenumbers();
        for (int i = 0; i < n; i++) {
            decay[i] = Math.exp(-nu * k[i] * k[i] * h);
        }
        double growth = Math.exp(rho * h / 2);
        double[] u = u0.clone();
        double[] im = new double[n];
        for (int s = 0; s < steps; s++) {
            react(u, growth);
            java.util.Arrays.fill(im, 0);
            fft.forward(u, im);
            for (int i = 0; i < n; i++) {
                u[i] *= decay[i];
                im[i] *= decay[i];
            }
            fft.inverse(u, im);
            react(u, growth);
        }
        return u;
    }

    /** The logistic flow over half a step: {@code u e / (1 - u + u e)}, {@code e = exp(rho h / 2)}. */
    private static void react(double[] u, double growth) {
        for (int i = 0; i < u.length; i++) {
            u[i] = u[i] * growth / (1 - u[i] + u[i] * growth);
        }
    }
}
