package org.ansatz.api.expr;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names an expression may use.
 *
 * @param inputs     independent variables, e.g. {@code [t, x]}; single letters allow derivative names
 *                   like {@code u_tx}
 * @param outputs    unknowns, e.g. {@code [u]} or {@code [u, v, p]}
 * @param constants  named numbers, e.g. {@code nu -> 0.00318}; {@code pi} and {@code e} are built in
 * @param parameters trainable unknown scalars (inverse problems), supplied at evaluation
 */
public record Symbols(List<String> inputs, List<String> outputs, Map<String, Double> constants,
        Set<String> parameters) {

    public Symbols {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        constants = Map.copyOf(constants);
        parameters = Set.copyOf(parameters);
    }

    public static Symbols of(List<String> inputs, List<String> outputs, Map<String, Double> constants) {
        return new Symbols(inputs, outputs, constants, Set.of());
    }
}
