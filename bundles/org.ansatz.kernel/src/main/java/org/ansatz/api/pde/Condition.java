package org.ansatz.api.pde;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A condition imposed through a loss term (a soft constraint): initial values, boundary values,
 * Neumann or Robin data, observations.
 */
@ConsumerType
public interface Condition {

    /** Short name for loss tables, e.g. {@code ic} or {@code bc}. */
    String name();

    /** Points where the condition holds, row-major {@code [count, inputs]}. */
    double[] sample(int count, SplittableRandom random);

    /** Derivatives the residual needs (none for Dirichlet data). */
    default List<MultiIndex> derivatives() {
        return List.of();
    }

    /**
     * @param u output jet at the sampled points
     * @param x the points {@code [n, inputs]}
     * @return residual {@code [n, k]}; zero where the condition holds
     */
    NDArray residual(Jet u, NDArray x);
}
