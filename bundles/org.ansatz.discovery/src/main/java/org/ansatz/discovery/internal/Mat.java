package org.ansatz.discovery.internal;

import org.ejml.data.DMatrixRMaj;

/** A row-major matrix: rows are samples, columns library terms. */
final class Mat {

    final int rows;
    final int cols;
    final double[] data;

    Mat(int rows, int cols) {
        this(rows, cols, new double[rows * cols]);
    }

    Mat(int rows, int cols, double[] data) {
        if (data.length != rows * cols) {
            throw new IllegalArgumentException(data.length + " values for a " + rows + "x" + cols + " matrix");
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    static Mat ofColumns(java.util.List<double[]> columns) {
        int n = columns.get(0).length;
        Mat m = new Mat(n, columns.size());
        for (int j = 0; j < columns.size(); j++) {
            double[] c = columns.get(j);
            for (int i = 0; i < n; i++) {
                m.data[i * m.cols + j] = c[i];
            }
        }
        return m;
    }

    double get(int i, int j) {
        return data[i * cols + j];
    }

    void set(int i, int j, double v) {
        data[i * cols + j] = v;
    }

    double[] column(int j) {
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i * cols + j];
        }
        return c;
    }

    /** {@code A[:, cols] x}. */
    double[] times(int[] cs, double[] x) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int o = i * cols;
            for (int k = 0; k < cs.length; k++) {
                s += data[o + cs[k]] * x[k];
            }
            out[i] = s;
        }
        return out;
    }

    /** {@code A x} over all columns. */
    double[] times(double[] x) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int o = i * cols;
            for (int k = 0; k < cols; k++) {
                s += data[o + k] * x[k];
            }
            out[i] = s;
        }
        return out;
    }

    /** {@code A^T v}. */
    double[] transposeTimes(double[] v) {
        double[] out = new double[cols];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            for (int k = 0; k < cols; k++) {
                out[k] += data[o + k] * v[i];
            }
        }
        return out;
    }

    DMatrixRMaj columns(int[] cs) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cs.length);
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cs.length; k++) {
                m.unsafe_set(i, k, data[i * cols + cs[k]]);
            }
        }
        return m;
    }

    Mat rows(int[] rs) {
        Mat m = new Mat(rs.length, cols);
        for (int i = 0; i < rs.length; i++) {
            System.arraycopy(data, rs[i] * cols, m.data, i * cols, cols);
        }
        return m;
    }

    DMatrixRMaj ejml() {
        return DMatrixRMaj.wrap(rows, cols, data);
    }
}
