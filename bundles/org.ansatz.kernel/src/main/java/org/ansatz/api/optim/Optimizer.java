package org.ansatz.api.optim;

import org.osgi.annotation.versioning.ConsumerType;

/** Updates the parameters it was created for; stateful (moments, curvature pairs). */
@ConsumerType
public interface Optimizer extends AutoCloseable {

    /**
     * Performs one step.
     *
     * @return the loss before the step
     */
    double step(Objective objective);

    /** Sets the learning rate used from the next step on (schedules call this). */
    void learningRate(double rate);

    @Override
    default void close() {
    }
}
