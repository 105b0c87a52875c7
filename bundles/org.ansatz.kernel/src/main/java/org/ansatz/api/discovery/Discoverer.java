package org.ansatz.api.discovery;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Learns equations {@code d(variable)/dt = f(state, spatial derivatives)} from observations.
 * Registered with {@code ansatz.name}, e.g. {@code sindy}, {@code weak-sindy}, {@code rvm},
 * {@code symbolic}.
 */
@ConsumerType
public interface Discoverer {

    /**
     * @param data    observed trajectories (ODE) or fields on a periodic or bounded grid (PDE)
     * @param options method options as flat keys (library, thresholds, derivative estimator, ...)
     * @throws IllegalArgumentException for unknown or malformed options and unusable data, naming
     *                                  the problem
     */
    Discovery discover(Observations data, Map<String, Object> options);
}
