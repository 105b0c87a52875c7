package org.ansatz.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One clause of an OSGi manifest header such as {@code Import-Package}: a name with attributes. */
record Clause(String name, Map<String, String> attributes) {

    String attribute(String key, String fallback) {
        return attributes.getOrDefault(key, fallback);
    }

    /** Splits a header at the commas outside quotes, then each clause at the semicolons outside quotes. */
    static List<Clause> parse(String header) {
        List<Clause> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            Map<String, String> attributes = new LinkedHashMap<>();
            for (String part : parts.subList(1, parts.size())) {
                int eq = part.indexOf('=');
                if (eq > 0 && !part.substring(0, eq).endsWith(":")) {
                    String value = part.substring(eq + 1).trim();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    attributes.put(part.substring(0, eq).trim(), value);
                }
            }
            out.add(new Clause(parts.get(0).trim(), attributes));
        }
        return out;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }
}
