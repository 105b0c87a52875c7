package org.ansatz.discovery.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.discovery.Candidate;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Equation;
import org.ansatz.api.discovery.Term;

/** Text, CSV and JSON renderings of a discovery, and atomic writes of them. */
public final class Results {

    private Results() {
    }

    /** Human-readable equations with {@code coefficient +- one sigma} per term. */
    public static String text(Discovery d) {
        StringBuilder sb = new StringBuilder();
        for (Equation e : d.equations()) {
            sb.append(e.text()).append('\n');
            for (Term t : e.terms()) {
                sb.append(String.format(Locale.ROOT, "    %-14s %14.6g", t.name(), t.coefficient()));
                if (!Double.isNaN(t.stdError())) {
                    sb.append(String.format(Locale.ROOT, "  +- %.2g", t.stdError()));
                }
                sb.append('\n');
            }
            if (!e.front().isEmpty()) {
                sb.append("    Pareto front (size, mse, expression):\n");
                for (Candidate c : e.front()) {
                    sb.append(String.format(Locale.ROOT, "    %4d  %10.3e  %s%n", c.complexity(), c.loss(), c.expression()));
                }
            }
        }
        return sb.toString();
    }

    /** One row per (equation, term): {@code equation,term,coefficient,std_error}. */
    public static String csv(Discovery d) {
        StringBuilder sb = new StringBuilder("equation,term,coefficient,std_error\n");
        for (Equation e : d.equations()) {
            for (Term t : e.terms()) {
                sb.append(e.lhs()).append(',').append(quote(t.name())).append(',').append(Double.toString(t.coefficient()))
                        .append(',').append(Double.toString(t.stdError())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The whole discovery as JSON. */
    public static String json(Discovery d, Map<String, String> run) {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"method\": ").append(str(d.method())).append(",\n");
        sb.append("  \"run\": {");
        int k = 0;
        for (Map.Entry<String, String> e : run.entrySet()) {
            sb.append(k++ > 0 ? ", " : "").append(str(e.getKey())).append(": ").append(str(e.getValue()));
        }
        sb.append("},\n  \"equations\": [\n");
        List<Equation> eqs = d.equations();
        for (int i = 0; i < eqs.size(); i++) {
            Equation e = eqs.get(i);
            sb.append("    {\"lhs\": ").append(str(e.lhs())).append(", \"rhs\": ").append(str(e.rhs()))
                    .append(", \"text\": ").append(str(e.text())).append(", \"terms\": [");
            for (int j = 0; j < e.terms().size(); j++) {
                Term t = e.terms().get(j);
                sb.append(j > 0 ? ", " : "").append("{\"name\": ").append(str(t.name())).append(", \"coefficient\": ")
                        .append(num(t.coefficient())).append(", \"std_error\": ").append(num(t.stdError())).append('}');
            }
            sb.append("], \"front\": [");
            for (int j = 0; j < e.front().size(); j++) {
                Candidate c = e.front().get(j);
                sb.append(j > 0 ? ", " : "").append("{\"complexity\": ").append(c.complexity()).append(", \"loss\": ")
                        .append(num(c.loss())).append(", \"expression\": ").append(str(c.expression())).append('}');
            }
            sb.append("]}").append(i < eqs.size() - 1 ? "," : "").append('\n');
        }
        sb.append("  ],\n  \"metrics\": {");
        k = 0;
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(d.metrics()).entrySet()) {
            sb.append(k++ > 0 ? ", " : "").append(str(e.getKey())).append(": ").append(num(e.getValue()));
        }
        sb.append("}\n}\n");
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Writes {@code equations.txt}, {@code coefficients.csv} and {@code discovery.json} into
     * {@code dir}; each file appears complete or not at all (written aside, then moved).
     */
    public static void write(Path dir, Discovery d, Map<String, String> run) {
        try {
            Files.createDirectories(dir);
            atomic(dir.resolve("equations.txt"), text(d));
            atomic(dir.resolve("coefficients.csv"), csv(d));
            atomic(dir.resolve("discovery.json"), json(d, run));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + dir + ": " + e.getMessage(), e);
        }
    }

    static void atomic(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
