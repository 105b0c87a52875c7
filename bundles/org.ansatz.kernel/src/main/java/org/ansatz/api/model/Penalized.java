package org.ansatz.api.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model that adds a term of its own to the training loss, such as the slope recovery of adaptive
 * activations. Solvers that train the model add {@link #penalty} to their loss, as a term named
 * {@link #penaltyName} that loss weights and balancers see like any other.
 */
@ConsumerType
public interface Penalized {

    /** The term's name in loss tables (e.g. {@code slope}), or {@code null} when this instance adds none. */
    String penaltyName();

    /** The term's value: a scalar in {@code manager} that carries gradients to the model's parameters. */
    NDArray penalty(NDManager manager);
}
