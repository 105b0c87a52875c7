package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.ansatz.api.run.NumpyFiles;

/** A finished (or checkpointed) operator run reopened for prediction. */
final class TrainedOperator implements AutoCloseable {

    private final NDManager manager;
    private final Net net;
    private final OperatorTrainer.Scaling scaling;
    private final Properties spec;
    private final DataType type;
    private final int[] trainShape;
    private final boolean periodic;

    private TrainedOperator(NDManager manager, Net net, OperatorTrainer.Scaling scaling, Properties spec,
            DataType type, int[] trainShape, boolean periodic) {
        this.manager = manager;
        this.net = net;
        this.scaling = scaling;
        this.spec = spec;
        this.type = type;
        this.trainShape = trainShape;
        this.periodic = periodic;
    }

    /**
     * Rebuilds the network the run describes and loads its final weights ({@code model.npz}), or the
     * last checkpoint's when the run did not finish.
     */
    static TrainedOperator open(Path dir, NDManager manager) {
        Properties p = RunFiles.readSpec(dir);
        Map<String, Object> options = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("model."))
                .forEach(k -> options.put(k.substring(6), p.getProperty(k)));
        int[] shape = RunFiles.ints(p.getProperty("train.shape"));
        boolean periodic = Boolean.parseBoolean(p.getProperty("periodic"));
        boolean f64 = "float64".equals(p.getProperty("dtype"));
        Nets.Blueprint b = new Nets.Blueprint(p.getProperty("model"), options, shape, periodic,
                Double.parseDouble(p.getProperty("time", "NaN")), Long.parseLong(p.getProperty("seed")), f64);
        Path model = dir.resolve("model.npz");
        Path weights = Files.isRegularFile(model) ? model : dir.resolve("checkpoint.npz");
        if (!Files.isRegularFile(weights)) {
            throw new IllegalArgumentException(dir + " has neither model.npz nor checkpoint.npz: no trained weights");
        }
        Map<String, NumpyFiles.Array> w = NumpyFiles.readNpz(weights);
        double[] s = Arrays.stream(p.getProperty("scaling").split(",")).mapToDouble(Double::parseDouble).toArray();
        NDManager m = manager.newSubManager();
        Net net = Nets.build(b, m);
        net.flat().set(w.get("params").doubles());
        DataType type = f64 ? DataType.FLOAT64 : DataType.FLOAT32;
        boolean mask = Boolean.parseBoolean(p.getProperty("mask", "false"));
        OperatorTrainer.Scaling scaling = new OperatorTrainer.Scaling(m, new double[] {s[0], s[1]},
                new double[] {s[2], s[3]}, type, mask ? shape : null);
        return new TrainedOperator(m, net, scaling, p, type, shape, periodic);
    }

    Properties spec() {
        return spec;
    }

    int[] trainShape() {
        return trainShape.clone();
    }

    boolean periodic() {
        return periodic;
    }

    String kind() {
        return spec.getProperty("model");
    }

    /**
     * Output functions for input functions on {@code shape} (the training grid, or for super-resolution a
     * finer one).
     *
     * @param inputs {@code count * prod(shape)} values, C order
     */
    double[] predict(double[] inputs, int count, int[] shape, int batch) {
        int size = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        if (inputs.length != count * size) {
            throw new IllegalArgumentException("shape mismatch: " + inputs.length + " values for " + count
                    + " functions on " + Arrays.toString(shape));
        }
        if (shape.length != trainShape.length) {
            throw new IllegalArgumentException("shape mismatch: the operator was trained on a " + trainShape.length
                    + "D grid " + Arrays.toString(trainShape) + ", the inputs are on " + Arrays.toString(shape));
        }
        double[] out = new double[inputs.length];
        for (int from = 0; from < count; from += batch) {
            int k = Math.min(batch, count - from);
            try (NDManager m = manager.newSubManager()) {
                NDArray a = OperatorTrainer.tensor(m, Arrays.copyOfRange(inputs, from * size, (from + k) * size), k,
                        shape, type);
                double[] y = scaling.decode(net.predict(scaling.encode(a), shape)).toType(DataType.FLOAT64, false)
                        .toDoubleArray();
                System.arraycopy(y, 0, out, from * size, y.length);
            }
        }
        return out;
    }

    @Override
    public void close() {
        net.close();
        manager.close();
    }
}
