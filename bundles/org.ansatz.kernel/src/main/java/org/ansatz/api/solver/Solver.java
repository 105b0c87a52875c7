package org.ansatz.api.solver;

import org.ansatz.api.problem.Problem;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A method family's way from a problem to a solution: physics-informed training, a Gaussian-process
 * PDE solver, operator learning, sparse regression. Registered with {@code ansatz.name}, e.g.
 * {@code pinn}, {@code gp-hfm}, {@code sindy}.
 */
@ConsumerType
public interface Solver {

    /** Whether this solver can handle the problem (e.g. it is a PDE problem). */
    boolean supports(Problem problem);

    /**
     * @throws IllegalArgumentException for settings it does not understand, naming the key
     */
    Solution solve(SolveRequest request, Progress progress);

    /**
     * Reopens the solution a run of this solver wrote to {@code runDirectory}.
     *
     * @throws IllegalArgumentException when the directory holds no readable run of this solver
     */
    default Solution load(Problem problem, java.nio.file.Path runDirectory) {
        throw new UnsupportedOperationException("this solver cannot reopen runs");
    }
}
