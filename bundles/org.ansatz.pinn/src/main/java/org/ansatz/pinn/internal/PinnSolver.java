package org.ansatz.pinn.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.method.Options;
import org.ansatz.api.optim.OptimizerFactory;
import org.ansatz.api.balance.Balancer;
import org.ansatz.api.balance.BalancerFactory;
import org.ansatz.api.sampler.AdaptiveSampler;
import org.ansatz.api.sampler.Resampler;
import org.ansatz.api.sampler.Sampler;
import org.ansatz.api.model.InputBounds;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.ansatz.api.solver.Solver;
import org.ansatz.api.run.Resumable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Physics-informed neural networks: a model from the registry trained on the problem's residuals
 * (Taylor mode) and conditions, Adam then L-BFGS. Writes history.csv, metrics.json, the model
 * (model.bin, little-endian float64, described by model.json) and prediction.csv to the run directory.
 */
@Component(service = Solver.class)
@AnsatzMethod(name = "pinn", description = "Physics-informed neural network: Taylor-mode residuals, Adam then L-BFGS")
public class PinnSolver implements Solver, Resumable {

    private final MethodRegistry registry;
    private final TensorEngine engine;

    @Activate
    public PinnSolver(@Reference MethodRegistry registry, @Reference TensorEngine engine) {
        this.registry = registry;
        this.engine = engine;
    }

    @Override
    public boolean supports(Problem problem) {
        return problem instanceof PdeProblem;
    }

    /** A restart draws everything from the run's seed plus this times the attempt number. */
    static final long RESTART_SEED_STRIDE = 1000;

    @Override
    public Solution solve(SolveRequest request, Progress progress) {
        return train(request, progress, null, 0, new java.util.ArrayList<>());
    }

    /**
     * Continues from {@code checkpoint.json}: parameters, optimizer, balancer and sampler state, loss
     * weights, collocation points, causal level and history are restored, so that the run ends with
     * the parameters an uninterrupted run would have reached.
     */
    @Override
    public Solution resume(SolveRequest request, Progress progress) {
        return train(request, progress, CheckpointFiles.read(request.runDirectory()), 0, new java.util.ArrayList<>());
    }

