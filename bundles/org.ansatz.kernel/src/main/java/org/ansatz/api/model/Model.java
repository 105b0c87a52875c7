package org.ansatz.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A parametrised map from input points to outputs. Parameters are owned by the model (and freed by
 * {@link #close()}); optimizers update them in place. Models that know the derivatives of their
 * building blocks additionally implement the derivative engine's jet interface, which lets residuals
 * use Taylor mode instead of nested reverse mode.
 */
@ConsumerType
public interface Model extends AutoCloseable {

    /** What it was built from. */
    ModelSpec spec();

    /** Trainable parameters, with gradients attached. */
    NDList parameters();

    /**
     * @param x points of shape {@code [n, inputs]}
     * @return outputs of shape {@code [n, outputs]}
     */
    NDArray forward(NDArray x);

    @Override
    void close();
}
