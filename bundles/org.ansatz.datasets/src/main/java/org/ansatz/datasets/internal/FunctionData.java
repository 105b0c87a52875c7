package org.ansatz.datasets.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Function pairs in memory: inputs and outputs as flat C-ordered arrays {@code [n, ...shape]}, with the
 * grid, equation and parameters that describe them.
 *
 * @param equation   e.g. {@code burgers}; empty when unknown
 * @param parameters equation and generator parameters
 * @param grid       coordinates per axis
 * @param periodic   whether the grid is periodic (n points of [0, L))
 * @param inputName  name of the input field, e.g. {@code a}
 * @param outputName name of the output field, e.g. {@code u}
 * @param inputs     {@code n * prod(shape)} values
 * @param outputs    {@code n * prod(shape)} values
 * @param seed       the generator's seed, or -1 for loaded data
 * @param solver     the reference solver at this resolution, or null
 */
record FunctionData(String equation, Map<String, Double> parameters, List<double[]> grid, boolean periodic,
        String inputName, String outputName, double[] inputs, double[] outputs, long seed,
        UnaryOperator<double[]> solver) {

    FunctionData {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        grid = List.copyOf(grid);
        if (inputName.equals(outputName)) {
            throw new IllegalArgumentException("input and output fields need different names, both are '"
                    + inputName + "'");
        }
        int size = sampleSize(grid);
        if (inputs.length % size != 0 || outputs.length != inputs.length) {
            throw new IllegalArgumentException("shape mismatch: " + inputs.length + " input and " + outputs.length
                    + " output values for samples of " + size + " grid points " + Arrays.toString(shape(grid)));
        }
    }

    int size() {
        return inputs.length / sampleSize(grid);
    }

    int[] shape() {
        return shape(grid);
    }

    Optional<UnaryOperator<double[]>> reference() {
        return Optional.ofNullable(solver);
    }

    static int[] shape(List<double[]> grid) {
        return grid.stream().mapToInt(g -> g.length).toArray();
    }

    static int sampleSize(List<double[]> grid) {
        int s = 1;
        for (double[] g : grid) {
            s *= g.length;
        }
        return s;
    }

    /** The first {@code n} samples. */
    FunctionData head(int n) {
        int size = sampleSize(grid);
        if (n > size()) {
            throw new IllegalArgumentException("asked for " + n + " samples, the data hold " + size());
        }
        return new FunctionData(equation, parameters, grid, periodic, inputName, outputName,
                Arrays.copyOf(inputs, n * size), Arrays.copyOf(outputs, n * size), seed, solver);
    }
}
