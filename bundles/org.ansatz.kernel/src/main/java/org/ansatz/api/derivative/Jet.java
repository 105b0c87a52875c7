package org.ansatz.api.derivative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.derivative.DerivativePlan.ChainTerm;
import org.ansatz.api.derivative.DerivativePlan.ProductTerm;

/**
 * A value together with the input derivatives a plan asks for (Taylor mode), stored as one tensor
 * of shape {@code [streams, points, width]}: stream 0 is the value, the others follow
 * {@link DerivativePlan#streams()}.
 *
 * <p>Linear maps send all streams through one matmul; elementwise functions combine the streams by
 * Faà di Bruno's formula; products by Leibniz's rule. Everything is ordinary tensor arithmetic, so
 * first-order autograd gives the gradient of any residual built from the streams with respect to the
 * weights. Jets derived from one {@link #input} share its scope (plan, constants).
 */
public final class Jet {

    /** What all jets of one input batch share. */
    private static final class Scope {
        final DerivativePlan plan;
        final NDManager manager;
        final DataType type;
        final long points;
        final Map<Double, NDArray> constants = new HashMap<>();
        NDArray valueMask;

        Scope(DerivativePlan plan, NDManager manager, DataType type, long points) {
            this.plan = plan;
            this.manager = manager;
            this.type = type;
            this.points = points;
        }

        NDArray constant(double v) {
            // Attached to the manager and cached: never a temporary that autograd could outlive
            // (see org.ansatz.api.engine.Tensors).
            return constants.computeIfAbsent(v,
                    x -> type == DataType.FLOAT64 ? manager.create((double) x) : manager.create((float) (double) x));
        }

        /** 1 for the value stream, 0 for derivative streams: adds a bias to the value only. */
        NDArray valueMask() {
            if (valueMask == null) {
                double[] m = new double[plan.size()];
                m[0] = 1;
                valueMask = manager.create(m, new Shape(plan.size(), 1, 1)).toType(type, false);
            }
            return valueMask;
        }
    }

    private final Scope scope;
    private final NDArray data;

    private Jet(Scope scope, NDArray data) {
        this.scope = scope;
        this.data = data;
    }

    /**
     * The jet of the inputs themselves: the value is {@code x}, first derivatives are unit vectors,
     * higher ones zero.
     *
     * @param x points of shape {@code [n, inputs]}
     */
    public static Jet input(NDArray x, DerivativePlan plan) {
        Shape s = x.getShape();
        if (s.dimension() != 2 || s.get(1) != plan.inputs()) {
            throw new IllegalArgumentException("shape mismatch: inputs of shape " + s + " for a plan over "
                    + plan.inputs() + " inputs; expected [n, " + plan.inputs() + "]");
        }
        long n = s.get(0);
        int d = plan.inputs();
        double[] seeds = new double[plan.size() * d];
        List<MultiIndex> streams = plan.streams();
        for (int i = 0; i < streams.size(); i++) {
            if (streams.get(i).order() == 1) {
                seeds[i * d + streams.get(i).maxAxis()] = 1;
            }
        }
        NDManager m = x.getManager();
        NDArray seed = m.create(seeds, new Shape(plan.size(), 1, d)).toType(x.getDataType(), false);
        // Value stream: x; derivative streams: the constant seeds broadcast over the points.
        NDArray rest = seed.get("1:").broadcast(new Shape(plan.size() - 1, n, d));
        NDArray data = plan.size() == 1 ? x.expandDims(0) : x.expandDims(0).concat(rest, 0);
        return new Jet(new Scope(plan, m, x.getDataType(), n), data);
    }

    /** Wraps stream data computed elsewhere (e.g. by the reverse-mode engine) into this jet's scope. */
    public Jet with(NDArray streams) {
        return new Jet(scope, streams);
    }

    public DerivativePlan plan() {
        return scope.plan;
    }

    /** All streams, {@code [streams, points, width]}. */
    public NDArray data() {
        return data;
    }

    /** The value, {@code [points, width]}. */
    public NDArray value() {
        return data.get(0);
    }

    /** One derivative stream, {@code [points, width]}. */
    public NDArray stream(MultiIndex m) {
        return data.get(scope.plan.indexOf(m));
    }

    /** One column of one stream, {@code [points]}. */
    public NDArray stream(MultiIndex m, int column) {
        return data.get(scope.plan.indexOf(m)).get(":, " + column);
    }

    /** A scalar that is safe in differentiated code, cached per scope. */
    public NDArray constant(double v) {
        return scope.constant(v);
    }

