package org.ansatz.balance.internal;

import java.util.List;
import java.util.Map;
import org.ansatz.api.method.Options;
import org.ansatz.api.optim.Terms;

/** Checks and small numerics shared by the balancers. */
final class Balancers {

    /** Prefix of per-run options in error messages (the run settings {@code balance.*}). */
    static final String PREFIX = "balance.";

    private Balancers() {
    }

    /** Per-run options, named {@code balance.<key>} in errors. */
    static Options runOptions(Map<String, Object> options) {
        return new Options(options, PREFIX);
    }

    /** Configuration-admin defaults, named {@code <pid>.<key>} in errors. */
    static Options configOptions(String pid, Map<String, Object> values) {
        return new Options(values, pid + ".");
    }

    /**
     * Validates the factory arguments and returns a private copy of the initial weights.
     *
     * @throws IllegalArgumentException when the counts differ or a weight is negative or not finite
     */
    static double[] initial(String method, List<String> terms, double[] initial) {
        if (terms == null || terms.isEmpty()) {
            throw new IllegalArgumentException("balancer " + method + ": no loss terms");
        }
        if (initial == null || initial.length != terms.size()) {
            throw new IllegalArgumentException("balancer " + method + ": " + (initial == null ? 0 : initial.length)
                    + " initial weights for " + terms.size() + " terms " + terms);
        }
        for (int k = 0; k < initial.length; k++) {
            if (!(initial[k] >= 0) || Double.isInfinite(initial[k])) {
                throw new IllegalArgumentException("balancer " + method + ": the weight of term '" + terms.get(k)
                        + "' must be a finite number >= 0, got " + initial[k]);
            }
        }
        return initial.clone();
    }

    /**
     * @throws IllegalArgumentException when the step is not positive or the terms are not those the
     *                                  balancer was created for
     */
    static void check(String method, List<String> names, long step, Terms terms) {
        if (step < 1) {
            throw new IllegalArgumentException("balancer " + method + ": steps count from 1, got " + step);
        }
        List<String> given = terms.names();
        if (!given.equals(names)) {
            throw new IllegalArgumentException("balancer " + method + " was created for the terms " + names
                    + " but was given " + given);
        }
    }

    /**
     * @throws IllegalArgumentException when the gradient's length differs from {@code n}
     */
    static void checkGradient(String method, String term, double[] gradient, int n) {
        if (gradient == null || gradient.length != n) {
            throw new IllegalArgumentException("balancer " + method + ": the gradient of term '" + term + "' has "
                    + (gradient == null ? "no" : String.valueOf(gradient.length)) + " entries, expected " + n);
        }
    }

    /** A number {@code > 0}, read like {@link Options#real}. */
    static double positive(Options o, String prefix, String key, double fallback) {
        double v = o.real(key, fallback, 0);
        if (!(v > 0)) {
            throw new IllegalArgumentException(prefix + key + " must be a number > 0, got '" + v + "'");
        }
        return v;
    }

    /**
     * {@code total * p_k e^{z_k} / sum_j p_j e^{z_j}}, with the largest exponent subtracted first so
     * that no exponential overflows. Entries with {@code z_k = +inf} share the total equally (the
     * limit of the finite case). Without prefactors ({@code p == null}) all are 1; if every
     * {@code p_k e^{z_k}} vanishes the total is shared equally, there being no preference.
     *
     * @param z finite or {@code +inf}; never NaN
     */
    static double[] softmax(double[] z, double[] p, double total) {
        int m = z.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : z) {
            max = Math.max(max, x);
        }
        double[] e = new double[m];
        double sum = 0;
        for (int k = 0; k < m; k++) {
            double pk = p == null ? 1 : p[k];
            if (max == Double.POSITIVE_INFINITY) {
                e[k] = z[k] == max && pk > 0 ? 1 : 0;
            } else {
                e[k] = pk * Math.exp(z[k] - max);
            }
            sum += e[k];
        }
        double[] out = new double[m];
        for (int k = 0; k < m; k++) {
            out[k] = sum > 0 ? total * e[k] / sum : total / m;
        }
        return out;
    }

    /**
     * The generator of the {@code n}-th random use of a seeded balancer. One generator per use, from
     * (seed, n), keeps the balancer's state plain data (a counter) that checkpoints save, unlike a
     * long-lived {@link java.util.SplittableRandom}, whose state cannot be read.
     */
    static java.util.SplittableRandom draw(long seed, long n) {
        return new java.util.SplittableRandom(seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + 1);
    }

    static double[] nanVector(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }
}
