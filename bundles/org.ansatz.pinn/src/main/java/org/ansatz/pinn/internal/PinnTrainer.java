package org.ansatz.pinn.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.ansatz.api.balance.Balance;
import org.ansatz.api.balance.Balancer;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.optim.Optimizer;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.model.TrainingAware;
import org.ansatz.api.sampler.Domain;
import org.ansatz.api.sampler.Population;
import org.ansatz.api.sampler.Resampled;
import org.ansatz.api.sampler.Resampler;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;

/**
 * Physics-informed training of one model on one PDE problem in stages (e.g. Adam, then L-BFGS):
 * optimizers, loss balancers and adaptive samplers come from plug-ins and meet here. Guards against
 * divergence, writes checkpoints, stops on targets. Free of OSGi types.
 */
final class PinnTrainer {

    /** One row of the loss history. */
    record Row(String stage, long step, double seconds, Map<String, Double> values) {
    }

    /**
     * How a stage ended: its last step, and whether the optimizer declared convergence before the
     * step budget (rather than running out, reaching a target or being cancelled).
     */
    record StageEnd(long steps, boolean converged) {
    }

    /** One training stage. */
    record Stage(int index, String name, Supplier<Optimizer> optimizer, int steps, Schedule schedule,
            Balancer balancer, Resampler resampler) {
    }

    private final PinnObjective objective;
    private final NDManager base;
    private final List<Row> history = new ArrayList<>();
    private long start = System.nanoTime();
    private final long seed;
    private double[] weights;

    PinnTrainer(PinnObjective objective, NDManager base, double[] initialWeights, long seed) {
        this.objective = objective;
        this.base = base;
        this.weights = initialWeights.clone();
        this.seed = seed;
    }

    PinnObjective objective() {
        return objective;
    }

    List<Row> history() {
        return history;
    }

    /** Number of collocation points (changes with refinement and adaptive samplers). */
    int collocationPoints() {
        return objective.domainPoints().length / objective.problem().inputs().size();
    }

    /** The loss weights reached (what line-search stages use). */
    double[] weights() {
        return weights.clone();
    }

    double[] modelParameters() {
        return objective.modelParameters();
    }

    double[] parameters() {
        return objective.parameters();
    }

    void setParameters(double[] p) {
        objective.setParameters(p);
    }

    Map<String, Double> unknowns() {
        return objective.unknowns();
    }

    private void record(String stage, long step, Map<String, Double> values, long total, Progress progress) {
        double seconds = (System.nanoTime() - start) / 1e9;
        history.add(new Row(stage, step, seconds, values));
        progress.report(new ProgressUpdate(stage, step, total, values));
    }

    /** Learning rate by step (1-based). */
    @FunctionalInterface
    interface Schedule {
        double rate(long step);

        static Schedule of(String kind, double lr, double decay, int decaySteps, int steps) {
            return switch (kind) {
                case "constant" -> step -> lr;
                case "exponential" -> step -> lr * Math.pow(decay, (double) step / decaySteps);
                case "cosine" -> step -> lr * 0.5 * (1 + Math.cos(Math.PI * Math.min(step, steps) / steps));
                default -> throw new IllegalArgumentException("setting adam.schedule must be constant, exponential or "
                        + "cosine, got '" + kind + "'");
            };
        }
    }

    /** Receives the training state every so many steps, to write a checkpoint. */
    @FunctionalInterface
    interface Checkpoints {
        void save(Checkpoint state);
    }

    private Checkpoints checkpoints = state -> { };
    private int checkpointEvery;
    private double stopLoss;
    private boolean reachedTarget;
    private String stopReason;

    private DoubleSupplier errorProbe;
    private double stopError;
    private int probeEvery = 100;

    /** Periodic checkpoints ({@code every} steps, 0 for none) and a target loss that ends training early. */
    void configure(Checkpoints sink, int every, double targetLoss) {
        this.checkpoints = sink;
        this.checkpointEvery = every;
        this.stopLoss = targetLoss;
    }

    /** Ends training once {@code probe} (an error against the reference), checked every few steps, is small enough. */
    private DoubleSupplier monitor;

    void stopOnError(double target, int every, DoubleSupplier probe) {
        this.stopError = target;
        this.probeEvery = every;
        this.errorProbe = probe;
    }

    /** Adds the error against the reference ({@code rel-l2}) to every progress row and history row. */
    void monitorError(DoubleSupplier probe) {
        this.monitor = probe;
    }

    boolean reachedTarget() {
        return reachedTarget;
    }

    /** Why training ended early ({@code loss}, {@code error}, {@code causality}), or null. */
    String stopReason() {
        return stopReason;
    }

