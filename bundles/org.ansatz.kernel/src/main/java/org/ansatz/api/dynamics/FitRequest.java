package org.ansatz.api.dynamics;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a learner is asked to fit.
 *
 * @param data     training trajectories
 * @param system   the generating system's known structure: variables, canonical layout, and for
 *                 hybrid models the known physics (its parameters are treated as unknown guesses)
 * @param options  learner options (read with {@code org.ansatz.api.method.Options}; unknown keys are errors)
 * @param seed     seed of initialisation and minibatches
 * @param progress called during training, may be {@code null}
 */
public record FitRequest(TrajectorySet data, DynamicalSystem system, Map<String, Object> options, long seed,
        Consumer<FitProgress> progress) {

    public FitRequest {
        Objects.requireNonNull(data, "data");
        options = options == null ? Map.of() : Map.copyOf(options);
        if (system != null && system.dimension() != data.dimension()) {
            throw new IllegalArgumentException("shape mismatch: data of dimension " + data.dimension()
                    + " for system of dimension " + system.dimension());
        }
    }

    /** A training report: step of total, current loss. */
    public record FitProgress(int step, int totalSteps, double loss) {
    }
}
