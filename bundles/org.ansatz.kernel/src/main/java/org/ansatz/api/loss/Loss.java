package org.ansatz.api.loss;

import ai.djl.ndarray.NDArray;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reduces pointwise errors (prediction minus target, or an equation residual) to a scalar that is
 * differentiable with respect to them. Registered with {@code ansatz.name}, e.g. {@code mse}.
 *
 * <p>Most losses are the mean of a pointwise penalty; they implement {@link #pointwise} only.
 */
@ConsumerType
public interface Loss {

    /** The penalty of each error, same shape as {@code error}. */
    NDArray pointwise(NDArray error);

    /** The scalar loss: by default the mean of the pointwise penalties. */
    default NDArray apply(NDArray error) {
        return pointwise(error).mean();
    }

    /**
     * Weighted form, e.g. for causal or residual-adaptive weights: the mean of
     * {@code weights * pointwise(error)}. The weights broadcast against {@code error} and carry no
     * gradient.
     */
    default NDArray apply(NDArray error, NDArray weights) {
        return pointwise(error).mul(weights.stopGradient()).mean();
    }
}
