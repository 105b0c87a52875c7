package org.ansatz.api.dynamics;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.SplittableRandom;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A benchmark dynamical system with a trusted generator, registered with {@code ansatz.name}
 * ({@code mass-spring}, {@code pendulum}, {@code lorenz}, ...). The right-hand side exists twice: in
 * plain Java doubles for reference data and invariants, and as tensor operations with the physical
 * parameters as an input tensor, so that hybrid models can learn them (PNODE style).
 */
@ConsumerType
public interface DynamicalSystem {

    /** Names of the state variables, e.g. {@code [q, p]} or {@code [x, y, z]}. */
    List<String> variables();

    default int dimension() {
        return variables().size();
    }

    /** Names of the physical parameters, e.g. {@code [sigma, rho, beta]}; may be empty. */
    List<String> parameterNames();

    /** The parameter values of the benchmark. */
    double[] parameters();

    /** {@code dx/dt} at {@code x} with the benchmark parameters, into {@code dx}. */
    void derivative(double[] x, double[] dx);

    /**
     * The same right-hand side as tensor operations.
     *
     * @param x          states {@code [batch, dimension]}
     * @param parameters {@code [parameterNames().size()]}
     */
    NDArray derivative(NDArray x, NDArray parameters);

    /** A typical initial state (on or near the attractor, or in the training range of energies). */
    double[] initialState(SplittableRandom random);

    /** Time to discard before sampling chaotic systems, so that states lie on the attractor. */
    default double burnIn() {
        return 0;
    }

    /** A characteristic time: the period of oscillators, about one Lyapunov time for chaotic flows. */
    double timeScale();

    /** True when {@link #energy} is a conserved quantity. */
    default boolean conservative() {
        return false;
    }

    /** The conserved energy; {@code NaN} when the system has none. */
    default double energy(double[] x) {
        return Double.NaN;
    }

    /**
     * Degrees of freedom when the state is canonical {@code (q_1..q_n, p_1..p_n)} of a Hamiltonian
     * system, so that a Hamiltonian network applies; 0 otherwise.
     */
    default int canonicalDegrees() {
        return 0;
    }

    /**
     * Degrees of freedom when the state is {@code (q_1..q_n, qdot_1..qdot_n)} of a Lagrangian
     * system, so that a Lagrangian network applies; 0 otherwise.
     */
    default int lagrangianDegrees() {
        return canonicalDegrees();
    }

    /** Largest Lyapunov exponent from the literature, {@code NaN} for regular systems. */
    default double lyapunovExponent() {
        return Double.NaN;
    }

    /** One line for listings. */
    String description();
}
