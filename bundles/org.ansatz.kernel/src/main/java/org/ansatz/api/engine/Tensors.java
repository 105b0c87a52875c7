package org.ansatz.api.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Tensor helpers every differentiable computation on DJL needs.
 *
 * <p><b>Never multiply or divide by a Java number in code that is differentiated.</b> DJL's
 * {@code mul(Number)}, {@code div(Number)}, {@code pow(Number)}, {@code minimum(Number)}, ... wrap the
 * number in a temporary tensor backed by a direct buffer and close it at once, while PyTorch's autograd
 * keeps that tensor for the backward pass. When the garbage collector frees the buffer between forward
 * and backward, the gradients silently become garbage (measured with DJL 0.36 / PyTorch 2.7.1:
 * {@code d(0.5 x)/dx} came out as 1.7e-313 after a {@code System.gc()}). Use {@link #scalar} instead,
 * which keeps the scalar alive as long as the manager of {@code like}.
 */
public final class Tensors {

    private Tensors() {
    }

    /**
     * A scalar tensor of {@code like}'s data type, attached to {@code like}'s manager so that it lives
     * at least as long as tensors computed from it in the same scope.
     */
    public static NDArray scalar(NDArray like, double value) {
        DataType type = like.getDataType();
        return switch (type) {
            case FLOAT64 -> like.getManager().create(value);
            case FLOAT32 -> like.getManager().create((float) value);
            default -> like.getManager().create(value).toType(type, false);
        };
    }

    /**
     * The values of {@code a} as doubles, without leaving a converted tensor behind: a
     * {@code toType(FLOAT64)} copy belongs to {@code a}'s manager, which for parameters and gradients is
     * the model's and lives for the whole run (one leaked copy per training step was measured).
     */
    public static double[] toDoubles(NDArray a) {
        switch (a.getDataType()) {
            case FLOAT64:
                return a.toDoubleArray();
            case FLOAT32: {
                float[] f = a.toFloatArray();
                double[] d = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    d[i] = f[i];
                }
                return d;
            }
            default:
                try (NDArray c = a.toType(DataType.FLOAT64, false)) {
                    return c.toDoubleArray();
                }
        }
    }
}
