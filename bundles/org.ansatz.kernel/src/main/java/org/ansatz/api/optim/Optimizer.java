package org.ansatz.api.optim;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Updates a flat parameter vector in place; stateful (moments, curvature pairs). One instance serves
 * one training stage.
 */
@ConsumerType
public interface Optimizer {

    /**
     * One step from {@code x}, updated in place. When the loss at {@code x} is not finite the step
     * must leave {@code x} unchanged, so that the caller can restore a good state.
     *
     * @param learningRate from the caller's schedule; ignored by line-search methods
     * @return the loss at {@code x} before the step
     */
    double step(double[] x, Objective objective, double learningRate);

    /**
     * Line-search methods evaluate the objective several times per step and need it fixed: the
     * caller then freezes loss weights instead of rebalancing at every evaluation.
     */
    default boolean lineSearch() {
        return false;
    }

    /** True once further steps cannot make progress (tiny gradient, failed line search). */
    default boolean converged() {
        return false;
    }
}
