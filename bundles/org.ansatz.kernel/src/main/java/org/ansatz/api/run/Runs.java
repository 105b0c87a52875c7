package org.ansatz.api.run;

import java.nio.file.Path;
import java.util.Map;
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

    /** Name of the file in a run directory that says whether the run is running, finished or failed. */
    String STATUS_FILE = "status.json";

    /**
     * Reads a run spec file (YAML or JSON) with a registered {@link RunSpecReader}; the result can be
     * adjusted further and passed to {@link #solve}. An inline PDE of the file becomes the spec's problem.
     *
     * @param overrides dotted keys applied over the file's values, as {@code --set key=value} does
     * @throws IllegalArgumentException naming the file and the offending key's path
     * @throws IllegalStateException    when no bundle that reads spec files is installed
     */
    RunSpec read(Path specFile, Map<String, String> overrides);

    /**
     * Continues an interrupted run (killed, crashed, cancelled) from the last checkpoint in its
     * directory, with the settings and seed it was started with; the result is the one the
     * uninterrupted run would have given. The problem is the registered one the run names, or the
     * inline PDE of its effective spec ({@value RunSpecReader#EFFECTIVE_SPEC}).
     *
     * @throws IllegalArgumentException when the directory holds no resumable run, with the reason
     */
    Solution resume(Path runDirectory, Progress progress);

    /** Continues an interrupted run of a host's own problem. */
    Solution resume(Path runDirectory, Problem problem, Progress progress);

    /** Whether a run is running, finished, failed or was killed, per its {@value #STATUS_FILE}. */
    RunStatus status(Path runDirectory);

    /**
     * The contents of {@value #STATUS_FILE}.
     *
     * @param state   {@code running}, {@code finished}, {@code cancelled} (stopped early on request),
     *                {@code failed}, {@code killed} (marked running by a process that no longer exists) or
     *                {@code unknown} (no status file)
     * @param error   the failure's message, or null
     * @param started when the run (its first part, if resumed) started, ISO-8601, or null
     * @param seconds wall time spent in the run over all its parts so far
     * @param parts   1 for a run never resumed, plus one per resume
     */
    record RunStatus(String state, String error, String started, double seconds, int parts) {
    }

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
