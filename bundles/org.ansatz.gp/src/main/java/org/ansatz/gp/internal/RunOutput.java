package org.ansatz.gp.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.run.AtomicFiles;

/** The run directory of a GP solver: spec, metrics, predictions with variance, the fitted state. */
final class RunOutput {

    static final String STATE = "gp-state.properties";

    private RunOutput() {
    }

    static void writeJson(Path file, Map<String, ?> map) {
        StringBuilder b = new StringBuilder("{\n");
        Iterator<? extends Map.Entry<String, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, ?> e = it.next();
            b.append("  \"").append(escape(e.getKey())).append("\": ");
            Object v = e.getValue();
            if (v instanceof Double d && Double.isFinite(d)) {
                b.append(String.format(Locale.ROOT, "%.10g", d));
            } else if (v instanceof Number && !(v instanceof Double) || v instanceof Boolean) {
                b.append(v);
            } else {
                b.append('"').append(escape(String.valueOf(v))).append('"');
            }
            b.append(it.hasNext() ? ",\n" : "\n");
        }
        AtomicFiles.write(file, b.append("}\n").toString());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** The state a solver needs to rebuild its solution: settings plus learned values, as properties. */
    static void writeState(Path dir, Map<String, String> state) {
        Properties p = new Properties();
        p.putAll(new TreeMap<>(state));
        StringWriter w = new StringWriter();
        try {
            p.store(w, "Ansatz GP solver state: settings and learned hyperparameters");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(dir.resolve(STATE), w.toString());
    }

    static Map<String, String> readState(Path dir, String solver) {
        Path file = dir.resolve(STATE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " holds no run of solver " + solver + " (no " + STATE + ")");
        }
        Properties p = new Properties();
        try (Reader r = new StringReader(Files.readString(file))) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!solver.equals(p.getProperty("solver"))) {
            throw new IllegalArgumentException(file + " was written by solver " + p.getProperty("solver") + ", not "
                    + solver);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(Double.toString(v[i]));
        }
        return b.toString();
    }

    static double[] split(String s, String what) {
        if (s == null) {
            throw new IllegalArgumentException("the saved state has no " + what);
        }
        if (s.isBlank()) {
            return new double[0];
        }
        String[] parts = s.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the saved " + what + " is not a list of numbers", e);
            }
        }
        return out;
    }

    static double relativeL2(double[] predicted, double[] exact) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < exact.length; i++) {
            double e = predicted[i] - exact[i];
            num += e * e;
            den += exact[i] * exact[i];
        }
        return Math.sqrt(num / Math.max(den, 1e-300));
    }

    static double maxAbs(double[] predicted, double[] exact) {
        double m = 0;
        for (int i = 0; i < exact.length; i++) {
            m = Math.max(m, Math.abs(predicted[i] - exact[i]));
        }
        return m;
    }

    /**
     * Measures the solution against the problem's reference at its evaluation points and writes
     * prediction.csv (inputs, outputs, their predictive variances {@code <output>_var}, the reference);
     * returns rel-l2 and max-abs when there is a reference, plus the mean predictive standard deviation.
     */
    static Map<String, Double> evaluate(PdeProblem problem, GpSolution solution, Path dir) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        PointSet points = problem.evaluationPoints();
        PointSet predicted = solution.predictWithVariance(points);
        List<String> outputs = problem.outputs();
        int w = outputs.size();
        double[] mean = new double[points.size() * w];
        double sd = 0;
        for (int i = 0; i < points.size(); i++) {
            for (int o = 0; o < w; o++) {
                mean[i * w + o] = predicted.get(i, o);
                sd += Math.sqrt(Math.max(0, predicted.get(i, w + o)));
            }
        }
        metrics.put("mean-std", sd / mean.length);
        PointSet ref = problem.reference().map(r -> r.evaluate(points)).orElse(null);
        if (ref != null) {
            metrics.put("rel-l2", relativeL2(mean, ref.values()));
            metrics.put("max-abs", maxAbs(mean, ref.values()));
        }
        StringBuilder csv = new StringBuilder(String.join(",", points.names()));
        outputs.forEach(o -> csv.append(',').append(o));
        outputs.forEach(o -> csv.append(',').append(o).append("_var"));
        if (ref != null) {
            outputs.forEach(o -> csv.append(',').append(o).append("_ref"));
        }
        csv.append('\n');
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.width(); j++) {
                csv.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.8g", points.get(i, j)));
            }
            for (int o = 0; o < 2 * w; o++) {
                csv.append(',').append(String.format(Locale.ROOT, "%.10e", predicted.get(i, o)));
            }
            if (ref != null) {
                for (int o = 0; o < w; o++) {
                    csv.append(',').append(String.format(Locale.ROOT, "%.10e", ref.get(i, o)));
                }
            }
            csv.append('\n');
        }
        AtomicFiles.write(dir.resolve("prediction.csv"), csv.toString());
        return metrics;
    }
}
