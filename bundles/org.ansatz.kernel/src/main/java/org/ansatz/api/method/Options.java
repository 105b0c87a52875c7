package org.ansatz.api.method;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to flat string-keyed options (run settings, method options); every key read is
 * remembered so that unknown keys (typos) can be reported by name. Errors name the key, the
 * expected form and the value given.
 */
public final class Options {

    private final Map<String, Object> values;
    private final String prefix;
    private final Set<String> read = new TreeSet<>();

    /** @param values the options; {@code null} for none */
    public Options(Map<String, ?> values) {
        this(values, "");
    }

    /**
     * @param prefix prepended to keys in error messages, e.g. {@code "sampler."} when these options
     *               came from settings {@code sampler.*}
     */
    public Options(Map<String, ?> values, String prefix) {
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
        this.prefix = prefix;
    }

    /** The value as trimmed text, or {@code fallback} when absent. */
    public String string(String key, String fallback) {
        read.add(key);
        Object v = values.get(key);
        return v == null ? fallback : v.toString().trim();
    }

    /** One of {@code allowed}, or {@code fallback} when absent. */
    public String choice(String key, String fallback, List<String> allowed) {
        String v = string(key, fallback);
        if (v != null && !allowed.contains(v)) {
            throw new IllegalArgumentException(prefix + key + " must be one of " + allowed + ", got '" + v + "'");
        }
        return v;
    }

    /**
     * {@code true} or {@code false}, or {@code fallback} when absent; anything else is an error naming the key.
     *
     * @since 1.2
     */
    public boolean flag(String key, boolean fallback) {
        return Boolean.parseBoolean(choice(key, String.valueOf(fallback), List.of("true", "false")));
    }

    /** An integer at least {@code min}. */
    public int integer(String key, int fallback, int min) {
        String s = string(key, null);
        if (s == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(s);
            int v = (int) d;
            if (v < min || v != d) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + key + " must be an integer >= " + min + ", got '" + s + "'");
        }
    }

    /** A finite number at least {@code min}. */
    public double real(String key, double fallback, double min) {
        return real(key, fallback, min, Double.MAX_VALUE);
    }

    /** A finite number in {@code [min, max]}. */
    public double real(String key, double fallback, double min, double max) {
        String s = string(key, null);
        if (s == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(s);
            if (!(v >= min && v <= max)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(prefix + key + " must be a number in [" + min + ", "
                    + (max == Double.MAX_VALUE ? "inf" : max) + "], got '" + s + "'");
        }
    }

    /** A comma-separated list of numbers, each at least {@code min}. */
    public double[] reals(String key, double[] fallback, double min) {
        String s = string(key, null);
        if (s == null) {
            return fallback;
        }
        String[] parts = s.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
                if (!(out[i] >= min) || Double.isInfinite(out[i])) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(prefix + key + " must be a comma-separated list of numbers >= "
                        + min + ", got '" + s + "'");
            }
        }
        return out;
    }

    /** Options under {@code section.}, with that prefix removed; all marked read. */
    public Map<String, Object> section(String section) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(section + ".")) {
                read.add(k);
                out.put(k.substring(section.length() + 1), v);
            }
        });
        return out;
    }

    /**
     * @param owner what the options are for, e.g. {@code "solver pinn"}
     * @throws IllegalArgumentException naming options nobody read
     */
    public void checkAllRead(String owner) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            List<String> named = unknown.stream().map(k -> prefix + k).toList();
            List<String> known = read.stream().map(k -> prefix + k).toList();
            throw new IllegalArgumentException("unknown setting" + (unknown.size() > 1 ? "s " : " ") + named + " for "
                    + owner + "; known: " + known);
        }
    }
}
