package org.ansatz.discovery.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ansatz.api.discovery.Discoverer;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Observations;

/**
 * Base of the DS components: the call's options over the defaults set by configuration (a list of
 * {@code key=value} strings), so that ConfigAdmin and {@code *.cfg} files in {@code plugins/}
 * change a method's defaults.
 */
abstract class ConfiguredDiscoverer implements Discoverer {

    private volatile Map<String, Object> defaults = Map.of();

    /** The plain-Java implementation. */
    abstract Discoverer core();

    void configure(String[] options) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (String kv : options == null ? new String[0] : options) {
            if (kv.isBlank()) {
                continue;
            }
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("configured option '" + kv + "' must have the form key=value");
            }
            d.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        defaults = Map.copyOf(d);
    }

    @Override
    public Discovery discover(Observations data, Map<String, Object> options) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        if (options != null) {
            merged.putAll(options);
        }
        return core().discover(data, merged);
    }
}
