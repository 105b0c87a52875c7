package org.ansatz.operators.internal;

import java.util.Map;

/** Reading model options (strings or numbers) with messages that name the key. */
final class ModelOptions {

    private ModelOptions() {
    }

    static int integer(Map<String, Object> o, String key, int fallback, int min) {
        Object v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.toString().trim());
            if (d != Math.rint(d) || d < min || d > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model." + key + " must be an integer >= " + min + ", got '" + v + "'");
        }
    }

    static int[] integers(Map<String, Object> o, String key, int[] fallback) {
        Object v = o.get(key);
        if (v == null) {
            return fallback;
        }
        String[] parts = v.toString().replaceAll("[\\[\\]\\s]", "").split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
                if (out[i] < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("model." + key + " must be positive integers like 12 or 12,12; got '"
                        + v + "'");
            }
        }
        return out;
    }
}
