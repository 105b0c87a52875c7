package org.ansatz.models.transformer.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BinaryOperator;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.MultiIndex;

/**
 * Leibniz's rule for any bilinear operation of two jets' streams, e.g. the batched matrix products of
 * attention: {@code d^m (A o B) = sum over splits of m of C * (d^l A) o (d^r B)}. The kernel's
 * {@link org.ansatz.api.derivative.Jet#mul} does this for elementwise products only; attention needs
 * it for {@code Q K^T} and {@code P V}.
 *
 * <p>All terms of all streams go through the operation in one call (the left and right streams
 * gathered along a batch axis), and one matmul with the coefficient matrix sums them per stream: six
 * tensor operations whatever the plan, where a loop over terms would issue dozens.
 */
final class Leibniz {

    /** Terms per plan: pure Java, so cached by plan identity. */
    private static final Map<DerivativePlan, Leibniz> PLANS = new WeakHashMap<>();

    private final int streams;
    private final long[] left;
    private final long[] right;
    /** {@code [streams, terms]}: the coefficient of term t in stream s. */
    private final double[] combine;

    private Leibniz(int streams, long[] left, long[] right, double[] combine) {
        this.streams = streams;
        this.left = left;
        this.right = right;
        this.combine = combine;
    }

    static synchronized Leibniz of(DerivativePlan plan) {
        return PLANS.computeIfAbsent(plan, Leibniz::terms);
    }

    private static Leibniz terms(DerivativePlan plan) {
        List<MultiIndex> all = plan.streams();
        List<long[]> terms = new ArrayList<>();
        for (int s = 0; s < all.size(); s++) {
            int[] axes = all.get(s).axes();
            Map<Long, Integer> counts = new LinkedHashMap<>();
            for (int mask = 0; mask < (1 << axes.length); mask++) {
                int l = plan.indexOf(MultiIndex.of(select(axes, mask)));
                int r = plan.indexOf(MultiIndex.of(select(axes, ~mask & ((1 << axes.length) - 1))));
                counts.merge(((long) l << 32) | r, 1, Integer::sum);
            }
            for (Map.Entry<Long, Integer> e : counts.entrySet()) {
                terms.add(new long[] {s, e.getKey() >>> 32, e.getKey() & 0xffffffffL, e.getValue()});
            }
        }
        int t = terms.size();
        long[] left = new long[t];
        long[] right = new long[t];
        double[] combine = new double[all.size() * t];
        for (int i = 0; i < t; i++) {
            long[] term = terms.get(i);
            left[i] = term[1];
            right[i] = term[2];
            combine[(int) term[0] * t + i] = term[3];
        }
        return new Leibniz(all.size(), left, right, combine);
    }

    private static int[] select(int[] axes, int mask) {
        int[] out = new int[Integer.bitCount(mask)];
        int k = 0;
        for (int i = 0; i < axes.length; i++) {
            if ((mask & (1 << i)) != 0) {
                out[k++] = axes[i];
            }
        }
        return out;
    }

    /**
     * @param a  streams {@code [S, ...]}
     * @param b  streams {@code [S, ...]}
     * @param op a bilinear map, batched over the leading axis (e.g. {@code matMul})
     * @return streams of {@code op(a, b)}, {@code [S, ...]}
     */
    NDArray apply(NDArray a, NDArray b, BinaryOperator<NDArray> op) {
        if (streams == 1) {
            return op.apply(a, b);
        }
        NDManager m = a.getManager();
        int t = left.length;
        NDArray products = op.apply(a.get(m.create(left)), b.get(m.create(right)));
        Shape shape = products.getShape();
        NDArray c = m.create(combine, new Shape(streams, t));
        if (a.getDataType() != DataType.FLOAT64) {
            c = c.toType(a.getDataType(), false);
        }
        return c.matMul(products.reshape(t, -1)).reshape(new Shape(streams).addAll(shape.slice(1)));
    }
}
