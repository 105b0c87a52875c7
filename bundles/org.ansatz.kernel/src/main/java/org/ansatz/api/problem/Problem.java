package org.ansatz.api.problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something to be solved, registered as a service with {@code ansatz.name} (e.g. {@code burgers}).
 * Family-specific problems extend this (a PDE problem adds equations, geometry and conditions; an
 * operator-learning problem adds a dataset of input and output functions; a discovery problem adds
 * observed trajectories). Solvers check which of these they can handle.
 */
@ConsumerType
public interface Problem {

    /** One line for listings. */
    String description();

    /** Names of the independent variables, e.g. {@code [t, x]}. */
    List<String> inputs();

    /** Names of the unknowns, e.g. {@code [u]} or {@code [u, v, p]}. */
    List<String> outputs();

    /** The reference solution, when the problem has one. */
    Optional<Reference> reference();

    /**
     * Default run settings (solver, model, budget, ...) as flat dotted keys, e.g.
     * {@code model.layers=[20,20,20]}; a run's own settings override them.
     */
    default Map<String, Object> defaults() {
        return Map.of();
    }
}
