package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/** Grid conventions and resampling between nested grids. */
final class Grids {

    private Grids() {
    }

    /** The stride from a coarse to a fine grid of the same domain, or -1 when they do not nest. */
    static int stride(int fine, int coarse, boolean periodic) {
        if (periodic) {
            return fine % coarse == 0 ? fine / coarse : -1;
        }
        return (fine - 1) % (coarse - 1) == 0 ? (fine - 1) / (coarse - 1) : -1;
    }

    /** Points per axis of the grid with every {@code sub}-th point. */
    static int coarsen(int n, int sub, boolean periodic) {
        return periodic ? n / sub : (n - 1) / sub + 1;
    }

    /** Checks that {@code sub} divides the grid evenly. */
    static void checkStride(int n, int sub, boolean periodic) {
        if (periodic ? n % sub != 0 : (n - 1) % sub != 0) {
            throw new IllegalArgumentException("sub=" + sub + " does not divide the " + (periodic ? "periodic " : "")
                    + "grid of " + n + " points evenly" + (periodic ? "" : " (needs (n - 1) % sub == 0)"));
        }
    }

    /** {@code a [B, grid...]} subsampled onto {@code target} (a nested coarser grid) or returned as is. */
    static NDArray resample(NDArray a, int[] target, boolean periodic) {
        long[] s = a.getShape().getShape();
        if (Arrays.equals(Arrays.stream(s).skip(1).mapToInt(l -> (int) l).toArray(), target)) {
            return a;
        }
        StringBuilder index = new StringBuilder(":");
        for (int i = 0; i < target.length; i++) {
            int k = stride((int) s[i + 1], target[i], periodic);
            if (k < 1) {
                throw new IllegalArgumentException("shape mismatch: an input on " + s[i + 1] + " points cannot feed "
                        + target[i] + " sensors (the grids do not nest)");
            }
            index.append(", ::").append(k);
        }
        return a.get(index.toString());
    }

    /** Grid points {@code [P, dims]} in C order. */
    static NDArray points(NDManager m, int[] shape, boolean periodic, DataType type) {
        int dims = shape.length;
        int p = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        double[] c = new double[p * dims];
        for (int i = 0; i < p; i++) {
            int rem = i;
            for (int axis = dims - 1; axis >= 0; axis--) {
                int idx = rem % shape[axis];
                rem /= shape[axis];
                c[i * dims + axis] = periodic ? (double) idx / shape[axis] : (double) idx / (shape[axis] - 1);
            }
        }
        return m.create(c, new Shape(p, dims)).toType(type, false);
    }

    /** Every {@code sub}-th value of each sample of flat C-ordered data on {@code shape}. */
    static double[] subsample(double[] v, int[] shape, int sub, boolean periodic) {
        if (sub == 1) {
            return v;
        }
        int[] to = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            to[i] = coarsen(shape[i], sub, periodic);
        }
        int from = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        int size = Arrays.stream(to).reduce(1, (x, y) -> x * y);
        int samples = v.length / from;
        double[] out = new double[samples * size];
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < size; j++) {
                int rem = j;
                int src = 0;
                int mult = 1;
                for (int a = to.length - 1; a >= 0; a--) {
                    src += (rem % to[a]) * sub * mult;
                    rem /= to[a];
                    mult *= shape[a];
                }
                out[s * size + j] = v[s * from + src];
            }
        }
        return out;
    }
}
