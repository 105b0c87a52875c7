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
 * @param bounds  the box the inputs range over when the caller knows it (a PDE's domain), else {@code null};
 *                models that place features by it ({@link #boundsOr}) read it, others ignore it
 */
public record ModelSpec(int inputs, int outputs, DataType dtype, long seed, Map<String, Object> options,
        InputBounds bounds) {

    /** A spec without input bounds. */
    public ModelSpec(int inputs, int outputs, DataType dtype, long seed, Map<String, Object> options) {
        this(inputs, outputs, dtype, seed, options, null);
    }

    public ModelSpec {
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("a model needs at least one input and one output, got "
                    + inputs + " -> " + outputs);
        }
        Objects.requireNonNull(dtype, "dtype");
        options = Map.copyOf(options);
        if (bounds != null && bounds.inputs() != inputs) {
            throw new IllegalArgumentException("input bounds for " + bounds.inputs() + " inputs given to a model with "
                    + inputs + " inputs");
        }
    }

    /**
     * The input box a model should use: the option {@code key} ({@code lo:hi,...}) if set, else the
     * caller's {@link #bounds}, else [-1, 1].
     */
    public InputBounds boundsOr(String key, String option) {
        if (option != null) {
            return InputBounds.parse(key, option, inputs);
        }
        return bounds != null ? bounds : InputBounds.symmetric(inputs);
    }
}
