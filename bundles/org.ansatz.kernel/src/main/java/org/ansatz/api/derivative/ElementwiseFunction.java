package org.ansatz.api.derivative;

import ai.djl.ndarray.NDArray;
import java.util.function.DoubleFunction;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A scalar function applied elementwise, with its derivatives: what Taylor mode needs to push a jet
 * through an activation.
 */
@ConsumerType
public interface ElementwiseFunction {

    /**
     * @param z        pre-activations
     * @param maxOrder highest derivative needed
     * @param constant makes scalar tensors that are safe in differentiated code (see
     *                 {@link org.ansatz.api.engine.Tensors#scalar})
     * @return {@code f(z), f'(z), ..., f^(maxOrder)(z)}
     */
    NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant);

    /** The function alone (no derivatives), for plain forward passes. */
    NDArray apply(NDArray z);
}
