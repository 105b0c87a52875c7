package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.ansatz.api.model.Model;

/**
 * A trained or training operator as the trainer sees it: input functions {@code [B, grid...]} to
 * output functions on a requested grid. FNO maps grid to the same grid; DeepONet reads its sensors
 * from the input (subsampled when the input is finer) and evaluates its trunk on the requested grid.
 */
interface Net extends AutoCloseable {

    NDArray predict(NDArray a, int[] outShape);

    Model model();

    FlatParameters flat();

    @Override
    default void close() {
        model().close();
    }

    static Net of(Fno fno) {
        return new Net() {
            @Override
            public NDArray predict(NDArray a, int[] outShape) {
                if (!Arrays.equals(Arrays.stream(a.getShape().getShape()).skip(1).mapToInt(l -> (int) l).toArray(),
                        outShape)) {
                    throw new IllegalArgumentException("fno predicts on its input's grid " + a.getShape()
                            + ", asked for " + Arrays.toString(outShape));
                }
                return fno.forward(a.expandDims(-1)).squeeze(-1);
            }

            @Override
            public Model model() {
                return fno;
            }

            @Override
            public FlatParameters flat() {
                return fno.flat();
            }
        };
    }

    /**
     * @param sensorShape the training grid the branch was built on
     * @param periodic    grid convention for the trunk's points
     */
    static Net of(DeepONet d, int[] sensorShape, boolean periodic) {
        return new Net() {
            @Override
            public NDArray predict(NDArray a, int[] outShape) {
                NDArray sensors = Grids.resample(a, sensorShape, periodic);
                long b = a.getShape().get(0);
                NDArray flatA = sensors.reshape(b, -1);
                NDManager m = a.getManager();
                NDArray y = Grids.points(m, outShape, periodic, a.getDataType());
                long[] out = new long[outShape.length + 1];
                out[0] = b;
                for (int i = 0; i < outShape.length; i++) {
                    out[i + 1] = outShape[i];
                }
                return d.apply(flatA, y).reshape(new Shape(out));
            }

            @Override
            public Model model() {
                return d;
            }

            @Override
            public FlatParameters flat() {
                return d.flat();
            }
        };
    }
}