    private void stop(String reason) {
        reachedTarget = true;
        stopReason = reason;
    }

    private boolean done(String stage, long step, double loss, double[] x) {
        if (loss <= stopLoss) {
            stop("loss");
        }
        if (errorProbe != null && stopError > 0 && step % probeEvery == 0) {
            objective.setParameters(x);
            if (errorProbe.getAsDouble() <= stopError) {
                stop("error");
            }
        }
        return reachedTarget;
    }

    /**
     * Where an interrupted stage continues: the state after {@code step} completed steps, as a
     * checkpoint saved it. {@code restore} puts the optimizer's saved state into the optimizer the
     * stage created afresh.
     */
    record Resume(long step, double[] x, double[] good, double scale, int rescues, int firstEvaluation,
            java.util.function.Consumer<Optimizer> restore) {
    }

    /** Everything a checkpoint needs to continue the current stage after {@code step}. */
    record Checkpoint(int stageIndex, String stage, long step, double loss, double[] x, double[] good, double scale,
            int rescues, int firstEvaluation, Optimizer optimizer, Balancer balancer, Resampler resampler) {
    }

    /**
     * Runs one stage from the current parameters. A non-finite loss restores the last good state and
     * halves the learning rate with a fresh optimizer, three times at most. Line-search stages keep
     * the loss weights fixed at those reached so far.
     *
     * @param from where an interrupted run of this stage continues, or null to start it
     */
    StageEnd run(Stage stage, int every, Progress progress, Resume from) {
        if (stage.steps() == 0 || reachedTarget) {
            return new StageEnd(0, false);
        }
        Optimizer optimizer = stage.optimizer().get();
        boolean frozen = optimizer.lineSearch() || stage.balancer() == null;
        double[] fixed = weights.clone();
        objective.balancer(frozen ? (s, t) -> Balance.weights(fixed) : stage.balancer());
        if (objective.causal() != null) {
            objective.causal().freeze(optimizer.lineSearch());
        }
        double[] x = objective.parameters();
        double[] good = x.clone();
        double scale = 1;
        int rescues = 0;
        int firstEvaluation = objective.evaluations();
        long first = 1;
        long last = 0;
        boolean ended = false;
        if (from != null) {
            x = from.x().clone();
            good = from.good().clone();
            scale = from.scale();
            rescues = from.rescues();
            firstEvaluation = from.firstEvaluation();
            first = from.step() + 1;
            objective.setParameters(x);
            from.restore().accept(optimizer);
        }
        long earlier = stepsBefore(stage.name());
        try {
            for (long step = first; step <= stage.steps(); step++) {
                last = step;
                objective.step(step);
                if (objective.model() instanceof TrainingAware aware && aware.beforeStep(earlier + step)) {
                    optimizer = stage.optimizer().get();
                }
                Resampler resampler = stage.resampler();
                boolean resample = resampler != null && step % resampler.every() == 0;
                if (resample) {
                    objective.captureResiduals();
                }
                double lr = scale * stage.schedule().rate(step);
                double[] before = x.clone();
                double loss = optimizer.step(x, objective, lr);
                if (!Double.isFinite(loss) || !allFinite(x)) {
                    if (++rescues > 3) {
                        throw new IllegalStateException("training diverged: loss " + loss + " at " + stage.name()
                                + " step " + step + " even after restoring the last good state and halving the "
                                + "learning rate three times; try a smaller adam.lr or other loss weights");
                    }
                    System.arraycopy(good, 0, x, 0, x.length);
                    objective.setParameters(x);
                    scale /= 2;
                    optimizer = stage.optimizer().get();
                    progress.report(new ProgressUpdate(stage.name(), step, stage.steps(), Map.of("diverged", loss,
                            "lr", scale * stage.schedule().rate(step))));
                    continue;
                }
                PinnObjective.Snapshot seen = objective.snapshot();
                if (!frozen && seen != null) {
                    weights = seen.weights();
                }
                if (resample && objective.capturedResiduals() != null) {
                    resample(resampler, before, stage.index(), step, progress, stage.name());
                    if (optimizer.lineSearch()) {
                        // New points are a new objective: L-BFGS's curvature pairs describe the old one.
                        optimizer = stage.optimizer().get();
                    }
                }
                Causal causal = objective.causal();
                boolean causalDone = causal != null && !optimizer.lineSearch() && causal.advance();
                boolean stop = done(stage.name(), step, loss, x);
                if (causalDone && !stop) {
                    stop("causality");
                    stop = true;
                }
                boolean converged = optimizer.converged();
                if (step % every == 0 || step == stage.steps() || stop || converged) {
                    good = x.clone();
                    Map<String, Double> v = new LinkedHashMap<>();
                    v.put("loss", loss);
                    if (seen != null) {
                        for (int k = 0; k < seen.losses().length; k++) {
                            v.put(objective.termNames().get(k), seen.losses()[k]);
                        }
                        if (!frozen) {
                            for (int k = 0; k < seen.weights().length; k++) {
                                v.put("w." + objective.termNames().get(k), seen.weights()[k]);
                            }
                        }
                    }
                    objective.unknowns().forEach(v::put);
                    if (monitor != null) {
                        // A line search leaves the model at its last trial point, not at the accepted one.
                        objective.setParameters(x);
                        v.put("rel-l2", monitor.getAsDouble());
                    }
                    if (optimizer.lineSearch()) {
                        v.put("evals", (double) (objective.evaluations() - firstEvaluation));
                    } else {
                        v.put("lr", lr);
                    }
                    if (causal != null) {
                        v.put("causal-eps", causal.epsilon());
                        v.put("causal-min-w", causal.minWeight());
                    }
                    if (stage.resampler() != null) {
                        v.put("points", (double) collocationPoints());
                    }
                    record(stage.name(), step, v, stage.steps(), progress);
                }
                if (stop || converged) {
                    ended = converged && !stop;
                    break;
                }
                // After the step is complete (history row included), so that a resumed run repeats
                // nothing and skips nothing. Not when the stage ends here: the run then finishes.
                // A cancelled run (Ctrl-C, a removed plug-in) also gets a checkpoint here, so that
                // resuming it loses nothing.
                boolean cancelled = progress.cancelled();
                if (checkpointEvery > 0 && (step % checkpointEvery == 0 || cancelled)) {
                    checkpoints.save(new Checkpoint(stage.index(), stage.name(), step, loss, x.clone(), good.clone(),
                            scale, rescues, firstEvaluation, optimizer, stage.balancer(), stage.resampler()));
                }
                if (cancelled) {
                    break;
                }
            }
        } catch (RuntimeException | Error e) {
            // Leave the last iterate in place, but never let a failure to do so hide why training failed.
            try {
                objective.setParameters(x);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        objective.setParameters(x);
        return new StageEnd(last, ended);
    }

    /**
     * Steps taken by the run's earlier stages: each stage's last step is always a history row, so a
     * resumed run counts the same as an uninterrupted one.
     */
    private long stepsBefore(String stage) {
        Map<String, Long> last = new LinkedHashMap<>();
        for (Row r : history) {
            if (!r.stage().equals(stage)) {
                last.merge(r.stage(), r.step(), Math::max);
            }
        }
        return last.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Seconds of training so far, including earlier parts of a resumed run. */
    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Continues a resumed run's clock, history and loss weights. */
    void restore(double seconds, List<Row> rows, double[] lossWeights) {
        start = System.nanoTime() - (long) (seconds * 1e9);
        history.clear();
        history.addAll(rows);
        weights = lossWeights.clone();
    }

    private void resample(Resampler resampler, double[] at, int stageIndex, long step, Progress progress,
            String stage) {
        // A generator per resampling, derived from the seed, stage and step: a resumed run draws the
        // same points without the state of a long-lived generator.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stageIndex * 0xC2B2AE3D27D4EB4FL
                + step);
        int d = objective.problem().inputs().size();
        Population population = new Population(d, objective.domainPoints(), objective.capturedResiduals(), step);
        Domain domain = new Domain() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public double[] sample(int count, SplittableRandom r) {
                return objective.problem().geometry().sampleInterior(count, r);
            }

            @Override
            public int timeAxis() {
                return objective.problem().inputs().indexOf("t");
            }

            @Override
            public double[] bounds() {
                return objective.problem().geometry().bounds();
            }
        };
        Resampled next = resampler.resample(population, domain, random);
        if (next.points().length == 0 || next.points().length % d != 0) {
            throw new IllegalStateException("the adaptive sampler returned " + next.points().length
                    + " coordinates, not a positive multiple of the dimension " + d);
        }
        objective.domainPoints(next.points(), next.weights());
    }

    private static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The trained solution at arbitrary points, in batches. */
    PointSet predict(PointSet in) {
        return predict(in, List.of());
    }

    /**
     * Outputs and named derivatives ({@code u_x}, {@code v_tt}, ...) at arbitrary points, in batches.
     * Columns: the outputs, then the derivatives in the order given.
     */
    PointSet predict(PointSet in, List<String> derivativeNames) {
        var problem = objective.problem();
        int d = problem.inputs().size();
        List<String> outputs = problem.outputs();
        List<MultiIndex> indices = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (String name : derivativeNames) {
            int us = name.indexOf('_');
            int o = us > 0 ? outputs.indexOf(name.substring(0, us)) : -1;
            if (o < 0) {
                throw new IllegalArgumentException("'" + name + "' is not a derivative of an output " + outputs
                        + "; write e.g. " + outputs.get(0) + "_" + problem.inputs().get(d - 1));
            }
            indices.add(MultiIndex.parse(name.substring(us + 1), problem.inputs()));
            columns.add(o);
        }
        if (in.width() != d) {
            throw new IllegalArgumentException("shape mismatch: points have " + in.width() + " columns " + in.names()
                    + ", the problem has inputs " + problem.inputs());
        }
        DerivativePlan p = DerivativePlan.of(d, indices);
        int w = outputs.size() + indices.size();
        int n = in.size();
        double[] out = new double[n * w];
        int batch = 8192;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            double[] pts = Arrays.copyOfRange(in.values(), from * d, to * d);
            try (NDManager m = base.newSubManager();
                    GradientCollector gc = objective.needsRecording() && p.size() > 1 ? base.getEngine().newGradientCollector()
                            : null) {
                Jet u = objective.output(Jet.input(objective.points(m, pts), p));
                double[] value = Tensors.toDoubles(u.value());
                double[][] derivs = new double[indices.size()][];
                for (int k = 0; k < indices.size(); k++) {
                    derivs[k] = Tensors.toDoubles(u.stream(indices.get(k), columns.get(k)));
                }
                for (int i = 0; i < to - from; i++) {
                    int row = (from + i) * w;
                    System.arraycopy(value, i * outputs.size(), out, row, outputs.size());
                    for (int k = 0; k < derivs.length; k++) {
                        out[row + outputs.size() + k] = derivs[k][i];
                    }
                }
            }
        }
        List<String> names = new ArrayList<>(outputs);
        names.addAll(derivativeNames);
        return new PointSet(names, out);
    }

