package org.ansatz.api.dynamics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Learns dynamics from trajectories; registered with {@code ansatz.name} ({@code node}, {@code hnn},
 * {@code lnn}, {@code hybrid}, {@code edmd}).
 */
@ConsumerType
public interface DynamicsLearner {

    /**
     * @throws IllegalArgumentException naming an unknown or malformed option, or data the learner
     *                                  cannot use (e.g. a Hamiltonian network on a non-canonical state)
     */
    Forecaster fit(FitRequest request);
}
