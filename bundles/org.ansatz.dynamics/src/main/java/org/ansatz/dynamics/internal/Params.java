package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/** Trainable leaves seen as one flat vector, the form the kernel's optimizers update. */
final class Params {

    private final List<NDArray> leaves;
    private final int size;

    Params(NDList leaves) {
        this.leaves = new ArrayList<>(leaves);
        int n = 0;
        for (NDArray a : leaves) {
            if (!a.hasGradient()) {
                throw new IllegalArgumentException("parameter of shape " + a.getShape() + " does not require gradients");
            }
            n += (int) a.size();
        }
        this.size = n;
    }

    int size() {
        return size;
    }

    List<NDArray> leaves() {
        return leaves;
    }

    double[] get() {
        double[] out = new double[size];
        int o = 0;
        for (NDArray a : leaves) {
            double[] v = Tensors.toDoubles(a);
            System.arraycopy(v, 0, out, o, v.length);
            o += v.length;
        }
        return out;
    }

    /** Indexed assignment: {@code NDArray.set(Buffer)} goes through a deprecated libtorch path. */
    void set(double[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException("shape mismatch: " + values.length + " parameters, expected " + size);
        }
        int o = 0;
        for (NDArray a : leaves) {
            int n = (int) a.size();
            double[] part = new double[n];
            System.arraycopy(values, o, part, 0, n);
            try (NDManager m = a.getManager().newSubManager()) {
                a.set(new NDIndex(":"), m.create(part, a.getShape()).toType(a.getDataType(), false));
            }
            o += n;
        }
    }

    double[] gradient() {
        double[] out = new double[size];
        int o = 0;
        for (NDArray a : leaves) {
            try (NDArray g = a.getGradient()) {
                double[] v = Tensors.toDoubles(g);
                System.arraycopy(v, 0, out, o, v.length);
                o += v.length;
            }
        }
        return out;
    }

    void zeroGradients() {
        for (NDArray a : leaves) {
            JniUtils.zeroGrad((PtNDArray) a);
        }
    }

    /** Moves the leaves into {@code scope} until it closes, so views and temporaries made from them are freed with it. */
    void attachTo(NDManager scope) {
        for (NDArray a : leaves) {
            a.tempAttach(scope);
        }
    }
}
