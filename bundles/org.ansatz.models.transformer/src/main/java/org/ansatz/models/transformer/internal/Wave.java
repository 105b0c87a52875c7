package org.ansatz.models.transformer.internal;

import ai.djl.ndarray.NDArray;
import java.util.function.DoubleFunction;
import org.ansatz.api.derivative.ElementwiseFunction;

/**
 * PINNsFormer's wavelet activation {@code w1 sin z + w2 cos z} with trainable scalars w1, w2 (views of
 * the model's buffer for one pass). Its derivatives cycle with period four, so Taylor mode needs one
 * sine, one cosine and a few products however high the order; the results stay differentiable in w1
 * and w2, which is how their gradients arise.
 */
final class Wave implements ElementwiseFunction {

    private final NDArray w1;
    private final NDArray w2;

    /** @param w1 and w2 scalars of shape {@code [1]} */
    Wave(NDArray w1, NDArray w2) {
        this.w1 = w1;
        this.w2 = w2;
    }

    @Override
    public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
        NDArray s = z.sin();
        NDArray c = z.cos();
        // sin^(m) cycles sin, cos, -sin, -cos; cos^(m) cycles cos, -sin, -cos, sin.
        NDArray a = w1.mul(s).add(w2.mul(c));
        NDArray b = maxOrder >= 1 ? w1.mul(c).sub(w2.mul(s)) : null;
        NDArray[] out = new NDArray[maxOrder + 1];
        for (int m = 0; m <= maxOrder; m++) {
            out[m] = switch (m % 4) {
                case 0 -> a;
                case 1 -> b;
                case 2 -> a.neg();
                default -> b.neg();
            };
        }
        return out;
    }

    @Override
    public NDArray apply(NDArray z) {
        return w1.mul(z.sin()).add(w2.mul(z.cos()));
    }
}
