package org.ansatz.embed;

import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The packages the system bundle exports from the host's class path: the kernel API, with the versions
 * the kernel bundle declares, and every DJL package a bundle of the runtime imports, at the lowest
 * version its import range accepts (DJL has no OSGi metadata of its own).
 */
final class SharedPackages {

    static final String API_PREFIX = "org.ansatz.api.";
    static final String DJL_PREFIX = "ai.djl.";

    private SharedPackages() {
    }

    static String systemPackagesExtra(RuntimeBundles bundles) {
        TreeMap<String, String> exports = new TreeMap<>();
        for (RuntimeBundles.Entry e : bundles.entries()) {
            if (e.symbolicName().equals("org.ansatz.kernel")) {
                for (Clause c : Clause.parse(e.header("Export-Package"))) {
                    if (c.name().startsWith(API_PREFIX)) {
                        exports.put(c.name(), c.attribute("version", "0.0.0"));
                    }
                }
            }
        }
        if (exports.isEmpty()) {
            throw new IllegalStateException("the runtime has no org.ansatz.kernel bundle exporting the API");
        }
        Set<String> djl = new TreeSet<>();
        for (RuntimeBundles.Entry e : bundles.entries()) {
            if (EmbeddedAnsatz.Builder.skipped(e.symbolicName())) {
                continue;
            }
            for (Clause c : Clause.parse(e.header("Import-Package"))) {
                if (c.name().startsWith(DJL_PREFIX) && djl.add(c.name())) {
                    exports.put(c.name(), lowerBound(c.attribute("version", "0.0.0")));
                }
            }
        }
        StringBuilder b = new StringBuilder();
        exports.forEach((pkg, version) -> b.append(b.length() == 0 ? "" : ",").append(pkg)
                .append(";version=\"").append(version).append('"'));
        return b.toString();
    }

    /** {@code [0.36,0.37)} gives {@code 0.36}; a plain version is its own lower bound. */
    static String lowerBound(String range) {
        String r = range.trim();
        if (r.startsWith("[") || r.startsWith("(")) {
            return r.substring(1, r.indexOf(',')).trim();
        }
        return r;
    }
}
