package org.ansatz.api.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The right-hand side of {@code dx/dt = f(t, x)} over a batch of states. Implementations built from
 * tensor operations are differentiable, so integrators can be backpropagated through.
 */
@ConsumerType
public interface VectorField {

    /** Length of a state vector. */
    int dimension();

    /**
     * @param t time (autonomous fields ignore it)
     * @param x states {@code [batch, dimension]}
     * @return time derivatives {@code [batch, dimension]}, in {@code x}'s manager
     */
    NDArray apply(double t, NDArray x);

    /** Trainable leaves the field depends on (empty for known physics). */
    default NDList parameters() {
        return new NDList();
    }
}
