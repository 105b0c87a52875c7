package org.ansatz.api.model;

import ai.djl.ndarray.types.DataType;
import java.util.List;
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
 * @param inputNames the inputs' names in order when the caller knows them (a PDE's {@code t, x}), else
 *                {@code null}; models with a role for one input (the time axis of a sequence) find it by
 *                {@link #inputIndex}
 */
public record ModelSpec(int inputs, int outputs, DataType dtype, long seed, Map<String, Object> options,
        InputBounds bounds, List<String> inputNames) {

    /** A spec without input bounds or names. */
    public ModelSpec(int inputs, int outputs, DataType dtype, long seed, Map<String, Object> options) {
        this(inputs, outputs, dtype, seed, options, null, null);
    }

    /** A spec without input names. */
    public ModelSpec(int inputs, int outputs, DataType dtype, long seed, Map<String, Object> options,
            InputBounds bounds) {
        this(inputs, outputs, dtype, seed, options, bounds, null);
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
        if (inputNames != null) {
            inputNames = List.copyOf(inputNames);
            if (inputNames.size() != inputs) {
                throw new IllegalArgumentException(inputNames.size() + " input names " + inputNames
                        + " given to a model with " + inputs + " inputs");
            }
        }
    }

    /** The position of the input with this name; -1 if the names are unknown or none has it. */
    public int inputIndex(String name) {
        return inputNames == null ? -1 : inputNames.indexOf(name);
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
