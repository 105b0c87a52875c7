package org.ansatz.api.dynamics;

import ai.djl.ndarray.NDArray;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An ODE solver over tensors, registered with {@code ansatz.name} ({@code euler}, {@code rk4},
 * {@code dopri5}, {@code leapfrog}). Every operation is a tensor operation, so a solve inside a
 * gradient collector is differentiable (backpropagation through the solver).
 */
@ConsumerType
public interface Integrator {

    /** Order of the global error for smooth fields. */
    int order();

    /** True when the scheme preserves the symplectic form (for separable Hamiltonian fields). */
    default boolean symplectic() {
        return false;
    }

    /** One step of size {@code h} from {@code (t, x)}; {@code x} is {@code [batch, dimension]}. */
    NDArray step(VectorField f, double t, NDArray x, double h);

    /**
     * States at {@code times} (increasing; the first is the time of {@code x0}).
     *
     * @param maxStep fixed-step schemes split each interval into equal steps no longer than this;
     *                adaptive schemes use it as the largest step they may take
     * @return {@code [times, batch, dimension]}
     * @throws IllegalArgumentException when times do not increase or the step is not positive
     */
    default NDArray solve(VectorField f, NDArray x0, double[] times, double maxStep) {
        return Solvers.fixedStep(this, f, x0, times, maxStep);
    }
}
