package org.ansatz.gp.internal;

import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;

/**
 * Exact GP regression in float64: {@code y = f(x) + e}, {@code f ~ GP(m, k)}, {@code e ~ N(0, s2)}, with a
 * constant mean {@code m} (the data's mean), inference by Cholesky and hyperparameters by maximising the
 * log marginal likelihood with its analytic gradient {@code 1/2 tr((a a^T - K^-1) dK)}.
 */
final class GaussianProcess {

    private final ProductKernel kernel;
    private final double logNoise;
    private final double[] x;
    private final double mean;
    private final Dense.Cholesky chol;
    private final double[] alpha;
    private final double logMarginal;

    private GaussianProcess(ProductKernel kernel, double logNoise, double[] x, double[] y) {
        int d = kernel.dimension();
        if (x.length % d != 0 || x.length / d != y.length) {
            throw new IllegalArgumentException("shape mismatch: " + x.length + " coordinates for " + y.length
                    + " values in " + d + " dimensions");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("GP regression needs at least one observation");
        }
        for (double v : y) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("GP regression: non-finite observation " + v);
            }
        }
        this.kernel = kernel;
        this.logNoise = logNoise;
        this.x = x.clone();
        double m = 0;
        for (double v : y) {
            m += v;
        }
        this.mean = m / y.length;
        double[] centred = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            centred[i] = y[i] - mean;
        }
        DMatrixRMaj k = kernel.matrix(x, x);
        double noise = Math.exp(logNoise);
        for (int i = 0; i < y.length; i++) {
            k.add(i, i, noise);
        }
        this.chol = Dense.cholesky(k, "the GP covariance");
        this.alpha = chol.solve(centred);
        this.logMarginal = -0.5 * Dense.dot(centred, alpha) - 0.5 * chol.logDet()
                - 0.5 * y.length * Math.log(2 * Math.PI);
    }

    /** The posterior for fixed hyperparameters. */
    static GaussianProcess fit(ProductKernel kernel, double logNoise, double[] x, double[] y) {
        return new GaussianProcess(kernel, logNoise, x, y);
    }

    /**
     * The posterior after maximising the log marginal likelihood over the kernel's parameters and the log
     * noise variance (kept above {@code minLogNoise}, which stabilises nearly noise-free data).
     */
    static GaussianProcess optimize(ProductKernel start, double logNoise, double minLogNoise, double[] x, double[] y,
            int iterations) {
        double[] p0 = start.parameters();
        double[] init = java.util.Arrays.copyOf(p0, p0.length + 1);
        init[p0.length] = logNoise;
        Function<double[], Minimizer.Evaluation> objective = p -> {
            double[] kp = java.util.Arrays.copyOf(p, p.length - 1);
            double ln = Math.max(minLogNoise, p[p.length - 1]);
            try {
                GaussianProcess gp = fit(start.with(kp), ln, x, y);
                double[] g = gp.gradient();
                for (int i = 0; i < g.length; i++) {
                    g[i] = -g[i];
                }
                if (p[p.length - 1] < minLogNoise) {
                    g[g.length - 1] = 0;
                }
                return new Minimizer.Evaluation(-gp.logMarginal, g);
            } catch (IllegalStateException e) {
                return new Minimizer.Evaluation(Double.POSITIVE_INFINITY, new double[p.length]);
            }
        };
        Minimizer.Result r = Minimizer.minimize(objective, init, iterations, 1e-6, null);
        double[] kp = java.util.Arrays.copyOf(r.x(), p0.length);
        return fit(start.with(kp), Math.max(minLogNoise, r.x()[p0.length]), x, y);
    }

    double logMarginalLikelihood() {
        return logMarginal;
    }

    ProductKernel kernel() {
        return kernel;
    }

    double noiseVariance() {
        return Math.exp(logNoise);
    }

    /**
     * The gradient of the log marginal likelihood in the kernel's parameters and then the log noise.
     * {@code dK} of each 1D kernel parameter comes from a central difference of that kernel alone (the
     * kernels have no parameter derivatives of their own); the trace formula is exact.
     */
    double[] gradient() {
        int n = alpha.length;
        int d = kernel.dimension();
        DMatrixRMaj w = chol.inverse();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w.unsafe_set(i, j, alpha[i] * alpha[j] - w.unsafe_get(i, j));
            }
        }
        DMatrixRMaj[] factors = new DMatrixRMaj[d];
        for (int a = 0; a < d; a++) {
            factors[a] = kernel.axisMatrix(a, kernel.axes().get(a), x, x);
        }
        double[] grad = new double[kernel.parameters().length + 1];
        int o = 0;
        double h = 1e-6;
        for (int a = 0; a < d; a++) {
            Kernel1d k = kernel.axes().get(a);
            double[] p = k.parameters();
            for (int i = 0; i < p.length; i++) {
                double[] up = p.clone();
                up[i] += h;
                double[] dn = p.clone();
                dn[i] -= h;
                DMatrixRMaj kUp = kernel.axisMatrix(a, k.with(up), x, x);
                DMatrixRMaj kDn = kernel.axisMatrix(a, k.with(dn), x, x);
                double s = 0;
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        double others = 1;
                        for (int b = 0; b < d; b++) {
                            if (b != a) {
                                others *= factors[b].unsafe_get(r, c);
                            }
                        }
                        double dk = (kUp.unsafe_get(r, c) - kDn.unsafe_get(r, c)) / (2 * h) * others;
                        s += w.unsafe_get(r, c) * dk;
                    }
                }
                grad[o++] = 0.5 * s;
            }
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += w.unsafe_get(i, i);
        }
        grad[o] = 0.5 * Math.exp(logNoise) * trace;
        return grad;
    }

    /** Predictive mean and variance of the latent function (without the noise) at row-major points. */
    double[][] predict(double[] points) {
        DMatrixRMaj ks = kernel.matrix(x, points);
        int m = ks.numCols;
        double[] mu = new double[m];
        double[] var = new double[m];
        double[] ka = Dense.multTransA(ks, alpha);
        DMatrixRMaj v = chol.solve(ks);
        int d = kernel.dimension();
        double[] self = new double[d];
        for (int j = 0; j < m; j++) {
            mu[j] = mean + ka[j];
            double q = 0;
            for (int i = 0; i < alpha.length; i++) {
                q += ks.unsafe_get(i, j) * v.unsafe_get(i, j);
            }
            double prior = 1;
            for (int a = 0; a < d; a++) {
                prior *= kernel.axes().get(a).value(0);
            }
            var[j] = Math.max(0, prior - q);
        }
        return new double[][] {mu, var};
    }
}
