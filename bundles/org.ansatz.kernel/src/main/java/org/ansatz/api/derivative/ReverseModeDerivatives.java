package org.ansatz.api.derivative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.UnaryOperator;


/**
 * The second derivative engine: nested reverse mode through PyTorch's create-graph backward, one
 * backward pass per derivative order and output column. Slower than Taylor mode (its cost grows with
 * the order), but it needs nothing from the model, so it serves models without jet rules and checks
 * the Taylor-mode engine.
 */
public final class ReverseModeDerivatives {

    private ReverseModeDerivatives() {
    }

    /**
     * Every stream of {@code plan} for {@code f} at {@code x}.
     *
     * <p>Must run where gradients are recorded (inside a {@code GradientCollector}); the result stays
     * differentiable, so it can also be trained through. Its backward passes also add to the gradients
     * of every parameter {@code f} uses: zero them before the training backward pass.
     *
     * @param f maps points {@code [n, inputs]} to outputs {@code [n, width]}, row by row
     * @param x points {@code [n, inputs]}
     * @return streams {@code [plan.size(), n, width]}, as {@link Jet#data()}
     */
    public static NDArray compute(UnaryOperator<NDArray> f, NDArray x, DerivativePlan plan) {
        if (plan.size() == 1) {
            return f.apply(x).expandDims(0);
        }
        if (!JniUtils.isGradMode()) {
            throw new IllegalStateException("nested reverse mode needs gradient recording: call it inside a "
                    + "GradientCollector");
        }
        if (!(x instanceof PtNDArray)) {
            throw new IllegalStateException("nested reverse mode needs the PyTorch engine, got " + x.getClass());
        }
        NDList streams = new NDList(plan.size());
        NDArray value = f.apply(x);
        long width = value.getShape().get(1);
        for (MultiIndex m : plan.streams()) {
            if (m.order() == 0) {
                streams.add(value);
                continue;
            }
            NDList columns = new NDList((int) width);
            for (int j = 0; j < width; j++) {
                columns.add(derivative(f, x, j, m));
            }
            streams.add(NDArrays.stack(columns, 1));
        }
        return NDArrays.stack(streams);
    }

    /**
     * One column of one derivative, on a fresh leaf so that no other stream's graph is involved.
     * PyTorch accumulates every pass into the leaf's grad (out of place under create_graph); the pass's
     * own contribution is the difference to the total before it. Zeroing the grad in place between
     * passes instead gave wrong second derivatives (twice the true value).
     */
    private static NDArray derivative(UnaryOperator<NDArray> f, NDArray x, int column, MultiIndex m) {
        NDArray leaf = x.duplicate();
        leaf.setRequiresGradient(true);
        NDArray g = f.apply(leaf).get(":, " + column);
        NDArray total = null;
        for (int axis : m.axes()) {
            NDArray s = g.sum();
            JniUtils.backward((PtNDArray) s, (PtNDArray) s.onesLike(), true, true);
            NDArray now = leaf.getGradient();
            NDArray d = total == null ? now : now.sub(total);
            total = now;
            g = d.get(":, " + axis);
        }
        return g;
    }
}