    /**
     * {@code z = a W + b} on every stream; the bias only shifts the value.
     *
     * @param weight {@code [in, out]}
     * @param bias   {@code [out]}, or null
     */
    public Jet linear(NDArray weight, NDArray bias) {
        Shape s = data.getShape();
        long in = s.get(2);
        if (weight.getShape().get(0) != in) {
            throw new IllegalArgumentException("shape mismatch: jet of width " + in + " into a weight of shape "
                    + weight.getShape());
        }
        long out = weight.getShape().get(1);
        NDArray z = data.reshape(s.get(0) * s.get(1), in).matMul(weight).reshape(s.get(0), s.get(1), out);
        if (bias != null) {
            z = s.get(0) == 1 ? z.add(bias) : z.add(scope.valueMask().mul(bias));
        }
        return new Jet(scope, z);
    }

    /** {@code f(z)} with all planned derivatives, by Faà di Bruno over set partitions. */
    public Jet apply(ElementwiseFunction f) {
        DerivativePlan plan = scope.plan;
        int k = plan.maxOrder();
        NDArray[] z = split();
        NDArray[] df = f.derivatives(z[0], k, scope::constant);
        NDList out = new NDList(plan.size());
        out.add(df[0]);
        for (int i = 1; i < plan.size(); i++) {
            NDArray sum = null;
            for (ChainTerm t : plan.chainTerms(i)) {
                NDArray term = df[t.blocks().length];
                for (int b : t.blocks()) {
                    term = term.mul(z[b]);
                }
                if (t.coefficient() != 1) {
                    term = term.mul(scope.constant(t.coefficient()));
                }
                sum = sum == null ? term : sum.add(term);
            }
            out.add(sum);
        }
        return new Jet(scope, join(out));
    }

    /** The product, by Leibniz's rule over subsets. Widths must match or broadcast. */
    public Jet mul(Jet other) {
        DerivativePlan plan = scope.plan;
        NDArray[] a = split();
        NDArray[] b = other.split();
        NDList out = new NDList(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            NDArray sum = null;
            for (ProductTerm t : plan.productTerms(i)) {
                NDArray term = a[t.left()].mul(b[t.right()]);
                if (t.coefficient() != 1) {
                    term = term.mul(scope.constant(t.coefficient()));
                }
                sum = sum == null ? term : sum.add(term);
            }
            out.add(sum);
        }
        return new Jet(scope, join(out));
    }

    public Jet add(Jet other) {
        return new Jet(scope, data.add(other.data));
    }

    public Jet sub(Jet other) {
        return new Jet(scope, data.sub(other.data));
    }

    /** Multiplies every stream by a constant. */
    public Jet scale(double c) {
        return new Jet(scope, data.mul(scope.constant(c)));
    }

    /**
     * Multiplies every stream elementwise by a factor that does not depend on the inputs (e.g. a
     * trainable slope per neuron): since the factor is constant in the inputs, each derivative stream
     * is simply scaled by it, and the gradient to the factor flows through autograd.
     *
     * @param factor broadcastable against one stream, e.g. {@code [width]}, {@code [1]} or
     *               {@code [points, width]}
     * @since 1.1
     */
    public Jet scale(NDArray factor) {
        return new Jet(scope, data.mul(factor));
    }

    /** Adds a constant to the value only. */
    public Jet shift(double c) {
        return new Jet(scope, data.add(scope.valueMask().mul(scope.constant(c))));
    }

    /** Jets of the same points side by side: their columns joined, stream by stream. */
    public static Jet concat(java.util.List<Jet> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        NDList data = new NDList(parts.size());
        for (Jet j : parts) {
            if (j.scope != parts.get(0).scope) {
                throw new IllegalArgumentException("jets of different inputs cannot be concatenated");
            }
            data.add(j.data);
        }
        return new Jet(parts.get(0).scope, NDArrays.concat(data, 2));
    }

    /** Columns {@code [from, to)} of every stream. */
    public Jet columns(int from, int to) {
        return new Jet(scope, data.get(":, :, " + from + ":" + to));
    }

    /**
     * The streams as views of shape {@code [1, points, width]}. One split rather than one index per
     * stream: the backward of each index allocates a zero tensor of the whole jet, the split's backward
     * is a single concatenation.
     */
    private NDArray[] split() {
        int s = scope.plan.size();
        if (s == 1) {
            return new NDArray[] {data};
        }
        return data.split(s, 0).toArray(new NDArray[0]);
    }

    /** The inverse of {@link #split}. */
    private static NDArray join(NDList streams) {
        return streams.size() == 1 ? streams.head() : NDArrays.concat(streams, 0);
    }
}
