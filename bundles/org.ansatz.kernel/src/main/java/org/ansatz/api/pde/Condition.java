package org.ansatz.api.pde;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import java.util.List;
import java.util.Map;
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

    /**
     * The residual when the problem has trainable unknowns that enter the condition (a Robin
     * coefficient, an eigenvalue in a boundary relation); by default the unknowns are ignored.
     *
     * @param unknowns current values of {@link PdeProblem#unknowns()}, scalar tensors that carry gradients
     * @since 1.2
     */
    default NDArray residual(Jet u, NDArray x, Map<String, NDArray> unknowns) {
        return residual(u, x);
    }
}
