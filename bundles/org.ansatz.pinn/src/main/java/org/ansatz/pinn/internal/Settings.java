package org.ansatz.pinn.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed access to a run's flat settings; every key read is remembered so unknown keys can be reported. */
final class Settings {

    private final Map<String, Object> values;
    private final Set<String> read = new TreeSet<>();

    Settings(Map<String, Object> values) {
        this.values = values;
    }

    String string(String key, String fallback) {
        read.add(key);
        Object v = values.get(key);
        return v == null ? fallback : v.toString().trim();
    }

    int integer(String key, int fallback, int min) {
        String s = string(key, null);
        if (s == null) {
            return fallback;
        }
        try {
            int v = (int) Double.parseDouble(s);
            if (v < min || v != Double.parseDouble(s)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be an integer >= " + min + ", got '" + s + "'");
        }
    }

    double real(String key, double fallback, double min) {
        String s = string(key, null);
        if (s == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(s);
            if (!(v >= min) || Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a number >= " + min + ", got '" + s + "'");
        }
    }

    /** Settings under a prefix, with the prefix removed (e.g. model.layers -> layers); all marked read. */
    Map<String, Object> section(String prefix) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix + ".")) {
                read.add(k);
                out.put(k.substring(prefix.length() + 1), v);
            }
        });
        return out;
    }

    /** @throws IllegalArgumentException naming settings nobody read (typos) */
    void checkAllRead(String solver) {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown setting" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + " for solver " + solver + "; known: " + read);
        }
    }
}
