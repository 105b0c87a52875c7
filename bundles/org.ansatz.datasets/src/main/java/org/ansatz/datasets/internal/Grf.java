package org.ansatz.datasets.internal;

import java.util.random.RandomGenerator;

/**
 * Gaussian random fields as truncated Karhunen-Loeve expansions of {@code N(0, sigma^2 (-Laplace +
 * tau^2)^-alpha)}: the covariances of the FNO paper's Burgers (periodic, {@code 625 (-Laplace + 25)^-2})
 * and Darcy ({@code (-Laplace + 9)^-2} with Neumann conditions, then thresholded) data.
 *
 * <p>The normal coefficients are drawn lowest modes first, in an order that does not depend on the
 * grid: the same seed gives the same field at every resolution, up to the truncation. That is what
 * makes "train coarse, test fine" comparisons meaningful.
 */
final class Grf {

    private Grf() {
    }

    /**
     * A periodic field on {@code n} points of [0, 1): {@code sum_k s_k sqrt(2) (xi_k cos 2 pi k x +
     * eta_k sin 2 pi k x)}, {@code s_k = sigma ((2 pi k)^2 + tau^2)^(-alpha/2)}, modes {@code 1 <= k < n/2}
     * (no mean mode, as in the FNO data).
     */
    static double[] periodic1d(int n, double sigma, double tau, double alpha, RandomGenerator random) {
        Fft fft = new Fft(n);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int k = 1; k < n / 2; k++) {
            double s = sigma * Math.pow(Math.pow(2 * Math.PI * k, 2) + tau * tau, -alpha / 2) * Math.sqrt(2);
            double xi = random.nextGaussian();
            double eta = random.nextGaussian();
            // X_k = (n/2) s (xi - i eta) and its conjugate at n-k: the inverse transform (with 1/n)
            // then gives s (xi cos + eta sin).
            re[k] = n / 2.0 * s * xi;
            im[k] = -n / 2.0 * s * eta;
            re[n - k] = re[k];
            im[n - k] = -im[k];
        }
        fft.inverse(re, im);
        return re;
    }

    /**
     * A field on the {@code s x s} nodes of [0, 1]^2 (both ends included), in the cosine basis of the
     * Neumann Laplacian: {@code sum_{k,l} c_k c_l sqrt(lambda_kl) xi_kl cos(pi k x) cos(pi l y)},
     * {@code sqrt(lambda_kl) = tau^(alpha-1) (pi^2 (k^2 + l^2) + tau^2)^(-alpha/2)}, {@code c_0 = 1},
     * {@code c_k = sqrt 2}, {@code 0 <= k, l < modes}, the constant mode left out. Row-major:
     * {@code [i * s + j]} is the value at {@code (x_i, y_j)}.
     */
    static double[] neumann2d(int s, int modes, double tau, double alpha, RandomGenerator random) {
        double[][] coef = new double[modes][modes];
        // Shells max(k, l) = r in a fixed order: the draws of low modes do not depend on 'modes'.
        for (int r = 1; r < modes; r++) {
            for (int k = 0; k <= r; k++) {
                draw(coef, k, r, tau, alpha, random);
                if (k != r) {
                    draw(coef, r, k, tau, alpha, random);
                }
            }
        }
        double[][] basis = new double[s][modes];
        for (int i = 0; i < s; i++) {
            double x = s == 1 ? 0 : (double) i / (s - 1);
            for (int k = 0; k < modes; k++) {
                basis[i][k] = (k == 0 ? 1 : Math.sqrt(2)) * Math.cos(Math.PI * k * x);
            }
        }
        // psi = B coef B^T, as two products of s x modes matrices.
        double[][] t = new double[s][modes];
        for (int i = 0; i < s; i++) {
            for (int k = 0; k < modes; k++) {
                double b = basis[i][k];
                if (b == 0) {
                    continue;
                }
                double[] row = coef[k];
                double[] out = t[i];
                for (int l = 0; l < modes; l++) {
                    out[l] += b * row[l];
                }
            }
        }
        double[] psi = new double[s * s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                double v = 0;
                double[] ti = t[i];
                double[] bj = basis[j];
                for (int l = 0; l < modes; l++) {
                    v += ti[l] * bj[l];
                }
                psi[i * s + j] = v;
            }
        }
        return psi;
    }

    private static void draw(double[][] coef, int k, int l, double tau, double alpha, RandomGenerator random) {
        double lambdaSqrt = Math.pow(tau, alpha - 1)
                * Math.pow(Math.PI * Math.PI * (k * k + l * l) + tau * tau, -alpha / 2);
        coef[k][l] = lambdaSqrt * random.nextGaussian();
    }
}
