package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ansatz.api.model.ModelSpec;

/**
 * Builds the trainer's networks from what a run directory records, so that training and reopening
 * a run construct the same architecture: the kind, the effective model options, the grid and the seed.
 */
final class Nets {

    private Nets() {
    }

    /** What determines a network besides its weights. */
    record Blueprint(String kind, Map<String, Object> options, int[] trainShape, boolean periodic, double time,
            long seed, boolean float64) {

        Blueprint {
            options = new LinkedHashMap<>(options);
            trainShape = trainShape.clone();
        }

        int dims() {
            return trainShape.length;
        }

        /** The model options with the grid-derived ones filled in. */
        Map<String, Object> effectiveOptions() {
            Map<String, Object> o = new LinkedHashMap<>(options);
            if (kind.equals("fno")) {
                Object dims = o.putIfAbsent("dims", Integer.toString(dims()));
                if (dims != null && Integer.parseInt(dims.toString().trim()) != dims()) {
                    throw new IllegalArgumentException("shape mismatch: model.dims=" + dims + " for a dataset on a "
                            + dims() + "D grid");
                }
                o.putIfAbsent("grid", periodic ? "periodic" : "closed");
            } else {
                int sensors = Arrays.stream(trainShape).reduce(1, (a, b) -> a * b);
                Object given = o.putIfAbsent("sensors", Integer.toString(sensors));
                if (given != null && Integer.parseInt(given.toString().trim()) != sensors) {
                    throw new IllegalArgumentException("shape mismatch: model.sensors=" + given + " but the training grid "
                            + Arrays.toString(trainShape) + " has " + sensors + " points");
                }
                o.putIfAbsent("coordinates", Integer.toString(dims() + (Double.isNaN(time) ? 0 : 1)));
                o.putIfAbsent("periodic", Boolean.toString(periodic && dims() == 1));
            }
            return o;
        }
    }

    static Net build(Blueprint b, NDManager manager) {
        DataType type = b.float64() ? DataType.FLOAT64 : DataType.FLOAT32;
        Map<String, Object> o = b.effectiveOptions();
        if (b.kind().equals("fno")) {
            return Net.of(new Fno(new ModelSpec(1, 1, type, b.seed(), o), manager));
        }
        if (!b.kind().equals("deeponet")) {
            throw new IllegalArgumentException("unknown operator model '" + b.kind() + "'; known: fno, deeponet");
        }
        int sensors = Integer.parseInt(o.get("sensors").toString().trim());
        int coordinates = Integer.parseInt(o.get("coordinates").toString().trim());
        DeepONet d = new DeepONet(new ModelSpec(sensors + coordinates, 1, type, b.seed(), o), manager);
        return timed(Net.of(d, b.trainShape(), b.periodic()), d, b);
    }

    /** A DeepONet over (x, t) predicts at the final time when asked for functions of x. */
    private static Net timed(Net plain, DeepONet d, Blueprint b) {
        if (Double.isNaN(b.time())) {
            return plain;
        }
        return new Net() {
            @Override
            public NDArray predict(NDArray a, int[] outShape) {
                NDArray sensors = Grids.resample(a, b.trainShape(), b.periodic());
                long batch = a.getShape().get(0);
                NDManager m = a.getManager();
                NDArray x = Grids.points(m, outShape, b.periodic(), a.getDataType());
                NDArray t = m.full(new Shape(x.getShape().get(0), 1), (float) b.time()).toType(a.getDataType(), false);
                long[] out = new long[outShape.length + 1];
                out[0] = batch;
                for (int i = 0; i < outShape.length; i++) {
                    out[i + 1] = outShape[i];
                }
                return d.apply(sensors.reshape(batch, -1), x.concat(t, 1)).reshape(new Shape(out));
            }

            @Override
            public org.ansatz.api.model.Model model() {
                return d;
            }

            @Override
            public FlatParameters flat() {
                return d.flat();
            }
        };
    }
}
