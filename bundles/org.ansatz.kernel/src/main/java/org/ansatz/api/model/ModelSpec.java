package org.ansatz.api.model;

import ai.djl.ndarray.types.DataType;
import java.util.Map;
import java.util.Objects;

/**
 * What a model factory is asked to build.
 *
 * @param inputs  number of input coordinates (e.g. 2 for {@code (t, x)})
 * @param outputs number of outputs (e.g. 3 for {@code (u, v, p)})
 * @param dtype   {@link DataType#FLOAT32} or {@link DataType#FLOAT64}
 * @param seed    seed of the parameter initialisation
 * @param options family-specific options (layers, activation, modes, ...), validated by the factory
 */
public record ModelSpec(int inputs, int outputs, DataType dtype, long seed, Map<String, Object> options) {

    public ModelSpec {
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("a model needs at least one input and one output, got "
                    + inputs + " -> " + outputs);
        }
        Objects.requireNonNull(dtype, "dtype");
        options = Map.copyOf(options);
    }
}
