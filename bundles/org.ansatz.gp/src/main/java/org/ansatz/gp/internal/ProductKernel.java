package org.ansatz.gp.internal;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code k(x, y) = prod_a k_a(x_a - y_a)} over the inputs: a product of one-dimensional stationary
 * kernels. On a grid its Gram matrix is the Kronecker product of the axes' Gram matrices.
 */
record ProductKernel(List<Kernel1d> axes) {

    ProductKernel {
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a product kernel needs at least one axis");
        }
        axes = List.copyOf(axes);
    }

    int dimension() {
        return axes.size();
    }

    double value(double[] x, int i, double[] y, int j) {
        int d = axes.size();
        double v = 1;
        for (int a = 0; a < d; a++) {
            v *= axes.get(a).value(x[i * d + a] - y[j * d + a]);
        }
        return v;
    }

    /** Gram matrix between two row-major point sets. */
    DMatrixRMaj matrix(double[] x, double[] y) {
        int d = axes.size();
        int n = x.length / d;
        int m = y.length / d;
        DMatrixRMaj k = new DMatrixRMaj(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                k.unsafe_set(i, j, value(x, i, y, j));
            }
        }
        return k;
    }

    /** One axis's factor of the Gram matrix, {@code k_a(x_a - y_a)} for all pairs. */
    DMatrixRMaj axisMatrix(int axis, Kernel1d kernel, double[] x, double[] y) {
        int d = axes.size();
        int n = x.length / d;
        int m = y.length / d;
        DMatrixRMaj k = new DMatrixRMaj(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                k.unsafe_set(i, j, kernel.value(x[i * d + axis] - y[j * d + axis]));
            }
        }
        return k;
    }

    double[] parameters() {
        List<Double> p = new ArrayList<>();
        for (Kernel1d k : axes) {
            for (double v : k.parameters()) {
                p.add(v);
            }
        }
        return p.stream().mapToDouble(Double::doubleValue).toArray();
    }

    ProductKernel with(double[] p) {
        List<Kernel1d> out = new ArrayList<>();
        int o = 0;
        for (Kernel1d k : axes) {
            int n = k.parameters().length;
            out.add(k.with(java.util.Arrays.copyOfRange(p, o, o + n)));
            o += n;
        }
        if (o != p.length) {
            throw new IllegalArgumentException("the kernel takes " + o + " parameters, got " + p.length);
        }
        return new ProductKernel(out);
    }

    List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < axes.size(); a++) {
            for (String n : axes.get(a).parameterNames()) {
                names.add("axis" + a + "." + n);
            }
        }
        return names;
    }
}
