package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * All trainable parameters of a model in one flat tensor, each weight a named view into it: the
 * optimizer then updates everything with a handful of tensor operations per step, and checkpoints
 * are one array. Built in two phases: {@link #add} declares shapes and initial values (from a seeded
 * {@link Random}, so a seed means the same network on every machine), {@link #build} creates the
 * tensor.
 */
final class FlatParameters implements AutoCloseable {

    /** A named slice of the flat buffer. */
    record Slot(String name, int offset, long[] shape) {
        int size() {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return (int) n;
        }
    }

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final List<double[]> initial = new ArrayList<>();
    private int size;
    private NDArray flat;

    /** Declares a parameter with explicit initial values (C order). */
    Slot add(String name, double[] values, long... shape) {
        if (flat != null) {
            throw new IllegalStateException("parameters already built");
        }
        Slot s = new Slot(name, size, shape);
        if (s.size() != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for shape " + Arrays.toString(shape));
        }
        slots.put(name, s);
        initial.add(values);
        size += values.length;
        return s;
    }

    /** A weight uniform in {@code [-bound, bound]}. */
    Slot uniform(String name, Random random, double bound, long... shape) {
        double[] v = new double[Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
        for (int i = 0; i < v.length; i++) {
            v[i] = (2 * random.nextDouble() - 1) * bound;
        }
        return add(name, v, shape);
    }

    /** A weight uniform in {@code [0, scale)}, as FNO initialises its spectral weights. */
    Slot positive(String name, Random random, double scale, long... shape) {
        double[] v = new double[Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() * scale;
        }
        return add(name, v, shape);
    }

    void build(NDManager manager, DataType type) {
        double[] all = new double[size];
        int at = 0;
        for (double[] v : initial) {
            System.arraycopy(v, 0, all, at, v.length);
            at += v.length;
        }
        initial.clear();
        NDArray f = manager.create(all);
        if (type != DataType.FLOAT64) {
            NDArray c = f.toType(type, false);
            f.close();
            f = c;
        }
        f.setRequiresGradient(true);
        flat = f;
    }

    NDArray flat() {
        return flat;
    }

    int size() {
        return size;
    }

    Slot slot(String name) {
        Slot s = slots.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return s;
    }

    /**
     * A view of one parameter, attached to {@code scope} (the forward pass's manager): made in the
     * buffer's own manager, every step's views and their autograd nodes would live as long as the model.
     */
    NDArray view(String name, NDManager scope) {
        Slot s = slot(name);
        NDArray slice = flat.get(s.offset() + ":" + (s.offset() + s.size()));
        slice.attach(scope);
        return slice.reshape(new Shape(s.shape()));
    }

    /** The values in float64, for checkpoints. */
    double[] values() {
        return doubles(flat);
    }

    /** The values of any array as doubles, without leaving a converted copy in its manager. */
    static double[] doubles(NDArray a) {
        NDArray d = a.toType(DataType.FLOAT64, false);
        try {
            return d.toDoubleArray();
        } finally {
            if (d != a) {
                d.close();
            }
        }
    }

    /** Overwrites every value, e.g. from a checkpoint. */
    void set(double[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException("shape mismatch: " + values.length + " parameter values for a model with "
                    + size);
        }
        NDManager m = flat.getManager();
        try (NDManager tmp = m.newSubManager()) {
            NDArray v = tmp.create(values).toType(flat.getDataType(), false);
            flat.set(v.toByteBuffer());
        }
    }

    @Override
    public void close() {
        if (flat != null) {
            flat.close();
        }
    }
}
