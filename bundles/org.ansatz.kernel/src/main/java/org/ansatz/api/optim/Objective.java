package org.ansatz.api.optim;

import ai.djl.ndarray.NDArray;

/**
 * The function an optimizer minimises. Each call computes the loss at the current parameters and
 * leaves fresh gradients on them; line-search methods call it several times per step.
 */
@FunctionalInterface
public interface Objective {

    /** @return the scalar loss; gradients of the parameters are set as a side effect */
    NDArray evaluate();
}
