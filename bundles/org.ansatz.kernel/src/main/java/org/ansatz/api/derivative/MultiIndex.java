package org.ansatz.api.derivative;

import java.util.Arrays;
import java.util.List;

/**
 * A partial derivative as the multiset of input axes it differentiates along, e.g. {@code u_xx} on
 * inputs {@code (t, x)} is {@code [1, 1]} and {@code u_tx} is {@code [0, 1]}. The empty index is the
 * value itself. Axes are kept sorted, so equal derivatives have equal indices.
 */
public final class MultiIndex implements Comparable<MultiIndex> {

    /** The value itself. */
    public static final MultiIndex VALUE = new MultiIndex(new int[0]);

    private final int[] axes;

    private MultiIndex(int[] sortedAxes) {
        this.axes = sortedAxes;
    }

    /** The derivative along these axes, in any order; repeated axes mean higher order. */
    public static MultiIndex of(int... axes) {
        int[] a = axes.clone();
        Arrays.sort(a);
        for (int x : a) {
            if (x < 0) {
                throw new IllegalArgumentException("negative axis " + x);
            }
        }
        return new MultiIndex(a);
    }

    /**
     * Parses the letters after the underscore of names like {@code u_xx} against the input names,
     * e.g. {@code parse("tx", [t, x])}. Input names must be single letters for this form.
     *
     * @throws IllegalArgumentException naming the letter that is not an input
     */
    public static MultiIndex parse(String letters, List<String> inputs) {
        int[] a = new int[letters.length()];
        for (int i = 0; i < a.length; i++) {
            String c = String.valueOf(letters.charAt(i));
            int axis = inputs.indexOf(c);
            if (axis < 0) {
                throw new IllegalArgumentException("derivative along '" + c + "', which is not an input " + inputs);
            }
            a[i] = axis;
        }
        return of(a);
    }

    /** Total order of the derivative. */
    public int order() {
        return axes.length;
    }

    /** The axes, sorted (a copy). */
    public int[] axes() {
        return axes.clone();
    }

    /** How often {@code axis} occurs. */
    public int count(int axis) {
        int n = 0;
        for (int a : axes) {
            n += a == axis ? 1 : 0;
        }
        return n;
    }

    /** Highest axis used, or -1 for the value. */
    public int maxAxis() {
        return axes.length == 0 ? -1 : axes[axes.length - 1];
    }

    /** The sub-index made of the positions selected by {@code mask} (bit i = position i). */
    MultiIndex select(int mask) {
        int[] out = new int[Integer.bitCount(mask)];
        int k = 0;
        for (int i = 0; i < axes.length; i++) {
            if ((mask & (1 << i)) != 0) {
                out[k++] = axes[i];
            }
        }
        return new MultiIndex(out);
    }

    /** Name in the usual subscript notation, e.g. {@code u_xx}, or {@code u} for the value. */
    public String name(String output, List<String> inputs) {
        StringBuilder b = new StringBuilder(output);
        if (axes.length > 0) {
            b.append('_');
            for (int a : axes) {
                b.append(a < inputs.size() ? inputs.get(a) : "#" + a);
            }
        }
        return b.toString();
    }

    @Override
    public int compareTo(MultiIndex o) {
        if (axes.length != o.axes.length) {
            return Integer.compare(axes.length, o.axes.length);
        }
        return Arrays.compare(axes, o.axes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiIndex m && Arrays.equals(axes, m.axes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(axes);
    }

    @Override
    public String toString() {
        return Arrays.toString(axes);
    }
}
