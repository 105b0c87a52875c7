package org.ansatz.api.solver;

import java.util.Map;

/**
 * Where a long computation stands.
 *
 * @param stage      e.g. {@code adam} or {@code lbfgs}
 * @param step       steps done in this stage
 * @param totalSteps planned steps in this stage, or {@code -1} when open-ended
 * @param values     current values by name (loss terms, errors), in display order
 */
public record ProgressUpdate(String stage, long step, long totalSteps, Map<String, Double> values) {

    public ProgressUpdate {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
}
