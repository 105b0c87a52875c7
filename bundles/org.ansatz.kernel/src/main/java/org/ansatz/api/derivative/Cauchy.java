package org.ansatz.api.derivative;

import ai.djl.ndarray.NDArray;
import java.util.function.DoubleFunction;

/**
 * The Cauchy activation of XNet (Li, Xia and Zhang 2024),
 * {@code phi(z) = lambda1 z / (z^2 + d^2) + lambda2 / (z^2 + d^2)}, with trainable {@code lambda1},
 * {@code lambda2} and {@code d}: tensors that broadcast against the pre-activations (one value per
 * neuron, {@code [width]}, or one per layer, {@code [1]}). Gradients to them flow through autograd.
 *
 * <p>Derivatives of every order are exact: with {@code w = 1/(z - i d)},
 * {@code z/(z^2 + d^2) = Re w} and {@code d/(z^2 + d^2) = Im w}, so
 * {@code phi = lambda1 Re w + (lambda2/d) Im w}; since {@code w^(m) = (-1)^m m! w^(m+1)},
 * {@code phi^(m) = (-1)^m m! (lambda1 Re w^(m+1) + (lambda2/d) Im w^(m+1))}, and the powers of
 * {@code w} are built in real arithmetic. {@code d} must not be zero (the function has a pole there).
 *
 * @since 1.1
 */
public final class Cauchy implements ElementwiseFunction {

    private final NDArray lambda1;
    private final NDArray lambda2;
    private final NDArray d;

    /**
     * @param lambda1 weight of the odd part {@code z / (z^2 + d^2)}
     * @param lambda2 weight of the even part {@code 1 / (z^2 + d^2)}
     * @param d       width of the kernel; non-zero
     */
    public Cauchy(NDArray lambda1, NDArray lambda2, NDArray d) {
        this.lambda1 = lambda1;
        this.lambda2 = lambda2;
        this.d = d;
    }

    @Override
    public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
        NDArray q = z.square().add(d.square());
        NDArray re = z.div(q);
        NDArray im = d.div(q);
        NDArray evenWeight = lambda2.div(d);
        NDArray[] out = new NDArray[maxOrder + 1];
        NDArray pr = re;
        NDArray pi = im;
        double c = 1;
        for (int m = 0; m <= maxOrder; m++) {
            if (m > 0) {
                // w^(m+1) = w^m * w
                NDArray nr = pr.mul(re).sub(pi.mul(im));
                NDArray ni = pr.mul(im).add(pi.mul(re));
                pr = nr;
                pi = ni;
                c *= -m;
            }
            NDArray v = pr.mul(lambda1).add(pi.mul(evenWeight));
            out[m] = m == 0 ? v : v.mul(constant.apply(c));
        }
        return out;
    }

    @Override
    public NDArray apply(NDArray z) {
        return z.mul(lambda1).add(lambda2).div(z.square().add(d.square()));
    }
}