    /**
     * One attempt; {@code attempt > 0} is a restart (settings {@code restart.above}, {@code restart.max}):
     * the same settings with seed {@code seed + attempt * RESTART_SEED_STRIDE}, while spec.json keeps the
     * run's own seed, which reproduces the whole sequence.
     *
     * @param failed final losses of the earlier attempts, reported in metrics.json
     */
    private Solution train(SolveRequest original, Progress progress, CheckpointFiles.Saved saved, int attempt,
            List<Double> failed) {
        if (!(original.problem() instanceof PdeProblem problem)) {
            throw new IllegalArgumentException("the pinn solver needs a PDE problem");
        }
        SolveRequest request = attempt == 0 ? original : new SolveRequest(problem, original.settings(),
                original.seed() + attempt * RESTART_SEED_STRIDE, original.runDirectory());
        if (saved == null && attempt == 0) {
            Map<String, Object> spec = new LinkedHashMap<>(request.settings());
            spec.put("seed", request.seed());
            RunFiles.write(request.runDirectory().resolve("spec.json"), RunFiles.json(spec));
        }
        Options s = new Options(request.settings());
        s.string("solver", "pinn");
        String modelName = s.string("model", "mlp");
        String precision = s.string("dtype", "float32").toLowerCase(Locale.ROOT);
        // mixed: float32 until L-BFGS stalls at float32's resolution, then float64 for the rest of its budget.
        boolean mixed = precision.equals("mixed");
        DataType dtype = switch (precision) {
            case "float32", "f32", "mixed" -> DataType.FLOAT32;
            case "float64", "f64", "double" -> DataType.FLOAT64;
            default -> throw new IllegalArgumentException("setting dtype must be float32, float64 or mixed, got '"
                    + s.string("dtype", "") + "'");
        };
        boolean hard = switch (s.string("constraints", "soft")) {
            case "hard" -> true;
            case "soft" -> false;
            default -> throw new IllegalArgumentException("setting constraints must be hard or soft, got '"
                    + s.string("constraints", "") + "'");
        };
        int domain = s.integer("points.domain", 2000, 1);
        int boundary = s.integer("points.conditions", 200, 1);
        int refine = s.integer("points.refine", 0, 0);
        int candidates = s.integer("points.candidates", 100_000, 1);
        int adamSteps = s.integer("adam.steps", 2000, 0);
        double lr = s.real("adam.lr", 1e-3, 0);
        String scheduleKind = s.string("adam.schedule", "constant");
        double decay = s.real("adam.decay", 0.9, 0);
        int decaySteps = s.integer("adam.decay_steps", 1000, 1);
        int checkpointEvery = s.integer("checkpoint.every", 1000, 0);
        double stopLoss = s.real("stop.loss", 0, 0);
        double stopError = s.real("stop.error", 0, 0);
        int lbfgsIterations = s.integer("lbfgs.iterations", 1000, 0);
        int lbfgsHistory = s.integer("lbfgs.history", 50, 1);
        boolean lbfgsResample = flag(s, "lbfgs.resample");
        int every = s.integer("progress.every", 100, 1);
        boolean showError = flag(s, "progress.error");
        boolean fusedKernels = s.flag("fused", true);
        Map<String, Object> weightSettings = s.section("weight");
        Map<String, Object> modelOptions = s.section("model");
        String optimizerName = s.string("optimizer", "adam");
        Map<String, Object> optimizerOptions = s.section("optimizer");
        String balancerName = s.string("balance", null);
        Map<String, Object> balancerOptions = s.section("balance");
        String samplerName = s.string("sampler", null);
        Map<String, Object> samplerOptions = s.section("sampler");
        double restartAbove = s.real("restart.above", 0, 0);
        int restartMax = s.integer("restart.max", 2, 0);
        double[] epsilons = s.reals("causal.epsilon", null, 0);
        int bins = s.integer("causal.bins", 32, 2);
        double tolerance = s.real("causal.tolerance", 0.99, 0, 1);
        s.checkAllRead("solver pinn");
        if (mixed && epsilons != null) {
            throw new IllegalArgumentException("dtype=mixed does not combine with causal training (causal.epsilon); "
                    + "use float32 or float64");
        }
        if (balancerName == null && !balancerOptions.isEmpty()) {
            throw new IllegalArgumentException("settings " + balancerOptions.keySet() + " under balance. need a "
                    + "balancer: add balance=<name> (see methods balancer)");
        }
        if (samplerName == null && !samplerOptions.isEmpty()) {
            throw new IllegalArgumentException("settings " + samplerOptions.keySet() + " under sampler. need a "
                    + "sampler: add sampler=<name> (see methods sampler)");
        }
        // Plug-ins are looked up before any work, so that a missing one is reported at once.
        ModelFactory factory = registry.get(ModelFactory.class, modelName);
        OptimizerFactory firstOrder = registry.get(OptimizerFactory.class, optimizerName);
        OptimizerFactory lineSearch = lbfgsIterations > 0 ? registry.get(OptimizerFactory.class, "lbfgs") : null;
        BalancerFactory balancerFactory = balancerName == null ? null : registry.get(BalancerFactory.class,
                balancerName);
        Sampler sampler = samplerName == null ? null : registry.get(Sampler.class, samplerName);
        Resampler resampler = null;
        if (sampler instanceof AdaptiveSampler adaptive) {
            resampler = adaptive.create(samplerOptions);
        } else if (sampler != null && !samplerOptions.isEmpty()) {
            throw new IllegalArgumentException("sampler " + samplerName + " takes no options, got "
                    + samplerOptions.keySet());
        }
        if (lbfgsResample && resampler == null) {
            throw new IllegalArgumentException("lbfgs.resample=true redraws points during L-BFGS and needs an "
                    + "adaptive sampler: add sampler=rad (or rar, r3; see methods sampler)");
        }
        // The same resampler, continuing its own state, redraws points every sampler.every L-BFGS iterations.
        Resampler lbfgsResampler = lbfgsResample ? resampler : null;

        NDManager manager = engine.newManager();
        try {
            InputBounds bounds = new InputBounds(problem.domain().lower(), problem.domain().upper());
            java.util.function.Function<DataType, Model> build = type -> factory.create(new ModelSpec(
                    problem.inputs().size(), problem.outputs().size(), type, request.seed(), modelOptions, bounds,
                    problem.inputs()),
                    manager);
            Model model = build.apply(dtype);
            double[] initial = sampler == null ? null : problem.geometry().sampleInterior(domain, sampler,
                    new java.util.SplittableRandom(request.seed() + 4));
            PinnObjective objective = new PinnObjective(problem, model, manager, hard, domain, boundary, initial,
                    request.seed() + 1);
            objective.fused(fusedKernels);
            double[] weights = weights(weightSettings, objective.termNames());
            if (epsilons != null) {
                objective.causal(new Causal(problem.inputs().indexOf("t"), problem.inputs().size(),
                        problem.geometry().bounds(), bins, epsilons, tolerance, manager, dtype));
            }
            PinnTrainer trainer = new PinnTrainer(objective, manager, weights, request.seed() + 5);
            int dimension = objective.dimension();
            // Validates the options now rather than after the first stage.
            firstOrder.create(dimension, optimizerOptions);
            Map<String, Object> lbfgsOptions = Map.of("history", lbfgsHistory);
            if (lineSearch != null) {
                lineSearch.create(dimension, lbfgsOptions);
            }
            Balancer balancer = balancerFactory == null ? null : balancerFactory.create(objective.termNames(),
                    weights, balancerOptions);
            Path dir = request.runDirectory();
            Causal causal = objective.causal();
            trainer.configure(state -> CheckpointFiles.write(dir, state, trainer, objective, causal), checkpointEvery,
                    stopLoss);
            if (stopError > 0 || showError) {
                org.ansatz.api.problem.Reference ref = problem.reference().orElseThrow(() -> new IllegalArgumentException(
                        "settings stop.error and progress.error need a problem with a reference"));
                PointSet points = problem.evaluationPoints();
                double[] exact = ref.evaluate(points).values();
                java.util.function.DoubleSupplier error = () -> relativeL2(trainer.predict(points).values(), exact);
                if (stopError > 0) {
                    trainer.stopOnError(stopError, every, error);
                }
                if (showError) {
                    trainer.monitorError(error);
                }
            }
            PinnTrainer.Resume from = null;
            int firstStage = 0;
            if (saved != null) {
                from = saved.restore(trainer, objective, causal, balancer, resampler);
                firstStage = saved.stageIndex();
                progress.report(new org.ansatz.api.solver.ProgressUpdate("resume", saved.step(), -1,
                        Map.of("stage", (double) saved.stageIndex(), "loss", saved.loss())));
            }
            if (firstStage == 0) {
                trainer.run(new PinnTrainer.Stage(0, "adam", () -> firstOrder.create(dimension, optimizerOptions),
                        adamSteps, PinnTrainer.Schedule.of(scheduleKind, lr, decay, decaySteps, adamSteps), balancer,
                        resampler), every, progress, from);
                if (refine > 0 && !progress.cancelled()) {
                    // Between the stages: Adam has shaped the solution, L-BFGS polishes where it is worst.
                    double worst = trainer.refine(refine, candidates, request.seed() + 3);
                    progress.report(new org.ansatz.api.solver.ProgressUpdate("refine", refine, refine,
                            Map.of("points", (double) trainer.collocationPoints(), "max-residual", worst)));
                }
            }
            if (firstStage == 2) {
                // A checkpoint of the float64 stage of a mixed run: continue in float64.
                objective.promote(build.apply(DataType.FLOAT64));
            }
            long lbfgsDone = 0;
            boolean stalled = false;
            if (lineSearch != null && !progress.cancelled() && firstStage <= 1) {
                PinnTrainer.StageEnd end = trainer.run(new PinnTrainer.Stage(1, "lbfgs",
                        () -> lineSearch.create(dimension, lbfgsOptions), lbfgsIterations, step -> 1, null,
                        lbfgsResampler),
                        every, progress, firstStage == 1 ? from : null);
                lbfgsDone = end.steps();
                stalled = end.converged();
            } else if (firstStage == 2) {
                lbfgsDone = lastStep(trainer.history(), "lbfgs");
                stalled = true;
            }
            if (mixed && stalled && lbfgsDone < lbfgsIterations && !progress.cancelled()) {
                if (firstStage < 2) {
                    objective.promote(build.apply(DataType.FLOAT64));
                }
                trainer.run(new PinnTrainer.Stage(2, "lbfgs-f64", () -> lineSearch.create(dimension, lbfgsOptions),
                        (int) (lbfgsIterations - lbfgsDone), step -> 1, null, lbfgsResampler), every, progress,
                        firstStage == 2 ? from : null);
            }
            double finalLoss = finalLoss(trainer.history());
            // NaN (a loss that never recovered) counts as above; a run without steps has nothing to judge.
            if (restartAbove > 0 && !trainer.history().isEmpty() && !(finalLoss <= restartAbove)
                    && attempt < restartMax && !progress.cancelled()) {
                // A local minimum the loss shows (e.g. the flame's burning rate stuck far from its eigenvalue):
                // start again from another initialisation rather than report a failed run.
                progress.report(new org.ansatz.api.solver.ProgressUpdate("restart", attempt + 1, restartMax,
                        Map.of("loss", finalLoss, "seed", (double) (original.seed() + (attempt + 1)
                                * RESTART_SEED_STRIDE))));
                failed.add(finalLoss);
                manager.close();
                return train(original, progress, null, attempt + 1, failed);
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (!failed.isEmpty()) {
                metrics.put("restarts", (double) failed.size());
                for (int i = 0; i < failed.size(); i++) {
                    metrics.put("restart." + (i + 1) + ".loss-before", failed.get(i));
                }
            }
            // Which derivative path the loss's network outputs took: the model's fused kernel or tensor by tensor.
            metrics.put("evaluations.fused", (double) objective.fusedEvaluations());
            metrics.putAll(evaluate(problem, trainer, dir, request.seed()));
            RunFiles.write(dir.resolve("history.csv"), PinnTrainer.csv(trainer.history()));
            RunFiles.write(dir.resolve("metrics.json"), RunFiles.json(metrics));
            RunFiles.writeDoubles(dir.resolve("model.bin"), trainer.modelParameters());
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", "ansatz-model/1");
            manifest.put("model", modelName);
            modelOptions.forEach((k, v) -> manifest.put("option." + k, String.valueOf(v)));
            manifest.put("inputs", String.join(",", problem.inputs()));
            manifest.put("outputs", String.join(",", problem.outputs()));
            manifest.put("dtype", objective.dtype().toString());
            manifest.put("constraints", hard ? "hard" : "soft");
            manifest.put("bounds", bounds.toString());
            manifest.put("parameters", trainer.modelParameters().length);
            manifest.put("data", "model.bin: the flat parameter vector, little-endian float64");
            RunFiles.write(dir.resolve("model.json"), RunFiles.json(manifest));
            return new PinnSolution(trainer, manager, metrics);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The loss of the last history row; NaN without history. */
    private static double finalLoss(List<PinnTrainer.Row> history) {
        if (history.isEmpty()) {
            return Double.NaN;
        }
        Double loss = history.get(history.size() - 1).values().get("loss");
        return loss == null ? Double.NaN : loss;
    }

    /** The last recorded step of a stage, 0 when it has none. */
    private static long lastStep(List<PinnTrainer.Row> history, String stage) {
        long last = 0;
        for (PinnTrainer.Row r : history) {
            if (r.stage().equals(stage)) {
                last = r.step();
            }
        }
        return last;
    }

    private static double[] weights(Map<String, Object> settings, List<String> terms) {
        double[] w = new double[terms.size()];
        java.util.Arrays.fill(w, 1);
        settings.forEach((k, v) -> {
            int i = terms.indexOf(k);
            if (i < 0) {
                throw new IllegalArgumentException("setting weight." + k + " names no loss term; the terms are " + terms);
            }
            try {
                w[i] = Double.parseDouble(v.toString());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting weight." + k + " must be a number, got '" + v + "'");
            }
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("setting weight." + k + " must be a finite number >= 0, got '" + v
                        + "'");
            }
        });
        return w;
    }

    private static Map<String, Double> evaluate(PdeProblem problem, PinnTrainer trainer, Path dir, long seed) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Double> truth = problem.trueUnknowns();
        trainer.unknowns().forEach((k, v) -> {
            metrics.put("unknown." + k, v);
            Double t = truth.get(k);
            if (t != null) {
                metrics.put("unknown." + k + ".true", t);
                metrics.put("unknown." + k + ".rel-error", t == 0 ? Math.abs(v) : Math.abs(v - t) / Math.abs(t));
            }
        });
        PointSet points = problem.evaluationPoints();
        PointSet predicted = trainer.predict(points);
        metrics.put("residual-mean-abs", trainer.meanAbsResidual(10_000, seed + 2));
        org.ansatz.api.problem.Reference ref = problem.reference().orElse(null);
        StringBuilder csv = new StringBuilder(String.join(",", points.names()) + ","
                + String.join(",", problem.outputs()));
        if (ref != null) {
            PointSet exact = ref.evaluate(points);
            metrics.put("rel-l2", relativeL2(predicted.values(), exact.values()));
            metrics.put("max-abs", maxAbs(predicted.values(), exact.values()));
            List<String> outputs = problem.outputs();
            if (outputs.size() > 1) {
                // Systems: one output can fail while the joint norm, dominated by another, looks fine.
                for (int j = 0; j < outputs.size(); j++) {
                    metrics.put("rel-l2." + outputs.get(j), relativeL2(column(predicted, j), column(exact, j)));
                }
            }
            problem.outputs().forEach(o -> csv.append(',').append(o).append("_ref"));
            csv.append('\n');
            appendRows(csv, points, predicted, exact);
        } else {
            csv.append('\n');
            appendRows(csv, points, predicted, null);
        }
        RunFiles.write(dir.resolve("prediction.csv"), csv.toString());
        return metrics;
    }

    private static void appendRows(StringBuilder csv, PointSet x, PointSet u, PointSet ref) {
        for (int i = 0; i < x.size(); i++) {
            for (int j = 0; j < x.width(); j++) {
                csv.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6g", x.get(i, j)));
            }
            for (int j = 0; j < u.width(); j++) {
                csv.append(',').append(String.format(Locale.ROOT, "%.8e", u.get(i, j)));
            }
            if (ref != null) {
                for (int j = 0; j < ref.width(); j++) {
                    csv.append(',').append(String.format(Locale.ROOT, "%.8e", ref.get(i, j)));
                }
            }
            csv.append('\n');
        }
    }

    /** Rebuilds the trained network from model.json and model.bin. */
    @Override
    public Solution load(Problem problem, Path dir) {
        if (!(problem instanceof PdeProblem pde)) {
            throw new IllegalArgumentException("the pinn solver needs a PDE problem");
        }
        Map<String, String> manifest = readManifest(dir.resolve("model.json"));
        if (!"ansatz-model/1".equals(manifest.get("format"))) {
            throw new IllegalArgumentException(dir.resolve("model.json") + " is not an Ansatz model manifest");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        manifest.forEach((k, v) -> {
            if (k.startsWith("option.")) {
                options.put(k.substring("option.".length()), v);
            }
        });
        DataType dtype = "float64".equals(manifest.get("dtype")) ? DataType.FLOAT64 : DataType.FLOAT32;
        double[] params = readDoubles(dir.resolve("model.bin"));
        NDManager manager = engine.newManager();
        try {
            Model model = registry.get(ModelFactory.class, manifest.get("model")).create(
                    new ModelSpec(pde.inputs().size(), pde.outputs().size(), dtype, 0, options,
                            // Runs saved before the domain was handed to models have no bounds entry.
                            manifest.containsKey("bounds") ? InputBounds.parse("bounds in model.json", manifest.get(
                                    "bounds"), pde.inputs().size()) : null, pde.inputs()), manager);
            PinnObjective objective = new PinnObjective(pde, model, manager, "hard".equals(manifest.get("constraints")),
                    1, 1, null, 0);
            PinnTrainer trainer = new PinnTrainer(objective, manager, new double[objective.termNames().size()], 0);
            if (trainer.modelParameters().length != params.length) {
                throw new IllegalArgumentException("model.bin holds " + params.length + " parameters, the model "
                        + manifest.get("model") + " " + options + " has " + trainer.modelParameters().length);
            }
            double[] all = trainer.parameters();
            System.arraycopy(params, 0, all, 0, params.length);
            trainer.setParameters(all);
            return new PinnSolution(trainer, manager, Map.of());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    static Map<String, String> readManifest(Path file) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            // A JSON parser, not a pattern: a regular expression over the text overflowed the stack on
            // long option values and kept escapes raw.
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + " is not a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                : e.getValue().toString()));
        return out;
    }

    private static double[] readDoubles(Path file) {
        try {
            byte[] b = java.nio.file.Files.readAllBytes(file);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            double[] out = new double[b.length / 8];
            buf.asDoubleBuffer().get(out);
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static double[] column(PointSet set, int j) {
        double[] c = new double[set.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = set.get(i, j);
        }
        return c;
    }

    static double relativeL2(double[] p, double[] r) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < p.length; i++) {
            num += (p[i] - r[i]) * (p[i] - r[i]);
            den += r[i] * r[i];
        }
        return Math.sqrt(num / den);
    }

    static double maxAbs(double[] p, double[] r) {
        double m = 0;
        for (int i = 0; i < p.length; i++) {
            m = Math.max(m, Math.abs(p[i] - r[i]));
        }
        return m;
    }

    /** The trained network; closing it frees its tensors. */
    private record PinnSolution(PinnTrainer trainer, NDManager manager, Map<String, Double> metrics)
            implements Solution {

        @Override
        public PointSet predict(PointSet inputs) {
            return trainer.predict(inputs);
        }

        @Override
        public PointSet predict(PointSet inputs, List<String> derivatives) {
            return trainer.predict(inputs, derivatives);
        }

        @Override
        public void close() {
            manager.close();
        }
    }


    /** A true/false setting, false when absent; yes/no and 1/0 are accepted too. */
    private static boolean flag(Options s, String key) {
        return switch (s.string(key, "false").toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("setting " + key + " must be true or false, got '"
                    + s.string(key, "") + "'");
        };
    }
}
