package org.ansatz.datasets;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.ansatz.api.data.Dataset;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Pairs of functions on a shared grid: an input function (a coefficient, an initial condition) and
 * the output function the equation maps it to. The two fields have the same per-sample shape, the
 * grid's ({@code [nx]} or {@code [nx, ny]}), so that grid-based operators (FNO) can map one onto the
 * other point by point.
 */
@ProviderType
public interface FunctionDataset extends Dataset {

    /**
     * The equation that relates input and output, e.g. {@code burgers}, {@code darcy},
     * {@code advection}, {@code diffusion-reaction}; empty for data of unknown origin.
     */
    String equation();

    /** Equation parameters by name, e.g. {@code nu -> 0.1}, {@code t -> 1.0}. */
    Map<String, Double> parameters();

    /** Name of the input field, e.g. {@code a}. */
    String inputField();

    /** Name of the output field, e.g. {@code u}. */
    String outputField();

    /** Grid coordinates, one array per axis ({@code [x]} or {@code [x, y]}). */
    List<double[]> grid();

    /**
     * Whether the grid is periodic: then it holds {@code n} points of {@code [0, L)}; otherwise it
     * includes both ends of the interval.
     */
    boolean periodic();

    /**
     * One sample of a field as doubles in C order.
     *
     * @throws IllegalArgumentException for an unknown field or an index out of range
     */
    double[] sample(String field, int index);

    /**
     * The dataset's own reference solver at the dataset's resolution: input function (C order) to
     * output function, as the generator computed it. Empty for loaded data of unknown origin.
     */
    default Optional<UnaryOperator<double[]>> solver() {
        return Optional.empty();
    }

    /** Shape of one sample of either field, e.g. {@code [1024]} or {@code [85, 85]}. */
    default int[] sampleShape() {
        List<double[]> g = grid();
        int[] s = new int[g.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = g.get(i).length;
        }
        return s;
    }
}
