package org.ansatz.optimizers.internal;

import java.util.Map;
import org.ansatz.api.method.Options;

/**
 * Optimizer settings, from per-run options (keys {@code optimizer.*} in messages) or from a
 * component configuration (keys prefixed with its PID): both go through the same checks, so a bad
 * configured default fails as clearly as a bad option.
 */
final class Settings {

    private final Options options;
    private final String prefix;

    private Settings(Map<String, ?> values, String prefix) {
        this.options = new Options(values, prefix);
        this.prefix = prefix;
    }

    /** Per-run options, named {@code optimizer.<key>} in messages. */
    static Settings run(Map<String, ?> options) {
        return new Settings(options, "optimizer.");
    }

    /** A component configuration, named {@code <pid>:<key>} in messages. */
    static Settings configuration(String pid, Map<String, ?> values) {
        return new Settings(values, pid + ":");
    }

    /** A moment decay rate in [0, 1): at 1 the bias correction would divide by zero. */
    double beta(String key, double fallback) {
        String text = options.string(key, null);
        if (text == null) {
            return fallback;
        }
        double beta;
        try {
            beta = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            beta = Double.NaN;
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(prefix + key + " must be a number in [0, 1), got '" + text + "'");
        }
        return beta;
    }

    /** A finite number at least {@code min}. */
    double real(String key, double fallback, double min) {
        return options.real(key, fallback, min);
    }

    /** An integer at least {@code min}. */
    int integer(String key, int fallback, int min) {
        return options.integer(key, fallback, min);
    }

    /** Trimmed text, or {@code fallback} when absent. */
    String string(String key, String fallback) {
        return options.string(key, fallback);
    }

    /** The message name of {@code key}. */
    String name(String key) {
        return prefix + key;
    }

    /** @throws IllegalArgumentException naming the keys nobody read */
    void checkAllRead(String owner) {
        options.checkAllRead(owner);
    }
}
