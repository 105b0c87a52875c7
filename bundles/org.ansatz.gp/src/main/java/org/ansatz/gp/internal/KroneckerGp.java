package org.ansatz.gp.internal;

import org.ejml.data.DMatrixRMaj;

/**
 * GP regression on a full grid with a product kernel: {@code (K_1 ⊗ ... ⊗ K_d + s2 I)^-1 y} and the log
 * marginal likelihood from the eigendecompositions of the factors {@code K_a = Q_a L_a Q_a^T}, in
 * {@code O(sum m_a^3 + N sum m_a)} instead of {@code O(N^3)} (Saatçi's method).
 */
final class KroneckerGp {

    private final double[][] grid;
    private final ProductKernel kernel;
    private final int[] sizes;
    private final DMatrixRMaj[] q;
    private final double[] alpha;
    private final double logMarginal;

    /**
     * @param grid per axis, the coordinates of the grid lines
     * @param y    values at the grid points, row-major (last axis fastest)
     */
    KroneckerGp(double[][] grid, ProductKernel kernel, double noiseVariance, double[] y) {
        int d = grid.length;
        if (kernel.dimension() != d) {
            throw new IllegalArgumentException("a " + kernel.dimension() + "D kernel on a " + d + "D grid");
        }
        if (!(noiseVariance > 0)) {
            throw new IllegalArgumentException("the noise variance must be positive, got " + noiseVariance);
        }
        this.grid = grid;
        this.kernel = kernel;
        this.sizes = new int[d];
        for (int a = 0; a < d; a++) {
            sizes[a] = grid[a].length;
        }
        if (Kron.size(sizes) != y.length) {
            throw new IllegalArgumentException("shape mismatch: " + y.length + " values on a grid of "
                    + Kron.size(sizes) + " points");
        }
        q = new DMatrixRMaj[d];
        double[][] lambda = new double[d][];
        for (int a = 0; a < d; a++) {
            Dense.Eigen e = Dense.symmetricEigen(axisGram(a));
            q[a] = e.vectors();
            lambda[a] = e.values();
        }
        double[] eig = productEigenvalues(lambda, sizes);
        double[] t = Kron.applyTransposed(q, sizes, y);
        double quad = 0;
        double logDet = 0;
        for (int i = 0; i < t.length; i++) {
            double s = Math.max(eig[i], 0) + noiseVariance;
            quad += t[i] * t[i] / s;
            logDet += Math.log(s);
            t[i] /= s;
        }
        alpha = Kron.apply(q, sizes, t);
        logMarginal = -0.5 * quad - 0.5 * logDet - 0.5 * y.length * Math.log(2 * Math.PI);
    }

    DMatrixRMaj axisGram(int a) {
        int m = grid[a].length;
        DMatrixRMaj k = new DMatrixRMaj(m, m);
        Kernel1d ka = kernel.axes().get(a);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                k.unsafe_set(i, j, ka.value(grid[a][i] - grid[a][j]));
            }
        }
        return k;
    }

    /** Eigenvalues of the Kronecker product, in the grid's row-major order. */
    static double[] productEigenvalues(double[][] lambda, int[] sizes) {
        double[] out = {1};
        for (int a = 0; a < sizes.length; a++) {
            double[] next = new double[out.length * sizes[a]];
            for (int i = 0; i < out.length; i++) {
                for (int j = 0; j < sizes[a]; j++) {
                    next[i * sizes[a] + j] = out[i] * lambda[a][j];
                }
            }
            out = next;
        }
        return out;
    }

    /** {@code (K + s2 I)^-1 y}. */
    double[] alpha() {
        return alpha.clone();
    }

    double logMarginalLikelihood() {
        return logMarginal;
    }

    /** Posterior mean at the grid points, {@code K alpha}. */
    double[] meanOnGrid() {
        DMatrixRMaj[] k = new DMatrixRMaj[grid.length];
        for (int a = 0; a < k.length; a++) {
            k[a] = axisGram(a);
        }
        return Kron.apply(k, sizes, alpha);
    }
}
