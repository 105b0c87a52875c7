package org.ansatz.gp.internal;

import org.ejml.data.DMatrixRMaj;

/**
 * Products with Kronecker-structured matrices {@code A_1 ⊗ ... ⊗ A_d} without forming them: a vector
 * indexed by a grid (row-major, last axis fastest) is multiplied along one axis at a time, which costs
 * {@code O(N sum m_a)} instead of {@code O(N^2)}.
 */
final class Kron {

    private Kron() {
    }

    /** {@code (A_1 ⊗ ... ⊗ A_d) x}; a null factor is the identity. */
    static double[] apply(DMatrixRMaj[] factors, int[] sizes, double[] x) {
        double[] cur = x;
        int[] dims = sizes.clone();
        for (int a = 0; a < factors.length; a++) {
            if (factors[a] != null) {
                cur = alongAxis(factors[a], dims, a, cur, false);
                dims[a] = factors[a].numRows;
            }
        }
        return cur;
    }

    /** {@code (A_1 ⊗ ... ⊗ A_d)^T x}. */
    static double[] applyTransposed(DMatrixRMaj[] factors, int[] sizes, double[] x) {
        double[] cur = x;
        int[] dims = sizes.clone();
        for (int a = 0; a < factors.length; a++) {
            if (factors[a] != null) {
                cur = alongAxis(factors[a], dims, a, cur, true);
                dims[a] = factors[a].numCols;
            }
        }
        return cur;
    }

    private static double[] alongAxis(DMatrixRMaj m, int[] dims, int axis, double[] x, boolean transposed) {
        int in = dims[axis];
        int out = transposed ? m.numCols : m.numRows;
        if ((transposed ? m.numRows : m.numCols) != in) {
            throw new IllegalArgumentException("shape mismatch: a factor of shape " + m.numRows + "x" + m.numCols
                    + " along an axis of " + in + " points");
        }
        int pre = 1;
        for (int a = 0; a < axis; a++) {
            pre *= dims[a];
        }
        int post = 1;
        for (int a = axis + 1; a < dims.length; a++) {
            post *= dims[a];
        }
        double[] y = new double[pre * out * post];
        double[] md = m.data;
        int cols = m.numCols;
        for (int p = 0; p < pre; p++) {
            int xBase = p * in * post;
            int yBase = p * out * post;
            for (int i = 0; i < out; i++) {
                int yRow = yBase + i * post;
                for (int j = 0; j < in; j++) {
                    double c = transposed ? md[j * cols + i] : md[i * cols + j];
                    if (c == 0) {
                        continue;
                    }
                    int xRow = xBase + j * post;
                    for (int q = 0; q < post; q++) {
                        y[yRow + q] += c * x[xRow + q];
                    }
                }
            }
        }
        return y;
    }

    /** The dense Kronecker product, for tests and small problems. */
    static DMatrixRMaj dense(DMatrixRMaj[] factors) {
        DMatrixRMaj out = factors[0];
        for (int a = 1; a < factors.length; a++) {
            DMatrixRMaj b = factors[a];
            DMatrixRMaj k = new DMatrixRMaj(out.numRows * b.numRows, out.numCols * b.numCols);
            for (int i = 0; i < out.numRows; i++) {
                for (int j = 0; j < out.numCols; j++) {
                    double v = out.get(i, j);
                    for (int p = 0; p < b.numRows; p++) {
                        for (int q = 0; q < b.numCols; q++) {
                            k.set(i * b.numRows + p, j * b.numCols + q, v * b.get(p, q));
                        }
                    }
                }
            }
            out = k;
        }
        return out;
    }

    /** The row-major tensor index of a grid point's per-axis indices. */
    static int flat(int[] index, int[] sizes) {
        int f = 0;
        for (int a = 0; a < sizes.length; a++) {
            f = f * sizes[a] + index[a];
        }
        return f;
    }

    static int size(int[] sizes) {
        int n = 1;
        for (int s : sizes) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }
}
