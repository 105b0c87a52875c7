package org.ansatz.api.model;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * The box a model's inputs range over, for models that normalise or place features by it (KAN grids,
 * Gaussian centres). A PDE solver passes its domain; {@code model.bounds=lo:hi,...} overrides it.
 *
 * @param lower lower bound per input
 * @param upper upper bound per input, each above its lower bound
 */
public record InputBounds(double[] lower, double[] upper) {

    public InputBounds {
        if (lower.length != upper.length || lower.length == 0) {
            throw new IllegalArgumentException("input bounds need one lo:hi pair per input, got " + lower.length
                    + " lower and " + upper.length + " upper bounds");
        }
        for (int i = 0; i < lower.length; i++) {
            if (!(upper[i] > lower[i]) || !Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                throw new IllegalArgumentException("input " + i + " has bounds " + lower[i] + ":" + upper[i]
                        + "; they must be finite with lo < hi");
            }
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** [-1, 1] for every input: the range a model assumes when nobody tells it better. */
    public static InputBounds symmetric(int inputs) {
        double[] lo = new double[inputs];
        double[] hi = new double[inputs];
        Arrays.fill(lo, -1);
        Arrays.fill(hi, 1);
        return new InputBounds(lo, hi);
    }

    /**
     * Parses {@code lo:hi} once (for every input) or once per input, comma separated, e.g. {@code 0:1,-1:1}.
     *
     * @param key the setting's name, for the message
     * @throws IllegalArgumentException naming {@code key} when the text is malformed
     */
    public static InputBounds parse(String key, String text, int inputs) {
        String[] parts = text.split(",");
        if (parts.length != 1 && parts.length != inputs) {
            throw new IllegalArgumentException(key + " must give lo:hi once or for each of the " + inputs
                    + " inputs, e.g. 0:1,-1:1; got '" + text + "'");
        }
        double[] lo = new double[inputs];
        double[] hi = new double[inputs];
        for (int i = 0; i < inputs; i++) {
            String[] lh = parts[parts.length == 1 ? 0 : i].trim().split(":");
            try {
                if (lh.length != 2) {
                    throw new NumberFormatException();
                }
                lo[i] = Double.parseDouble(lh[0].trim());
                hi[i] = Double.parseDouble(lh[1].trim());
                if (!(hi[i] > lo[i]) || Double.isInfinite(lo[i]) || Double.isInfinite(hi[i])) {
                    throw new NumberFormatException();
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(key + " must be lo:hi pairs with lo < hi, e.g. 0:1,-1:1; got '"
                        + text + "'");
            }
        }
        return new InputBounds(lo, hi);
    }

    /** Number of inputs. */
    public int inputs() {
        return lower.length;
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** The text {@link #parse} reads back. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < lower.length; i++) {
            j.add(lower[i] + ":" + upper[i]);
        }
        return j.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputBounds b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
    }
}
