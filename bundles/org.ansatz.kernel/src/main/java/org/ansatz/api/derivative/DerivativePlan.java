package org.ansatz.api.derivative;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which derivative streams a computation propagates, planned from what a residual asks for: the
 * requested multi-indices closed under taking sub-multisets (the chain and product rules need them),
 * the value first, then by order. It precomputes the combinatorics once: for every stream, the terms
 * of Faà di Bruno's formula over set partitions and of Leibniz's rule over subsets.
 */
public final class DerivativePlan {

    /** One term of Faà di Bruno: {@code coefficient * f^(blocks.length)(z) * prod z_blocks[i]}. */
    record ChainTerm(int coefficient, int[] blocks) {
    }

    /** One term of Leibniz: {@code coefficient * f_left * g_right}. */
    record ProductTerm(int coefficient, int left, int right) {
    }

    private final int inputs;
    private final List<MultiIndex> streams;
    private final Map<MultiIndex, Integer> index = new HashMap<>();
    private final List<List<ChainTerm>> chain = new ArrayList<>();
    private final List<List<ProductTerm>> product = new ArrayList<>();
    private final int maxOrder;

    private DerivativePlan(int inputs, List<MultiIndex> streams) {
        this.inputs = inputs;
        this.streams = Collections.unmodifiableList(streams);
        for (int i = 0; i < streams.size(); i++) {
            index.put(streams.get(i), i);
        }
        int max = 0;
        for (MultiIndex a : streams) {
            max = Math.max(max, a.order());
            chain.add(chainTerms(a));
            product.add(productTerms(a));
        }
        this.maxOrder = max;
    }

    /**
     * @param inputs    number of input coordinates
     * @param requested derivatives needed (the value is always included)
     * @throws IllegalArgumentException when an index differentiates along an axis that is not an input
     */
    public static DerivativePlan of(int inputs, Collection<MultiIndex> requested) {
        TreeSet<MultiIndex> closed = new TreeSet<>();
        closed.add(MultiIndex.VALUE);
        for (MultiIndex m : requested) {
            if (m.maxAxis() >= inputs) {
                throw new IllegalArgumentException("derivative " + m + " along axis " + m.maxAxis()
                        + ", but there are only " + inputs + " inputs");
            }
            if (m.order() > 16) {
                throw new IllegalArgumentException("derivatives above order 16 are not supported: " + m);
            }
            for (int mask = 0; mask < (1 << m.order()); mask++) {
                closed.add(m.select(mask));
            }
        }
        return new DerivativePlan(inputs, new ArrayList<>(closed));
    }

    /** Convenience: {@code of(inputs, List.of(requested))}. */
    public static DerivativePlan of(int inputs, MultiIndex... requested) {
        return of(inputs, List.of(requested));
    }

    public int inputs() {
        return inputs;
    }

    /** The propagated streams; position 0 is the value. */
    public List<MultiIndex> streams() {
        return streams;
    }

    public int size() {
        return streams.size();
    }

    public int maxOrder() {
        return maxOrder;
    }

    /** Position of a stream. @throws IllegalArgumentException when it was not planned */
    public int indexOf(MultiIndex m) {
        Integer i = index.get(m);
        if (i == null) {
            throw new IllegalArgumentException("derivative " + m + " was not planned; planned: " + streams);
        }
        return i;
    }

    public boolean contains(MultiIndex m) {
        return index.containsKey(m);
    }

    List<ChainTerm> chainTerms(int stream) {
        return chain.get(stream);
    }

    List<ProductTerm> productTerms(int stream) {
        return product.get(stream);
    }

    private List<ChainTerm> chainTerms(MultiIndex a) {
        List<ChainTerm> out = new ArrayList<>();
        int k = a.order();
        if (k == 0) {
            return out;
        }
        // Set partitions of the positions 0..k-1 as restricted growth strings; equal terms merged.
        Map<String, int[]> merged = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        int[] rgs = new int[k];
        partitions(rgs, 1, 0, k, a, merged, counts);
        merged.forEach((key, blocks) -> out.add(new ChainTerm(counts.get(key), blocks)));
        return out;
    }

    private void partitions(int[] rgs, int pos, int maxBlock, int k, MultiIndex a, Map<String, int[]> merged,
            Map<String, Integer> counts) {
        if (pos == k || k == 1) {
            int blocks = maxBlock + 1;
            int[] masks = new int[blocks];
            for (int i = 0; i < k; i++) {
                masks[rgs[i]] |= 1 << i;
            }
            int[] ids = new int[blocks];
            for (int b = 0; b < blocks; b++) {
                ids[b] = streamsIndexOf(a.select(masks[b]));
            }
            java.util.Arrays.sort(ids);
            String key = java.util.Arrays.toString(ids);
            merged.putIfAbsent(key, ids);
            counts.merge(key, 1, Integer::sum);
            return;
        }
        for (int b = 0; b <= maxBlock + 1; b++) {
            rgs[pos] = b;
            partitions(rgs, pos + 1, Math.max(maxBlock, b), k, a, merged, counts);
        }
    }

    private List<ProductTerm> productTerms(MultiIndex a) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        int k = a.order();
        for (int mask = 0; mask < (1 << k); mask++) {
            int left = streamsIndexOf(a.select(mask));
            int right = streamsIndexOf(a.select(~mask & ((1 << k) - 1)));
            counts.merge(((long) left << 32) | right, 1, Integer::sum);
        }
        List<ProductTerm> out = new ArrayList<>();
        counts.forEach((key, c) -> out.add(new ProductTerm(c, (int) (key >>> 32), (int) (long) key)));
        return out;
    }

    private int streamsIndexOf(MultiIndex m) {
        // Called while the constructor fills the terms; the index map is complete by then.
        return index.get(m);
    }

    @Override
    public String toString() {
        return "DerivativePlan" + streams;
    }
}
