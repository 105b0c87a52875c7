package org.ansatz.discovery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ansatz.api.discovery.Observations;

/**
 * Observations from CSV with a header. Trajectories: one row per time, columns time then
 * variables. Fields: long format, one row per (time, x); the grid is rebuilt from the distinct
 * values.
 */
final class CsvData {

    private CsvData() {
    }

    /**
     * @param columns the time column followed by the variables (plus the space column for fields)
     * @param space   the spatial column for field data, or null
     */
    static Observations read(Path file, List<String> columns, String space, boolean periodic) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        if (lines.size() < 2) {
            throw new IllegalArgumentException(file + " has no data rows");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
        int[] idx = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            idx[c] = header.indexOf(columns.get(c));
            if (idx[c] < 0) {
                throw new IllegalArgumentException("no column '" + columns.get(c) + "' in " + file + " (header " + header + ")");
            }
        }
        int sx = -1;
        if (space != null) {
            sx = header.indexOf(space);
            if (sx < 0) {
                throw new IllegalArgumentException("no space column '" + space + "' in " + file + " (header " + header + ")");
            }
        }
        int rows = lines.size() - 1;
        double[][] values = new double[header.size()][rows];
        for (int r = 0; r < rows; r++) {
            String[] parts = lines.get(r + 1).split(",");
            if (parts.length != header.size()) {
                throw new IllegalArgumentException(file + " line " + (r + 2) + " has " + parts.length + " fields, the header "
                        + header.size());
            }
            for (int c = 0; c < parts.length; c++) {
                try {
                    values[c][r] = Double.parseDouble(parts[c].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (r + 2) + " column '" + header.get(c)
                            + "': not a number '" + parts[c].trim() + "'");
                }
            }
        }
        List<String> vars = new ArrayList<>(columns.subList(1, columns.size()));
        vars.remove(space);
        if (vars.isEmpty()) {
            throw new IllegalArgumentException("--columns names no variable after the time column " + columns.get(0));
        }
        if (space == null) {
            List<double[]> v = new ArrayList<>();
            for (int c = 1; c < columns.size(); c++) {
                v.add(values[idx[c]]);
            }
            return Observations.trajectory(values[idx[0]], vars, v);
        }
        TreeSet<Double> ts = new TreeSet<>();
        TreeSet<Double> xs = new TreeSet<>();
        for (int r = 0; r < rows; r++) {
            ts.add(values[idx[0]][r]);
            xs.add(values[sx][r]);
        }
        if ((long) ts.size() * xs.size() != rows) {
            throw new IllegalArgumentException(file + ": " + rows + " rows do not form a full grid of " + ts.size() + " times x "
                    + xs.size() + " points");
        }
        double[] t = ts.stream().mapToDouble(Double::doubleValue).toArray();
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        TreeMap<Double, Integer> ti = new TreeMap<>();
        TreeMap<Double, Integer> xi = new TreeMap<>();
        for (int i = 0; i < t.length; i++) {
            ti.put(t[i], i);
        }
        for (int j = 0; j < x.length; j++) {
            xi.put(x[j], j);
        }
        List<double[]> fields = new ArrayList<>();
        for (String var : vars) {
            int c = header.indexOf(var);
            double[] f = new double[t.length * x.length];
            for (int r = 0; r < rows; r++) {
                f[ti.get(values[idx[0]][r]) * x.length + xi.get(values[sx][r])] = values[c][r];
            }
            fields.add(f);
        }
        return new Observations(t, x, periodic, vars, fields);
    }
}
