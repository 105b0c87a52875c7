package org.ansatz.runs.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ansatz.api.method.Options;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.run.AtomicFiles;
import org.ansatz.api.run.RunOutputs;
import org.ansatz.api.solver.Solution;
import org.jfree.chart.JFreeChart;
import org.osgi.service.component.annotations.Component;

/**
 * Plots and exports of a finished run ({@code output.plots}, {@code output.exports},
 * {@code output.grid}): loss.png from history.csv; for PDE problems the solution on a grid over the
 * domain as solution-&lt;output&gt;.png, solution.csv, &lt;field&gt;.npy, solution.npz and solution.vtk.
 */
@Component(service = RunOutputs.class)
public class Outputs implements RunOutputs {

    static final List<String> FORMATS = List.of("csv", "npy", "npz", "vtk");

    /** Validated output settings. */
    record Settings(boolean plots, Set<String> exports, int[] grid) {
    }

    static Settings settings(Map<String, Object> raw) {
        Options o = new Options(raw, "output.");
        boolean plots = switch (o.string("plots", "true").trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("output.plots must be true or false, got '"
                    + o.string("plots", "") + "'");
        };
        Set<String> exports = new LinkedHashSet<>();
        for (String f : o.string("exports", String.join(",", FORMATS)).split(",")) {
            String t = f.trim().toLowerCase(Locale.ROOT);
            if (t.equals("none") || t.isEmpty()) {
                continue;
            }
            if (!FORMATS.contains(t)) {
                throw new IllegalArgumentException("output.exports: unknown format '" + f.trim() + "'; known: "
                        + String.join(", ", FORMATS) + ", none");
            }
            exports.add(t);
        }
        int[] grid = null;
        String g = o.string("grid", null);
        if (g != null) {
            try {
                grid = Arrays.stream(g.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            } catch (NumberFormatException e) {
                grid = new int[] {0};
            }
            if (grid.length == 0 || Arrays.stream(grid).anyMatch(n -> n < 2 || n > 4096)) {
                throw new IllegalArgumentException("output.grid must be points per axis between 2 and 4096, one "
                        + "number or one per input, got '" + g + "'");
            }
        }
        o.checkAllRead("outputs");
        return new Settings(plots, exports, grid);
    }

    @Override
    public void check(Map<String, Object> settings) {
        settings(settings);
    }

    @Override
    public List<String> write(Path dir, Problem problem, Solution solution, Map<String, Object> raw) {
        Settings s = settings(raw);
        List<String> written = new ArrayList<>();
        Path history = dir.resolve("history.csv");
        if (s.plots() && Files.isRegularFile(history)) {
            AtomicFiles.write(dir.resolve("loss.png"), lossPlot(History.read(history), unknowns(dir),
                    problem.inputs().isEmpty() ? "loss" : "Training loss by term"));
            written.add("loss.png");
        }
        if (!(problem instanceof PdeProblem pde) || (!s.plots() && s.exports().isEmpty())) {
            return written;
        }
        int d = pde.inputs().size();
        int[] shape = new int[d];
        for (int a = 0; a < d; a++) {
            int[] g = s.grid();
            if (g != null && g.length != 1 && g.length != d) {
                throw new IllegalArgumentException("output.grid has " + g.length + " values, the problem has " + d
                        + " inputs " + pde.inputs());
            }
            shape[a] = g == null ? (d <= 2 ? 101 : d == 3 ? 41 : 11) : g[g.length == 1 ? 0 : a];
        }
        Grid grid = new Grid(pde.inputs(), pde.outputs(), pde.domain(), shape, pde.geometry(), solution,
                pde.reference().orElse(null));
        if (s.plots()) {
            for (int o = 0; o < grid.outputs.size(); o++) {
                String file = "solution-" + grid.outputs.get(o) + ".png";
                AtomicFiles.write(dir.resolve(file), fieldPlot(grid, o));
                written.add(file);
            }
        }
        if (s.exports().contains("csv")) {
            AtomicFiles.write(dir.resolve("solution.csv"), Exports.csv(grid));
            written.add("solution.csv");
        }
        if (s.exports().contains("npy")) {
            for (Map.Entry<String, double[]> f : Exports.fields(grid).entrySet()) {
                AtomicFiles.write(dir.resolve(f.getKey() + ".npy"), Exports.npy(grid, f.getValue()));
                written.add(f.getKey() + ".npy");
            }
        }
        if (s.exports().contains("npz")) {
            AtomicFiles.write(dir.resolve("solution.npz"), Exports.npz(grid));
            written.add("solution.npz");
        }
        if (s.exports().contains("vtk") && d <= 3) {
            AtomicFiles.write(dir.resolve("solution.vtk"), Exports.vtk(grid, "Ansatz " + dir.getFileName() + ": "
                    + String.join(",", pde.outputs())));
            written.add("solution.vtk");
        }
        return written;
    }

    /** Names of the unknown coefficients of an inverse problem (their columns are no losses). */
    static Set<String> unknowns(Path dir) {
        Set<String> out = new LinkedHashSet<>();
        Path metrics = dir.resolve("metrics.json");
        if (Files.isRegularFile(metrics)) {
            try {
                Matcher m = Pattern.compile("\"unknown\\.([^\"]+)\"").matcher(Files.readString(metrics));
                while (m.find()) {
                    out.add(m.group(1));
                }
            } catch (IOException e) {
                // without metrics every column is plotted
            }
        }
        return out;
    }

    static byte[] lossPlot(History h, Set<String> unknowns, String title) {
        Map<String, double[][]> curves = new LinkedHashMap<>();
        double[] x = h.x.stream().mapToDouble(Double::doubleValue).toArray();
        for (String c : h.lossColumns(unknowns)) {
            curves.put(c, new double[][] {x, h.column(c)});
        }
        Map<String, Double> marks = new LinkedHashMap<>();
        h.stageStarts.forEach(marks::put);
        JFreeChart chart = Plots.logCurves(title, "step (all stages)", curves, marks);
        return Plots.png(List.of(chart), 900, 560);
    }

    /**
     * 1 input: prediction and reference as lines, with the absolute error beside. 2 or more: heat maps
     * over the last two inputs (the others fixed at their upper end, e.g. the final time).
     */
    static byte[] fieldPlot(Grid g, int o) {
        String name = g.outputs.get(o);
        int d = g.inputs.size();
        if (d == 1) {
            Map<String, double[][]> curves = new LinkedHashMap<>();
            curves.put(name + " (prediction)", new double[][] {g.axes[0], g.predicted[o]});
            List<JFreeChart> charts = new ArrayList<>();
            if (g.reference != null) {
                curves.put(name + " (reference)", new double[][] {g.axes[0], g.reference[o]});
            }
            charts.add(Plots.lines(name + "(" + g.inputs.get(0) + ")", g.inputs.get(0), name, curves));
            if (g.error != null) {
                charts.add(Plots.lines("|" + name + " - reference|", g.inputs.get(0), "absolute error",
                        Map.of("absolute error", new double[][] {g.axes[0], g.error[o]})));
            }
            return Plots.png(charts, 620, 460);
        }
        int ax = d - 2;
        int ay = d - 1;
        int plane = g.shape[ax] * g.shape[ay];
        int offset = g.size - plane;
        double[] xs = new double[plane];
        double[] ys = new double[plane];
        double[] q = new double[d];
        for (int i = 0; i < plane; i++) {
            g.point(offset + i, q);
            xs[i] = q[ax];
            ys[i] = q[ay];
        }
        StringBuilder at = new StringBuilder();
        for (int a = 0; a < ax; a++) {
            at.append(at.length() == 0 ? " at " : ", ").append(g.inputs.get(a)).append(" = ")
                    .append(String.format(Locale.ROOT, "%.4g", g.axes[a][g.shape[a] - 1]));
        }
        double[] u = Arrays.copyOfRange(g.predicted[o], offset, g.size);
        double[] r = g.reference == null ? null : Arrays.copyOfRange(g.reference[o], offset, g.size);
        double lo = min(u, r);
        double hi = max(u, r);
        List<JFreeChart> charts = new ArrayList<>();
        charts.add(Plots.heatMap(name + " prediction" + at, g.inputs.get(ax), xs, g.inputs.get(ay), ys, u, lo, hi));
        if (r != null) {
            double[] e = Arrays.copyOfRange(g.error[o], offset, g.size);
            charts.add(Plots.heatMap(name + " reference" + at, g.inputs.get(ax), xs, g.inputs.get(ay), ys, r, lo, hi));
            charts.add(Plots.heatMap("|error|" + at, g.inputs.get(ax), xs, g.inputs.get(ay), ys, e, 0, max(e, null)));
        }
        return Plots.png(charts, 520, 440);
    }

    private static double min(double[] a, double[] b) {
        double m = Double.POSITIVE_INFINITY;
        for (double[] v : new double[][] {a, b == null ? new double[0] : b}) {
            for (double x : v) {
                if (Double.isFinite(x)) {
                    m = Math.min(m, x);
                }
            }
        }
        return Double.isFinite(m) ? m : 0;
    }

    private static double max(double[] a, double[] b) {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] v : new double[][] {a, b == null ? new double[0] : b}) {
            for (double x : v) {
                if (Double.isFinite(x)) {
                    m = Math.max(m, x);
                }
            }
        }
        return Double.isFinite(m) ? m : 1;
    }
}