    /**
     * Residual-based refinement (RAR, Lu et al. 2021): evaluates the residual at {@code candidates}
     * fresh random points and adds the {@code count} worst to the collocation points.
     *
     * @return the largest |residual| among the added points
     */
    double refine(int count, int candidates, long seed) {
        if (count <= 0) {
            return 0;
        }
        int d = objective.problem().inputs().size();
        double[] p = objective.problem().geometry().sampleInterior(candidates, new SplittableRandom(seed));
        double[] r = new double[candidates];
        int batch = 8192;
        for (int from = 0; from < candidates; from += batch) {
            int to = Math.min(candidates, from + batch);
            double[] pts = Arrays.copyOfRange(p, from * d, to * d);
            try (NDManager m = base.newSubManager();
                    GradientCollector gc = objective.needsRecording() ? base.getEngine().newGradientCollector() : null) {
                NDArray res = objective.residual(m, objective.points(m, pts)).abs();
                double[] v = Tensors.toDoubles(res.max(new int[] {1}));
                System.arraycopy(v, 0, r, from, v.length);
            }
        }
        Integer[] order = new Integer[candidates];
        for (int i = 0; i < candidates; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(r[b], r[a]));
        int k = Math.min(count, candidates);
        double[] current = objective.domainPoints();
        double[] grown = Arrays.copyOf(current, current.length + k * d);
        for (int i = 0; i < k; i++) {
            System.arraycopy(p, order[i] * d, grown, current.length + i * d, d);
        }
        objective.domainPoints(grown, null);
        return r[order[0]];
    }

    /** Mean |residual| over fresh random points. */
    double meanAbsResidual(int count, long seed) {
        double[] p = objective.problem().geometry().sampleInterior(count, new SplittableRandom(seed));
        try (NDManager m = base.newSubManager()) {
            NDArray x = objective.points(m, p);
            NDArray r;
            if (objective.needsRecording()) {
                try (GradientCollector gc = base.getEngine().newGradientCollector()) {
                    r = objective.residual(m, x).duplicate();
                }
            } else {
                r = objective.residual(m, x);
            }
            return r.abs().mean().toType(DataType.FLOAT64, false)
                    .getDouble();
        }
    }

    static String csv(List<Row> rows) {
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.values().keySet()));
        StringBuilder b = new StringBuilder("stage,step,seconds");
        columns.forEach(c -> b.append(',').append(c));
        b.append('\n');
        for (Row r : rows) {
            b.append(r.stage()).append(',').append(r.step()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.seconds()));
            for (String c : columns) {
                Double v = r.values().get(c);
                b.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.8e", v));
            }
            b.append('\n');
        }
        return b.toString();
    }


}
