package org.ansatz.datasets.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.ansatz.api.data.DatasetSchema;
import org.ansatz.datasets.FunctionDataset;

/** A function dataset held in memory; batches are float64 tensors {@code [batch, ...grid shape]}. */
final class ArrayDataset implements FunctionDataset {

    private final FunctionData data;

    ArrayDataset(FunctionData data) {
        this.data = data;
    }

    FunctionData data() {
        return data;
    }

    @Override
    public DatasetSchema schema() {
        long[] shape = java.util.Arrays.stream(data.shape()).asLongStream().toArray();
        Map<String, long[]> fields = new LinkedHashMap<>();
        fields.put(data.inputName(), shape);
        fields.put(data.outputName(), shape.clone());
        return new DatasetSchema(fields);
    }

    @Override
    public long size() {
        return data.size();
    }

    @Override
    public Map<String, NDArray> batch(NDManager manager, long[] indices) {
        int size = FunctionData.sampleSize(data.grid());
        long[] dims = new long[data.grid().size() + 1];
        dims[0] = indices.length;
        for (int i = 0; i < data.grid().size(); i++) {
            dims[i + 1] = data.grid().get(i).length;
        }
        Map<String, NDArray> out = new LinkedHashMap<>();
        out.put(data.inputName(), manager.create(gather(data.inputs(), indices, size), new Shape(dims)));
        out.put(data.outputName(), manager.create(gather(data.outputs(), indices, size), new Shape(dims)));
        return out;
    }

    private double[] gather(double[] values, long[] indices, int size) {
        double[] out = new double[indices.length * size];
        for (int b = 0; b < indices.length; b++) {
            long i = indices[b];
            if (i < 0 || i >= size()) {
                throw new IllegalArgumentException("sample index " + i + " out of range [0, " + size() + ")");
            }
            System.arraycopy(values, (int) i * size, out, b * size, size);
        }
        return out;
    }

    @Override
    public String equation() {
        return data.equation();
    }

    @Override
    public Map<String, Double> parameters() {
        return data.parameters();
    }

    @Override
    public String inputField() {
        return data.inputName();
    }

    @Override
    public String outputField() {
        return data.outputName();
    }

    @Override
    public List<double[]> grid() {
        return data.grid().stream().map(double[]::clone).toList();
    }

    @Override
    public boolean periodic() {
        return data.periodic();
    }

    @Override
    public double[] sample(String field, int index) {
        double[] values;
        if (field.equals(data.inputName())) {
            values = data.inputs();
        } else if (field.equals(data.outputName())) {
            values = data.outputs();
        } else {
            throw new IllegalArgumentException("unknown field '" + field + "'; the dataset has '" + data.inputName()
                    + "' and '" + data.outputName() + "'");
        }
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("sample index " + index + " out of range [0, " + size() + ")");
        }
        int size = FunctionData.sampleSize(data.grid());
        return java.util.Arrays.copyOfRange(values, index * size, (index + 1) * size);
    }

    @Override
    public Optional<UnaryOperator<double[]>> solver() {
        return data.reference();
    }
}
