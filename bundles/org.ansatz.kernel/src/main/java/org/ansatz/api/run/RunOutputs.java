package org.ansatz.api.run;

import java.nio.file.Path;
import java.util.Map;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.solver.Solution;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes a finished run's plots and exports (settings under {@code output.}). {@link Runs} takes the
 * {@code output.} settings away from the solver's, checks them here before the run starts and calls
 * {@link #write} when the solver returns.
 */
@ConsumerType
public interface RunOutputs {

    /**
     * @param settings the {@code output.} settings without the prefix
     * @throws IllegalArgumentException naming an unknown or malformed setting ({@code output.<key>})
     */
    void check(Map<String, Object> settings);

    /**
     * @param settings the {@code output.} settings without the prefix
     * @return the files written, relative to the run directory
     */
    java.util.List<String> write(Path runDirectory, Problem problem, Solution solution, Map<String, Object> settings);
}
