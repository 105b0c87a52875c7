package org.ansatz.models.multistage.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.run.AtomicFiles;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.ansatz.api.solver.Solver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Multi-stage training (Wang and Lai 2024, "Multi-stage neural networks: function approximator of
 * machine precision"). Stage 1 is an ordinary physics-informed fit. Every later stage adds a new
 * network {@code eps_k N_k(kappa_k x)} to the frozen sum of the earlier ones and trains it on the
 * same loss: the PDE residual of the sum ({@code target=pde}) or its misfit to the reference
 * ({@code target=reference}, regression). Before a stage, the residue of the sum so far is sampled on
 * a grid: its dominant frequency {@code f} sets {@code kappa = 2 pi f} (times {@code kappa-factor}) with
 * a sine first layer, its magnitude sets {@code eps}, and the loss weights
 * are divided by the loss of the sum so far, so that every stage starts from a loss of order one
 * (Adam's steps would otherwise stall at its epsilon long before machine precision). For regression the
 * residue is the misfit itself; for a PDE of order n it is estimated from the equation residual mode by
 * mode, {@code |e_k| = |r_k| / (2 pi |f_k|)^n} (see {@link Spectrum}): the paper's estimate
 * {@code eps = rms(r) / (2 pi f)^n} with the residual's own dominant frequency picked the noise that
 * differentiation amplifies (measured: a 38 cycles per unit residual over a smooth error bump, and a
 * third stage that changed nothing).
 *
 * <p>Each stage is a run of the registered {@code pinn} solver with model {@code multistage} in
 * {@code stage-<k>/}; all pinn settings apply to every stage, {@code stage<k>.<setting>} to stage k
 * only. The top-level directory gets multistage.json (the stages), metrics.json and history.csv.
 */
@Component(service = Solver.class)
@AnsatzMethod(name = "multistage-pinn", description = "Multi-stage networks (Wang and Lai 2024): each stage fits the "
        + "residue of the previous ones (PDE residual or regression); float64, Adam then L-BFGS per stage")
public class MultistageSolver implements Solver {

    static final String FILE = "multistage.json";

    private final MethodRegistry registry;
    private final TensorEngine engine;

    @Activate
    public MultistageSolver(@Reference MethodRegistry registry, @Reference TensorEngine engine) {
        this.registry = registry;
        this.engine = engine;
    }

    @Override
    public boolean supports(Problem problem) {
        return problem instanceof PdeProblem;
    }

    /** What one finished stage was. */
    record Stage(int index, StageNetwork network, double frequency, Map<String, Double> metrics, double seconds) {
    }

    @Override
    public Solution solve(SolveRequest request, Progress progress) {
        if (!(request.problem() instanceof PdeProblem problem)) {
            throw new IllegalArgumentException("the multistage-pinn solver needs a PDE problem");
        }
        if (!problem.unknowns().isEmpty()) {
            throw new IllegalArgumentException("multistage-pinn does not solve inverse problems (unknowns "
                    + problem.unknowns().keySet() + "); use the pinn solver");
        }
        Settings s = Settings.parse(request.settings());
        PdeProblem target = s.regression() ? new RegressionProblem(problem) : problem;
        Solver pinn = registry.get(Solver.class, "pinn");
        Path dir = request.runDirectory();
        List<Stage> done = new ArrayList<>();
        List<StageNetwork> networks = new ArrayList<>();
        double[] parameters = new double[0];
        Solution last = null;
        double scale = 1;
        double kappa = 1;
        Map<String, Double> weights = null;
        double frequency = Double.NaN;
        try {
            for (int k = 1; k <= s.stages(); k++) {
                Map<String, Object> settings = s.stageSettings(k, networks, parameters, scale, kappa, weights);
                Path stageDir = dir.resolve("stage-" + k);
                long t0 = System.nanoTime();
                if (last != null) {
                    // Only the newest sum is needed: it contains every earlier stage.
                    last.close();
                    last = null;
                }
                last = pinn.solve(new SolveRequest(target, settings, request.seed() + k - 1, stageDir),
                        prefixed(progress, "stage" + k + "/"));
                parameters = readDoubles(stageDir.resolve("model.bin"));
                networks.add(stageNetwork(target, settings));
                Map<String, Double> metrics = new LinkedHashMap<>(last.metrics());
                done.add(new Stage(k, networks.get(k - 1), frequency, metrics, (System.nanoTime() - t0) / 1e9));
                Map<String, Double> line = new LinkedHashMap<>();
                line.put("eps", scale);
                line.put("kappa", kappa);
                metrics.forEach((n, v) -> {
                    if (n.equals("rel-l2") || n.equals("max-abs")) {
                        line.put(n, v);
                    }
                });
                progress.report(new ProgressUpdate("stage" + k, k, s.stages(), line));
                writeSummary(dir, s, done);
                if (k == s.stages() || progress.cancelled()) {
                    break;
                }
                Residue next = residue(target, s, last, request.seed() + 7919L * k, settings);
                frequency = next.spectrum().frequency();
                kappa = s.kappaFactor() * 2 * Math.PI * frequency;
                scale = next.spectrum().rms();
                if (!(scale > 0) || !Double.isFinite(scale)) {
                    // The residue vanished on the grid (or overflowed): nothing left for another stage.
                    break;
                }
                weights = next.weights();
            }
            Map<String, Double> metrics = new LinkedHashMap<>(done.get(done.size() - 1).metrics());
            metrics.put("stages", (double) done.size());
            for (Stage st : done) {
                Double e = st.metrics().get("rel-l2");
                if (e != null) {
                    metrics.put("stage" + st.index() + ".rel-l2", e);
                }
            }
            AtomicFiles.write(dir.resolve("metrics.json"), json(metrics));
            mergeHistories(dir, done.size());
            return new StagedSolution(last, metrics);
        } catch (RuntimeException e) {
            if (last != null) {
                last.close();
            }
            throw e;
        }
    }

    /** Reopens a run: the sum of its stages from multistage.json and the last stage's model.bin. */
    @Override
    public Solution load(Problem problem, Path runDirectory) {
        if (!(problem instanceof PdeProblem pde)) {
            throw new IllegalArgumentException("the multistage-pinn solver needs a PDE problem");
        }
        Path file = runDirectory.resolve(FILE);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(runDirectory + " holds no multi-stage run (" + FILE + "): "
                    + e.getMessage(), e);
        }
        String target = field(text, "target", file);
        boolean hard = "hard".equals(field(text, "constraints", file));
        DataType dtype = "float32".equals(field(text, "dtype", file)) ? DataType.FLOAT32 : DataType.FLOAT64;
        List<StageNetwork> stages = new ArrayList<>();
        Matcher m = Pattern.compile("\"network\": \"([^\"]+)\"").matcher(text);
        while (m.find()) {
            stages.add(StageNetwork.parse(m.group(1), pde.inputs().size(), pde.outputs().size()));
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException(file + " lists no stages");
        }
        double[] parameters = readDoubles(runDirectory.resolve("stage-" + stages.size()).resolve("model.bin"));
        int expected = stages.stream().mapToInt(StageNetwork::parameterCount).sum();
        if (parameters.length != expected) {
            throw new IllegalArgumentException("stage-" + stages.size() + "/model.bin holds " + parameters.length
                    + " parameters, the stages in " + FILE + " have " + expected);
        }
        PdeProblem fitted = target.equals("reference") ? new RegressionProblem(pde) : pde;
        NDManager manager = engine.newManager();
        try {
            MultistageModel model = new MultistageModel(new org.ansatz.api.model.ModelSpec(pde.inputs().size(),
                    pde.outputs().size(), dtype, 0, Map.of()), stages, parameters, manager);
            PdeProblem.OutputTransform transform = hard ? fitted.hardConstraints().orElseThrow(
                    () -> new IllegalArgumentException("the run used hard constraints, the problem offers none"))
                    : null;
            return new StagesSolution(fitted, model, transform, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static String field(String json, String name, Path file) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException(file + " has no " + name);
        }
        return m.group(1);
    }

    /** The residue of the sum so far and the loss weights that make the next stage's loss of order one. */
    private record Residue(Spectrum spectrum, Map<String, Double> weights) {
    }

    private Residue residue(PdeProblem problem, Settings s, Solution sum, long seed, Map<String, Object> settings) {
        Box box = problem.domain();
        int d = box.dimension();
        int[] counts = Spectrum.counts(d);
        double[] grid = Spectrum.grid(box, counts);
        int total = grid.length / d;
        boolean[] inside = new boolean[total];
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            inside[i] = problem.geometry().contains(Arrays.copyOfRange(grid, i * d, (i + 1) * d));
            if (inside[i]) {
                kept.add(i);
            }
        }
        double[] points = new double[kept.size() * d];
        for (int i = 0; i < kept.size(); i++) {
            System.arraycopy(grid, kept.get(i) * d, points, i * d, d);
        }
        boolean hard = "hard".equals(String.valueOf(settings.getOrDefault("constraints", "soft")).trim());
        try (NDManager m = engine.newManager()) {
            double[][] r = residual(problem, sum, points, m);
            int columns = r.length == 0 ? 1 : r[0].length;
            double[] values = new double[total * columns];
            for (int i = 0; i < kept.size(); i++) {
                System.arraycopy(r[i], 0, values, kept.get(i) * columns, columns);
            }
            int order = 0;
            for (MultiIndex mi : problem.derivatives()) {
                order = Math.max(order, mi.order());
            }
            Spectrum spectrum = Spectrum.of(values, columns, inside, counts, box, order);

            // Loss of the sum so far, term by term, on fresh points drawn as the pinn solver draws them.
            SplittableRandom random = new SplittableRandom(seed);
            int domainCount = s.integer(settings, "points.domain", 2000);
            int conditionCount = s.integer(settings, "points.conditions", 200);
            Map<String, Double> weights = new LinkedHashMap<>();
            double[] interior = problem.geometry().sampleInterior(domainCount, random);
            double loss = s.weight("pde") * meanSquare(residual(problem, sum, interior, m));
            weights.put("pde", s.weight("pde"));
            for (Condition c : problem.conditions(hard)) {
                double[] x = c.sample(conditionCount, random);
                NDArray xt = m.create(x, new Shape(x.length / d, d));
                Jet u = jet(problem, sum, x, c.derivatives(), m);
                double w = s.weight(c.name());
                loss += w * c.residual(u, xt).toType(DataType.FLOAT64, false).square().mean().getDouble();
                weights.put(c.name(), w);
            }
            double norm = loss;
            weights.replaceAll((name, w) -> norm > 0 ? w / norm : w);
            return new Residue(spectrum, weights);
        }
    }

    private static double meanSquare(double[][] r) {
        double sum = 0;
        long n = 0;
        for (double[] row : r) {
            for (double v : row) {
                sum += v * v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The network a stage trained, as the multistage model factory builds it from the stage's settings. */
    private StageNetwork stageNetwork(PdeProblem problem, Map<String, Object> settings) {
        Map<String, Object> options = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith("model.")) {
                options.put(k.substring("model.".length()), v);
            }
        });
        options.remove("frozen-parameters");
        try (NDManager m = engine.newManager();
                MultistageModel model = (MultistageModel) new MultistageModelFactory().create(new org.ansatz.api.model
                        .ModelSpec(problem.inputs().size(), problem.outputs().size(), DataType.FLOAT64, 0, options), m)) {
            return model.stages().get(model.stages().size() - 1);
        }
    }

    /** Per point, the equation residuals of the sum so far (regression: its misfit to the reference). */
    private double[][] residual(PdeProblem problem, Solution sum, double[] points, NDManager m) {
        int d = problem.inputs().size();
        int n = points.length / d;
        NDArray x = m.create(points, new Shape(n, d));
        Jet u = jet(problem, sum, points, problem.derivatives(), m);
        NDArray r = problem.residual(u, x);
        int columns = (int) r.getShape().get(1);
        double[] flat = r.toType(DataType.FLOAT64, false).toDoubleArray();
        double[][] out = new double[n][columns];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * columns, out[i], 0, columns);
        }
        return out;
    }

    /**
     * The output jet of the solution at the points, assembled from its predictions of the outputs and
     * their derivatives by name: the residual then sees what the pinn solver trained, hard-constraint
     * transform included, through public API only.
     */
    private static Jet jet(PdeProblem problem, Solution sum, double[] points, List<MultiIndex> wanted, NDManager m) {
        List<String> inputs = problem.inputs();
        List<String> outputs = problem.outputs();
        int d = inputs.size();
        int n = points.length / d;
        DerivativePlan plan = DerivativePlan.of(d, wanted);
        List<String> names = new ArrayList<>();
        for (MultiIndex mi : plan.streams()) {
            if (mi.order() > 0) {
                for (String o : outputs) {
                    names.add(mi.name(o, inputs));
                }
            }
        }
        PointSet predicted = sum.predict(new PointSet(inputs, points), names);
        int w = outputs.size();
        int columns = predicted.width();
        double[] data = new double[plan.size() * n * w];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < w; o++) {
                data[i * w + o] = predicted.get(i, o);
            }
        }
        int column = w;
        for (int s = 1; s < plan.size(); s++) {
            for (int o = 0; o < w; o++) {
                for (int i = 0; i < n; i++) {
                    data[(s * n + i) * w + o] = predicted.get(i, column);
                }
                column++;
            }
        }
        if (column != columns) {
            throw new IllegalStateException("the stage solution predicted " + columns + " columns, expected " + column);
        }
        NDArray x = m.create(points, new Shape(n, d));
        return Jet.input(x, plan).with(m.create(data, new Shape(plan.size(), n, w)));
    }

    private static Progress prefixed(Progress progress, String prefix) {
        return new Progress() {
            @Override
            public void report(ProgressUpdate u) {
                progress.report(new ProgressUpdate(prefix + u.stage(), u.step(), u.totalSteps(), u.values()));
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
    }

    static double[] readDoubles(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            double[] out = new double[b.length / 8];
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stage's parameters " + file, e);
        }
    }

    private static void writeSummary(Path dir, Settings s, List<Stage> done) {
        StringBuilder b = new StringBuilder("{\n  \"format\": \"ansatz-multistage/1\",\n");
        b.append("  \"target\": \"").append(s.regression() ? "reference" : "pde").append("\",\n");
        b.append("  \"constraints\": \"").append(s.constraints()).append("\",\n");
        b.append("  \"dtype\": \"").append(s.dtype()).append("\",\n");
        b.append("  \"stages\": ").append(done.size()).append(",\n  \"stage\": [\n");
        for (int i = 0; i < done.size(); i++) {
            Stage st = done.get(i);
            b.append("    {\"stage\": ").append(st.index())
                    .append(", \"network\": \"").append(st.network().describe()).append('"')
                    .append(", \"parameters\": ").append(st.network().parameterCount())
                    .append(", \"residue-frequency\": ").append(number(st.frequency()))
                    .append(", \"seconds\": ").append(number(st.seconds()));
            st.metrics().forEach((k, v) -> b.append(", \"").append(k).append("\": ").append(number(v)));
            b.append(i + 1 < done.size() ? "},\n" : "}\n");
        }
        b.append("  ]\n}\n");
        AtomicFiles.write(dir.resolve(FILE), b.toString());
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    private static String json(Map<String, Double> values) {
        StringBuilder b = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            b.append("  \"").append(e.getKey()).append("\": ").append(number(e.getValue()))
                    .append(++i < values.size() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }

    /** history.csv of all stages in one table; the stage column says which ({@code s2-lbfgs}). */
    private static void mergeHistories(Path dir, int stages) {
        LinkedHashSet<String> columns = new LinkedHashSet<>(List.of("stage", "step", "seconds"));
        List<Map<String, String>> rows = new ArrayList<>();
        double offset = 0;
        for (int k = 1; k <= stages; k++) {
            Path file = dir.resolve("stage-" + k).resolve("history.csv");
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (lines.isEmpty()) {
                continue;
            }
            String[] header = lines.get(0).split(",", -1);
            columns.addAll(Arrays.asList(header));
            double lastSeconds = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length && i < f.length; i++) {
                    row.put(header[i], f[i]);
                }
                row.put("stage", "s" + k + "-" + row.get("stage"));
                try {
                    lastSeconds = Double.parseDouble(row.get("seconds"));
                    row.put("seconds", String.format(Locale.ROOT, "%.3f", offset + lastSeconds));
                } catch (RuntimeException e) {
                    // keep the text as it is
                }
                rows.add(row);
            }
            offset += lastSeconds;
        }
        StringBuilder b = new StringBuilder(String.join(",", columns)).append('\n');
        for (Map<String, String> row : rows) {
            int i = 0;
            for (String c : columns) {
                b.append(i++ == 0 ? "" : ",").append(row.getOrDefault(c, ""));
            }
            b.append('\n');
        }
        AtomicFiles.write(dir.resolve("history.csv"), b.toString());
    }

    /** The last stage's solution (the whole sum) with the run's metrics. */
    private record StagedSolution(Solution last, Map<String, Double> metrics) implements Solution {

        @Override
        public PointSet predict(PointSet inputs) {
            return last.predict(inputs);
        }

        @Override
        public PointSet predict(PointSet inputs, List<String> derivatives) {
            return last.predict(inputs, derivatives);
        }

        @Override
        public void close() {
            last.close();
        }
    }
}
