package org.ansatz.runs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ansatz.api.expr.Expression;
import org.ansatz.api.expr.Symbols;

/**
 * A node of a spec file with its path ({@code problem.conditions[1].expression}), so that every error
 * says where it is: {@code spec.yaml: model.layers[2]: expected an integer, got "x"}.
 */
final class SpecNode {

    private final String file;
    private final String path;
    private final JsonNode node;

    SpecNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return node;
    }

    IllegalArgumentException error(String message) {
        return new IllegalArgumentException(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return node.isObject() && node.has(key) && !node.get(key).isNull();
    }

    SpecNode get(String key) {
        if (!node.isObject()) {
            throw error("expected a map with " + key + ", got " + describe(node));
        }
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(file + ": " + child(key) + ": missing");
        }
        return new SpecNode(file, child(key), v);
    }

    Optional<SpecNode> optional(String key) {
        return has(key) ? Optional.of(get(key)) : Optional.empty();
    }

    /** Fails on a key that is not one of {@code known}, naming it and the known ones. */
    void onlyKeys(String... known) {
        if (!node.isObject()) {
            throw error("expected a map, got " + describe(node));
        }
        List<String> k = Arrays.asList(known);
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!k.contains(f)) {
                throw new IllegalArgumentException(file + ": " + child(f) + ": unknown key; known here: "
                        + String.join(", ", known));
            }
        }
    }

    boolean isText() {
        return node.isTextual();
    }

    String text() {
        if (!node.isValueNode() || node.isNull()) {
            throw error("expected a text, got " + describe(node));
        }
        return node.asText();
    }

    String choice(String... allowed) {
        String t = text();
        if (!Arrays.asList(allowed).contains(t)) {
            throw error("expected one of " + String.join(", ", allowed) + ", got \"" + t + "\"");
        }
        return t;
    }

    boolean bool() {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.asText().equals("true") || node.asText().equals("false"))) {
            return Boolean.parseBoolean(node.asText());
        }
        throw error("expected true or false, got " + describe(node));
    }

    double number() {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error("expected a number, got " + describe(node));
    }

    long integer() {
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw error("expected an integer, got " + describe(node));
    }

    /** A list, or a comma-separated text (as {@code --set} gives lists). */
    List<SpecNode> elements() {
        List<SpecNode> out = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new SpecNode(file, path + "[" + i + "]", node.get(i)));
            }
            return out;
        }
        if (node.isTextual() || node.isNumber()) {
            String[] parts = node.asText().split(",");
            for (int i = 0; i < parts.length; i++) {
                out.add(new SpecNode(file, path + "[" + i + "]", TextNode.valueOf(parts[i].trim())));
            }
            return out;
        }
        throw error("expected a list, got " + describe(node));
    }

    /** A list of distinct names. */
    List<String> names() {
        List<String> out = new ArrayList<>();
        for (SpecNode e : elements()) {
            String n = e.text();
            if (!n.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw e.error("expected a name (letters and digits), got \"" + n + "\"");
            }
            if (out.contains(n)) {
                throw e.error("\"" + n + "\" appears twice");
            }
            out.add(n);
        }
        if (out.isEmpty()) {
            throw error("needs at least one name");
        }
        return List.copyOf(out);
    }

    /** A map of names to numbers. */
    Map<String, Double> numbers() {
        if (!node.isObject()) {
            throw error("expected a map of names to numbers, got " + describe(node));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            out.put(k, get(k).number());
        }
        return out;
    }

    /** {@code [lower, upper]} with lower < upper. */
    double[] interval() {
        List<SpecNode> e = elements();
        if (e.size() != 2) {
            throw error("expected [lower, upper], got " + describe(node));
        }
        double lo = e.get(0).number();
        double hi = e.get(1).number();
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw error("expected finite lower < upper, got [" + lo + ", " + hi + "]");
        }
        return new double[] {lo, hi};
    }

    Expression expression(Symbols symbols) {
        String text = text();
        try {
            return Expression.compile(text, symbols);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage() + " in \"" + text + "\"");
        }
    }

    /** A copy in which {@code file} entries of conditions are absolute, so that run.yaml works anywhere. */
    JsonNode withAbsoluteFiles(Path base) {
        JsonNode copy = node.deepCopy();
        JsonNode conditions = copy.get("conditions");
        if (conditions != null && conditions.isArray()) {
            for (JsonNode c : conditions) {
                if (c.isObject() && c.has("file")) {
                    ((ObjectNode) c).put("file", base.resolve(c.get("file").asText()).toAbsolutePath().normalize()
                            .toString());
                }
            }
        }
        return copy;
    }

    static String describe(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isTextual()) {
            return "\"" + n.asText() + "\"";
        }
        if (n.isObject()) {
            return "a map with keys " + new LinkedHashSet<>(iterable(n.fieldNames()));
        }
        if (n.isArray()) {
            return "a list of " + n.size();
        }
        return n.toString();
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
