package org.ansatz.api.discovery;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of a discovery run.
 *
 * @param method    the method's name
 * @param equations one equation per observed variable
 * @param metrics   diagnostics by name, e.g. {@code r2.x}, {@code threshold}
 */
public record Discovery(String method, List<Equation> equations, Map<String, Double> metrics) {

    public Discovery {
        equations = List.copyOf(equations);
        metrics = Map.copyOf(metrics);
    }

    /** The equation whose left-hand side is {@code lhs}, e.g. {@code x_t}. */
    public Optional<Equation> equation(String lhs) {
        return equations.stream().filter(e -> e.lhs().equals(lhs)).findFirst();
    }
}
