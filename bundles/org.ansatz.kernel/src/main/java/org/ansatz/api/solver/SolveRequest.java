package org.ansatz.api.solver;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.ansatz.api.problem.Problem;

/**
 * One run: the problem, the effective settings (the problem's defaults overridden by the user's),
 * the seed and the run directory the solver writes its outputs and checkpoints to.
 */
public record SolveRequest(Problem problem, Map<String, Object> settings, long seed, Path runDirectory) {

    public SolveRequest {
        Objects.requireNonNull(problem, "problem");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(runDirectory, "runDirectory");
    }
}
