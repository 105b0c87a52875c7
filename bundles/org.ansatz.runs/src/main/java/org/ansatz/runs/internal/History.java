package org.ansatz.runs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's history.csv (stage, step, seconds, then named values) with the steps made cumulative over
 * stages, so that Adam and L-BFGS sit side by side on one axis.
 */
final class History {

    /** Columns that are not losses: bookkeeping, learning rates, weights, counts. */
    private static final Set<String> NOT_LOSSES = Set.of("stage", "step", "seconds", "lr", "evals", "points",
            "diverged");

    final List<String> columns;
    final List<String> stages = new ArrayList<>();
    final List<Double> x = new ArrayList<>();
    final List<double[]> rows = new ArrayList<>();
    /** Cumulative step where each stage after the first begins, by stage name. */
    final Map<String, Double> stageStarts = new LinkedHashMap<>();

    private History(List<String> columns) {
        this.columns = columns;
    }

    static History read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        if (header.size() < 3 || !header.get(0).equals("stage") || !header.get(1).equals("step")) {
            throw new IllegalArgumentException(file + " is not a run history (header stage,step,...)");
        }
        History h = new History(header);
        String stage = null;
        double offset = 0;
        double last = 0;
        for (int r = 1; r < lines.size(); r++) {
            if (lines.get(r).isBlank()) {
                continue;
            }
            String[] cells = lines.get(r).split(",", -1);
            if (!cells[0].equals(stage)) {
                if (stage != null) {
                    offset = last;
                    h.stageStarts.put(cells[0], offset);
                }
                stage = cells[0];
            }
            double[] values = new double[header.size()];
            for (int c = 1; c < header.size(); c++) {
                values[c] = c < cells.length && !cells[c].isEmpty() ? parse(cells[c]) : Double.NaN;
            }
            last = offset + values[1];
            h.stages.add(stage);
            h.x.add(last);
            h.rows.add(values);
        }
        return h;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The total loss first, then the loss terms; not weights, rates, counts or unknown coefficients. */
    List<String> lossColumns(Set<String> unknowns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (!NOT_LOSSES.contains(c) && !c.startsWith("w.") && !c.startsWith("causal-") && !unknowns.contains(c)) {
                out.add(c);
            }
        }
        out.remove("loss");
        out.add(0, "loss");
        return columns.contains("loss") ? out : out.subList(1, out.size());
    }

    double[] column(String name) {
        int c = columns.indexOf(name);
        return rows.stream().mapToDouble(r -> c < 0 ? Double.NaN : r[c]).toArray();
    }
}
