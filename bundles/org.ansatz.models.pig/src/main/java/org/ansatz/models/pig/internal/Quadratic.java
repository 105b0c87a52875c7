package org.ansatz.models.pig.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.MultiIndex;

/**
 * Leibniz's rule for a quadratic form {@code q = (x - mu)^T P (x - mu) / 2} of an input jet, sorted by
 * kind of term: every stream of q is {@code 1/2 sum over ordered splits (l, r) of its multi-index} of
 * {@code xt_l^T P xt_r}, with {@code xt_0 = x - mu} and {@code xt_r = x_r} otherwise. Terms: 0 is
 * {@code xt_0^T P xt_0}; {@code r} (1..S-1) is {@code xt_0^T P x_r} (both orders of a split, P being
 * symmetric); then one per unordered pair of derivative streams. {@link #combine()} holds the
 * coefficients, {@code -1/2} times the number of splits, so that it yields {@code -q} (the exponent).
 */
final class Quadratic {

    private static final Map<DerivativePlan, Quadratic> PLANS = new WeakHashMap<>();

    private final long[] left;
    private final long[] right;
    private final double[] combine;

    private Quadratic(long[] left, long[] right, double[] combine) {
        this.left = left;
        this.right = right;
        this.combine = combine;
    }

    static synchronized Quadratic of(DerivativePlan plan) {
        return PLANS.computeIfAbsent(plan, Quadratic::terms);
    }

    /** Number of pair terms. */
    int pairs() {
        return left.length;
    }

    /** Streams of the pairs' left factors. */
    long[] left() {
        return left;
    }

    /** Streams of the pairs' right factors. */
    long[] right() {
        return right;
    }

    /** {@code [streams, 1 + (streams - 1) + pairs]}, row-major. */
    double[] combine() {
        return combine;
    }

    private static Quadratic terms(DerivativePlan plan) {
        List<MultiIndex> streams = plan.streams();
        int s = streams.size();
        Map<Long, Integer> pairIndex = new LinkedHashMap<>();
        List<Map<Integer, Integer>> counts = new ArrayList<>();
        for (MultiIndex mi : streams) {
            int[] axes = mi.axes();
            Map<Integer, Integer> c = new LinkedHashMap<>();
            for (int mask = 0; mask < (1 << axes.length); mask++) {
                int l = plan.indexOf(MultiIndex.of(select(axes, mask)));
                int r = plan.indexOf(MultiIndex.of(select(axes, ~mask & ((1 << axes.length) - 1))));
                int term;
                if (l == 0 && r == 0) {
                    term = 0;
                } else if (l == 0 || r == 0) {
                    term = Math.max(l, r);
                } else {
                    long key = ((long) Math.min(l, r) << 32) | Math.max(l, r);
                    term = s + pairIndex.computeIfAbsent(key, k -> pairIndex.size());
                }
                c.merge(term, 1, Integer::sum);
            }
            counts.add(c);
        }
        int t = s + pairIndex.size();
        double[] combine = new double[s * t];
        for (int i = 0; i < s; i++) {
            for (Map.Entry<Integer, Integer> e : counts.get(i).entrySet()) {
                combine[i * t + e.getKey()] = -0.5 * e.getValue();
            }
        }
        long[] left = new long[pairIndex.size()];
        long[] right = new long[pairIndex.size()];
        int p = 0;
        for (long key : pairIndex.keySet()) {
            left[p] = key >>> 32;
            right[p] = key & 0xffffffffL;
            p++;
        }
        return new Quadratic(left, right, combine);
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
}
