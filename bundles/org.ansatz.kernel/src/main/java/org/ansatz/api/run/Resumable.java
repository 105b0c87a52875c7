package org.ansatz.api.run;

import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link org.ansatz.api.solver.Solver} that continues an interrupted run from the last checkpoint in
 * its run directory. Resuming with the request of the original run must give the result an
 * uninterrupted run would have given, to the last bit.
 */
@ConsumerType
public interface Resumable {

    /**
     * @param request the original run's problem, settings, seed and directory
     * @throws IllegalArgumentException when the directory holds no checkpoint this solver can continue,
     *                                  with the reason
     */
    Solution resume(SolveRequest request, Progress progress);
}
