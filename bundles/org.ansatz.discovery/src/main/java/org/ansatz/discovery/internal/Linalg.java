package org.ansatz.discovery.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Thin layer over EJML: the dense solves the regressions need, on plain row-major arrays. */
final class Linalg {

    private Linalg() {
    }

    /** A row-major {@code rows x cols} matrix wrapped (not copied). */
    static DMatrixRMaj wrap(int rows, int cols, double[] data) {
        return DMatrixRMaj.wrap(rows, cols, data);
    }

    /**
     * Least-squares solution of {@code A x = b} for the columns {@code cols} of {@code A}, with
     * Tikhonov term {@code ridge * |x|^2}; QR with column pivoting copes with rank deficiency.
     */
    static double[] solve(Mat a, double[] b, int[] cols, double ridge) {
        int n = a.rows;
        int p = cols.length;
        if (p == 0) {
            return new double[0];
        }
        int extra = ridge > 0 ? p : 0;
        DMatrixRMaj A = new DMatrixRMaj(n + extra, p);
        DMatrixRMaj B = new DMatrixRMaj(n + extra, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                A.unsafe_set(i, j, a.get(i, cols[j]));
            }
            B.unsafe_set(i, 0, b[i]);
        }
        double s = Math.sqrt(ridge);
        for (int j = 0; j < extra; j++) {
            A.unsafe_set(n + j, j, s);
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquaresQrPivot(true, false);
        if (!solver.setA(A)) {
            throw new IllegalArgumentException("least-squares system is singular (duplicate or zero library columns?)");
        }
        DMatrixRMaj X = new DMatrixRMaj(p, 1);
        solver.solve(B, X);
        return X.data.clone();
    }

    /** {@code A^T A} restricted to {@code cols}. */
    static DMatrixRMaj gram(Mat a, int[] cols) {
        DMatrixRMaj A = a.columns(cols);
        DMatrixRMaj G = new DMatrixRMaj(cols.length, cols.length);
        CommonOps_DDRM.multInner(A, G);
        return G;
    }

    /** Inverse of a symmetric positive (semi)definite matrix; pseudo-inverse when singular. */
    static DMatrixRMaj inverseSpd(DMatrixRMaj m) {
        DMatrixRMaj inv = new DMatrixRMaj(m.numRows, m.numCols);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(m.numRows);
        if (chol.setA(m.copy())) {
            chol.invert(inv);
            boolean finite = true;
            for (double v : inv.data) {
                finite &= Double.isFinite(v);
            }
            if (finite) {
                return inv;
            }
        }
        CommonOps_DDRM.pinv(m, inv);
        return inv;
    }

    /** Solution of {@code m x = rhs} for square {@code m}. */
    static double[] solveSquare(DMatrixRMaj m, double[] rhs) {
        DMatrixRMaj x = new DMatrixRMaj(rhs.length, 1);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(m.numRows);
        if (!lu.setA(m.copy())) {
            DMatrixRMaj inv = new DMatrixRMaj(m.numRows, m.numCols);
            CommonOps_DDRM.pinv(m, inv);
            CommonOps_DDRM.mult(inv, DMatrixRMaj.wrap(rhs.length, 1, rhs.clone()), x);
            return x.data;
        }
        lu.solve(DMatrixRMaj.wrap(rhs.length, 1, rhs.clone()), x);
        return x.data;
    }

    /** Pseudo-inverse. */
    static DMatrixRMaj pinv(DMatrixRMaj m) {
        DMatrixRMaj inv = new DMatrixRMaj(m.numCols, m.numRows);
        CommonOps_DDRM.pinv(m, inv);
        return inv;
    }
}
