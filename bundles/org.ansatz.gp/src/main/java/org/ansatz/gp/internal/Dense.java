package org.ansatz.gp.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** The dense linear algebra the GP family needs, all delegated to EJML. */
final class Dense {

    private Dense() {
    }

    /** A Cholesky factorisation {@code A = L L^T} with solves, inverse and log-determinant. */
    static final class Cholesky {
        private final LinearSolverDense<DMatrixRMaj> solver;
        private final double logDet;
        private final int n;

        private Cholesky(LinearSolverDense<DMatrixRMaj> solver, double logDet, int n) {
            this.solver = solver;
            this.logDet = logDet;
            this.n = n;
        }

        double logDet() {
            return logDet;
        }

        double[] solve(double[] b) {
            DMatrixRMaj x = new DMatrixRMaj(n, 1);
            solver.solve(DMatrixRMaj.wrap(n, 1, b.clone()), x);
            return x.data;
        }

        DMatrixRMaj solve(DMatrixRMaj b) {
            DMatrixRMaj x = new DMatrixRMaj(b.numRows, b.numCols);
            solver.solve(b.copy(), x);
            return x;
        }

        DMatrixRMaj inverse() {
            DMatrixRMaj inv = new DMatrixRMaj(n, n);
            solver.invert(inv);
            return inv;
        }
    }

    /**
     * Factorises a symmetric positive definite matrix (left untouched).
     *
     * @throws IllegalStateException when it is not positive definite in floating point
     */
    static Cholesky cholesky(DMatrixRMaj a, String what) {
        int n = a.numRows;
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        DMatrixRMaj copy = a.copy();
        if (!chol.decompose(copy)) {
            throw new IllegalStateException(what + " is not positive definite (raise the jitter or the noise)");
        }
        DMatrixRMaj lower = chol.getT(null);
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            double d = lower.get(i, i);
            if (!(d > 0)) {
                throw new IllegalStateException(what + " is not positive definite (raise the jitter or the noise)");
            }
            logDet += 2 * Math.log(d);
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
        if (!solver.setA(a.copy())) {
            throw new IllegalStateException(what + " is not positive definite (raise the jitter or the noise)");
        }
        return new Cholesky(solver, logDet, n);
    }

    /** Eigenvalues (ascending) and orthonormal eigenvectors (columns) of a symmetric matrix. */
    record Eigen(double[] values, DMatrixRMaj vectors) {
    }

    static Eigen symmetricEigen(DMatrixRMaj a) {
        int n = a.numRows;
        DMatrixRMaj sym = a.copy();
        // Symmetrise exactly: kernel matrices are symmetric only up to round-off in their assembly.
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = 0.5 * (sym.get(i, j) + sym.get(j, i));
                sym.set(i, j, v);
                sym.set(j, i, v);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(sym)) {
            throw new IllegalStateException("symmetric eigendecomposition failed");
        }
        Integer[] order = new Integer[n];
        double[] lambda = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            lambda[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(lambda[x], lambda[y]));
        double[] values = new double[n];
        DMatrixRMaj vectors = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            values[k] = lambda[order[k]];
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            for (int i = 0; i < n; i++) {
                vectors.set(i, k, v.get(i, 0));
            }
        }
        return new Eigen(values, vectors);
    }

    static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numCols, b.numCols);
        CommonOps_DDRM.multTransA(a, b, c);
        return c;
    }

    static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numRows);
        CommonOps_DDRM.multTransB(a, b, c);
        return c;
    }

    static double[] mult(DMatrixRMaj a, double[] x) {
        DMatrixRMaj y = new DMatrixRMaj(a.numRows, 1);
        CommonOps_DDRM.mult(a, DMatrixRMaj.wrap(x.length, 1, x), y);
        return y.data;
    }

    static double[] multTransA(DMatrixRMaj a, double[] x) {
        DMatrixRMaj y = new DMatrixRMaj(a.numCols, 1);
        CommonOps_DDRM.multTransA(a, DMatrixRMaj.wrap(x.length, 1, x), y);
        return y.data;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
