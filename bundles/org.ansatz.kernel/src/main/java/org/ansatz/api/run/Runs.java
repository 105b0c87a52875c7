package org.ansatz.api.run;

import java.nio.file.Path;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Solves problems and reopens finished runs. The shell's {@code ansatz:solve} and {@code ansatz:predict},
 * embedded hosts and plain-classpath hosts all go through this service, so one spec and seed give one
 * result whichever way a run was started.
 */
@ProviderType
public interface Runs {

    /** Name of the file in a run directory that records what is needed to reopen the run. */
    String RUN_FILE = "run.properties";

    /**
     * Runs the spec: the problem's defaults overridden by the spec's settings, solved by the solver named
     * by the {@code solver} setting (default {@code pinn}); the run directory receives {@value #RUN_FILE}
     * first, then whatever the solver writes.
     *
     * @return the trained solution; the caller closes it
     * @throws org.ansatz.api.method.UnknownMethodException when the problem or solver is not registered
     * @throws IllegalArgumentException for a solver that cannot solve the problem or a setting it rejects
     */
    Solution solve(RunSpec spec, Progress progress);

    /**
     * The solution a finished run of a registered problem wrote.
     *
     * @throws IllegalArgumentException when the directory holds no run
     */
    Solution open(Path runDirectory);

    /** The solution a finished run of a host's own problem wrote. */
    Solution open(Path runDirectory, Problem problem);

    /** What {@link #RUN_FILE} in the directory records: problem, solver and seed. */
    RunRecord record(Path runDirectory);

    /**
     * The contents of {@value #RUN_FILE}.
     *
     * @param problem name of the problem
     * @param solver  name of the solver
     * @param seed    the run's seed
     */
    record RunRecord(String problem, String solver, long seed) {
    }
}
