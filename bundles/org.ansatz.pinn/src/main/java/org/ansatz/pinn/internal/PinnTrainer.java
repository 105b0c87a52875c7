package org.ansatz.pinn.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.JetModel;
import org.ansatz.api.derivative.ReverseModeDerivatives;

import org.ansatz.api.engine.Tensors;
import org.ansatz.api.model.Model;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.pde.PdeProblem.OutputTransform;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;

/**
 * Physics-informed training of one model on one PDE problem: Taylor-mode residuals, Adam, then
 * L-BFGS, with a divergence guard. Free of OSGi types.
 */
final class PinnTrainer {

    /** One row of the loss history. */
    record Row(String stage, long step, double seconds, Map<String, Double> values) {
    }

    private final PdeProblem problem;
    private final Model model;
    private final JetModel jets;
    private final NDManager base;
    private final DataType dtype;
    private final DerivativePlan plan;
    private final OutputTransform transform;
    private final List<Condition> conditions;
    private final List<DerivativePlan> conditionPlans = new ArrayList<>();
    private double[] domainPoints;
    private final List<double[]> conditionPoints = new ArrayList<>();
    private final double[] weights;
    private final List<Row> history = new ArrayList<>();
    private final List<String> unknownNames;
    private final NDArray unknowns;
    private final long start = System.nanoTime();

    PinnTrainer(PdeProblem problem, Model model, NDManager base, boolean hard, int domainCount, int conditionCount,
            Map<String, Double> termWeights, long seed) {
        this.problem = problem;
        this.model = model;
        // Models without Taylor-mode rules are differentiated by nested reverse mode (slower).
        this.jets = model instanceof JetModel j ? j : null;
        this.base = base;
        this.dtype = model.spec().dtype();
        this.plan = DerivativePlan.of(problem.inputs().size(), problem.derivatives());
        this.transform = hard ? problem.hardConstraints().orElseThrow(() -> new IllegalArgumentException(
                "problem offers no hard constraints; use constraints=soft")) : null;
        this.conditions = problem.conditions(hard);
        SplittableRandom random = new SplittableRandom(seed);
        this.domainPoints = problem.geometry().sampleInterior(domainCount, random);
        List<String> names = new ArrayList<>(List.of("pde"));
        for (Condition c : conditions) {
            conditionPoints.add(c.sample(conditionCount, random));
            conditionPlans.add(DerivativePlan.of(problem.inputs().size(), c.derivatives()));
            names.add(c.name());
        }
        this.unknownNames = new ArrayList<>(problem.unknowns().keySet());
        if (unknownNames.isEmpty()) {
            this.unknowns = null;
        } else {
            double[] init = unknownNames.stream().mapToDouble(n -> problem.unknowns().get(n)).toArray();
            NDArray u = base.create(init);
            this.unknowns = dtype == DataType.FLOAT64 ? u : u.toType(dtype, false);
            this.unknowns.setRequiresGradient(true);
        }
        this.weights = new double[names.size()];
        for (int i = 0; i < names.size(); i++) {
            weights[i] = termWeights.getOrDefault(names.get(i), 1.0);
        }
    }

    List<Row> history() {
        return history;
    }

    /** Number of collocation points (grows with {@link #refine}). */
    int collocationPoints() {
        return domainPoints.length / problem.inputs().size();
    }

    private NDArray points(NDManager m, double[] p) {
        int d = problem.inputs().size();
        NDArray x = m.create(p, new Shape(p.length / d, d));
        return dtype == DataType.FLOAT64 ? x : x.toType(dtype, false);
    }

    /** The weighted loss and its terms at the current parameters, recorded for autograd. */
    private NDArray loss(NDManager m, Map<String, NDArray> terms) {
        NDArray x = points(m, domainPoints);
        Jet in = Jet.input(x, plan);
        Jet u = output(in);
        NDArray pde = problem.residual(u, x, unknownValues(m)).square().mean();
        terms.put("pde", pde);
        NDArray total = pde.mul(Tensors.scalar(pde, weights[0]));
        for (int i = 0; i < conditions.size(); i++) {
            NDArray xc = points(m, conditionPoints.get(i));
            Jet inC = Jet.input(xc, conditionPlans.get(i));
            NDArray term = conditions.get(i).residual(output(inC), xc).square().mean();
            terms.put(conditions.get(i).name(), term);
            total = total.add(term.mul(Tensors.scalar(term, weights[i + 1])));
        }
        return total;
    }

    private Map<String, NDArray> unknownValues(NDManager m) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < unknownNames.size(); i++) {
            NDArray v = unknowns.get(i);
            v.attach(m);
            out.put(unknownNames.get(i), v);
        }
        return out;
    }

    /** Current values of the problem's unknowns. */
    Map<String, Double> unknowns() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (unknowns != null) {
            double[] v = unknowns.toType(DataType.FLOAT64, false).toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                out.put(unknownNames.get(i), v[i]);
            }
        }
        return out;
    }

    private Jet network(Jet in) {
        if (jets != null) {
            return jets.forward(in);
        }
        return in.with(ReverseModeDerivatives.compute(model::forward, in.value(), in.plan()));
    }

    private Jet output(Jet in) {
        Jet net = network(in);
        return transform == null ? net : transform.apply(net, in);
    }

    private NDArray flat() {
        return model.parameters().singletonOrThrow();
    }

    /** Loss terms and fresh gradients on the flat parameters. */
    private Map<String, Double> evaluate() {
        Map<String, Double> values = new LinkedHashMap<>();
        try (NDManager m = base.newSubManager()) {
            Map<String, NDArray> terms = new LinkedHashMap<>();
            try (GradientCollector gc = base.getEngine().newGradientCollector()) {
                NDArray total = loss(m, terms);
                // Zeroed after the forward pass: nested reverse mode (models without jet rules) runs
                // backward passes for input derivatives that also add to the weights' gradients.
                JniUtils.zeroGrad((PtNDArray) flat());
                if (unknowns != null) {
                    JniUtils.zeroGrad((PtNDArray) unknowns);
                }
                gc.backward(total);
                values.put("loss", total.toType(DataType.FLOAT64, false).getDouble());
            }
            terms.forEach((k, v) -> values.put(k, v.toType(DataType.FLOAT64, false).getDouble()));
        }
        unknowns().forEach(values::put);
        return values;
    }

    /** The model's parameters only (what model.bin holds). */
    double[] modelParameters() {
        return flat().toType(DataType.FLOAT64, false).toDoubleArray();
    }

    /** Everything optimised: the model's parameters, then the unknowns. */
    double[] parameters() {
        double[] m = modelParameters();
        if (unknowns == null) {
            return m;
        }
        double[] u = unknowns.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] out = java.util.Arrays.copyOf(m, m.length + u.length);
        System.arraycopy(u, 0, out, m.length, u.length);
        return out;
    }

    void setParameters(double[] p) {
        int n = (int) flat().size();
        assign(flat(), java.util.Arrays.copyOf(p, n));
        if (unknowns != null) {
            assign(unknowns, java.util.Arrays.copyOfRange(p, n, p.length));
        }
    }

    /**
     * An indexed assignment rather than NDArray.set(buffer), whose native path goes through a
     * deprecated libtorch dispatch mode and prints a warning about silent wrong results.
     */
    private void assign(NDArray target, double[] values) {
        try (NDManager m = base.newSubManager()) {
            NDArray v = m.create(values);
            target.set(new ai.djl.ndarray.index.NDIndex(":"), dtype == DataType.FLOAT64 ? v : v.toType(dtype, false));
        }
    }

    private double[] gradient() {
        double[] out = gradientOf(flat());
        if (unknowns == null) {
            return out;
        }
        double[] u = gradientOf(unknowns);
        double[] all = java.util.Arrays.copyOf(out, out.length + u.length);
        System.arraycopy(u, 0, all, out.length, u.length);
        return all;
    }

    private static double[] gradientOf(NDArray leaf) {
        NDArray g = leaf.getGradient();
        try {
            return g.toType(DataType.FLOAT64, false).toDoubleArray();
        } finally {
            g.close();
        }
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

    /** Receives the parameters every so many steps, to write a checkpoint. */
    @FunctionalInterface
    interface Checkpoints {
        void save(String stage, long step, double loss, double[] parameters);
    }

    private Checkpoints checkpoints = (stage, step, loss, p) -> { };
    private int checkpointEvery;
    private double stopLoss;
    private boolean reachedTarget;

    private java.util.function.DoubleSupplier errorProbe;
    private double stopError;
    private int probeEvery = 100;

    /** Periodic checkpoints ({@code every} steps, 0 for none) and a target loss that ends training early. */
    void configure(Checkpoints sink, int every, double targetLoss) {
        this.checkpoints = sink;
        this.checkpointEvery = every;
        this.stopLoss = targetLoss;
    }

    /** Ends training once {@code probe} (an error against the reference), checked every few steps, is small enough. */
    void stopOnError(double target, int every, java.util.function.DoubleSupplier probe) {
        this.stopError = target;
        this.probeEvery = every;
        this.errorProbe = probe;
    }

    boolean reachedTarget() {
        return reachedTarget;
    }

    private boolean done(String stage, long step, double loss) {
        if (checkpointEvery > 0 && step % checkpointEvery == 0) {
            checkpoints.save(stage, step, loss, parameters());
        }
        if (loss <= stopLoss) {
            reachedTarget = true;
        }
        if (errorProbe != null && stopError > 0 && step % probeEvery == 0 && errorProbe.getAsDouble() <= stopError) {
            reachedTarget = true;
        }
        return reachedTarget;
    }

    /**
     * Adam for {@code steps} steps with a learning-rate schedule; NaN or Inf restores the last good state
     * and halves the rate, three times at most.
     */
    void adam(int steps, Schedule schedule, int every, Progress progress) {
        if (steps == 0 || reachedTarget) {
            return;
        }
        double scale = 1;
        NDArray flat = flat();
        double[] good = parameters();
        int rescues = 0;
        try (Adam adam = new Adam(flat, schedule.rate(1), 0.9, 0.999, 1e-8);
                Adam adamUnknowns = unknowns == null ? null : new Adam(unknowns, schedule.rate(1), 0.9, 0.999, 1e-8)) {
            for (int step = 1; step <= steps; step++) {
                adam.learningRate(scale * schedule.rate(step));
                if (adamUnknowns != null) {
                    adamUnknowns.learningRate(scale * schedule.rate(step));
                }
                Map<String, Double> v = evaluate();
                if (!Double.isFinite(v.get("loss"))) {
                    if (++rescues > 3) {
                        throw new IllegalStateException("training diverged: loss " + v.get("loss") + " at Adam step "
                                + step + " even after restoring the last good state and halving the learning rate "
                                + "three times; try a smaller adam.lr");
                    }
                    setParameters(good);
                    scale /= 2;
                    adam.learningRate(scale * schedule.rate(step));
                    progress.report(new ProgressUpdate("adam", step, steps, Map.of("diverged", v.get("loss"),
                            "lr", adam.learningRate())));
                    continue;
                }
                adam.step(flat.getGradient());
                if (adamUnknowns != null) {
                    adamUnknowns.step(unknowns.getGradient());
                }
                boolean stop = done("adam", step, v.get("loss"));
                if (step % every == 0 || step == steps || stop) {
                    good = parameters();
                    v.put("lr", adam.learningRate());
                    record("adam", step, v, steps, progress);
                }
                if (stop || progress.cancelled()) {
                    return;
                }
            }
        }
    }

    /** L-BFGS until {@code iterations}, a tiny gradient, or no more progress. */
    void lbfgs(int iterations, int historySize, int every, Progress progress) {
        if (iterations == 0 || reachedTarget) {
            return;
        }
        double[] x = parameters();
        double[] start = x.clone();
        double[] startLoss = {Double.NaN};
        Map<String, Double>[] last = new Map[1];
        Lbfgs.Function f = (p, g) -> {
            setParameters(p);
            Map<String, Double> v = evaluate();
            System.arraycopy(gradient(), 0, g, 0, g.length);
            last[0] = v;
            if (Double.isNaN(startLoss[0])) {
                startLoss[0] = v.get("loss");
            }
            double loss = v.get("loss");
            return Double.isFinite(loss) ? loss : Double.MAX_VALUE;
        };
        // A stop before the budget (a failed line search in float32 noise) restarts with fresh curvature
        // pairs; two restarts in a row that gain nothing end the stage.
        int[] done = {0};
        double end = Double.NaN;
        int fruitless = 0;
        while (done[0] < iterations && fruitless < 2 && !reachedTarget && !progress.cancelled()) {
            int offset = done[0];
            double before = Double.isNaN(end) ? Double.POSITIVE_INFINITY : end;
            end = new Lbfgs(historySize).minimize(f, x, iterations - offset, 0, (k, loss, evals) -> {
                done[0] = offset + k;
                boolean stop = done("lbfgs", done[0], loss);
                if (done[0] % every == 0 || done[0] == iterations || stop) {
                    Map<String, Double> v = new LinkedHashMap<>(last[0]);
                    v.put("evals", (double) evals);
                    record("lbfgs", done[0], v, iterations, progress);
                }
                return !stop && !progress.cancelled();
            });
            fruitless = end < before * (1 - 1e-4) && done[0] > offset ? 0 : fruitless + 1;
        }
        if (!(end <= startLoss[0])) {
            setParameters(start);
            progress.report(new ProgressUpdate("lbfgs", 0, iterations, Map.of("restored", startLoss[0])));
        } else {
            setParameters(x);
        }
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
        int d = problem.inputs().size();
        List<String> outputs = problem.outputs();
        List<org.ansatz.api.derivative.MultiIndex> indices = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (String name : derivativeNames) {
            int us = name.indexOf('_');
            int o = us > 0 ? outputs.indexOf(name.substring(0, us)) : -1;
            if (o < 0) {
                throw new IllegalArgumentException("'" + name + "' is not a derivative of an output " + outputs
                        + "; write e.g. " + outputs.get(0) + "_" + problem.inputs().get(d - 1));
            }
            indices.add(org.ansatz.api.derivative.MultiIndex.parse(name.substring(us + 1), problem.inputs()));
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
            double[] pts = java.util.Arrays.copyOfRange(in.values(), from * d, to * d);
            try (NDManager m = base.newSubManager();
                    GradientCollector gc = jets == null && p.size() > 1 ? base.getEngine().newGradientCollector() : null) {
                Jet u = output(Jet.input(points(m, pts), p));
                double[] value = u.value().toType(DataType.FLOAT64, false).toDoubleArray();
                double[][] derivs = new double[indices.size()][];
                for (int k = 0; k < indices.size(); k++) {
                    derivs[k] = u.stream(indices.get(k), columns.get(k)).toType(DataType.FLOAT64, false).toDoubleArray();
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
        int d = problem.inputs().size();
        double[] p = problem.geometry().sampleInterior(candidates, new SplittableRandom(seed));
        double[] r = new double[candidates];
        int batch = 8192;
        for (int from = 0; from < candidates; from += batch) {
            int to = Math.min(candidates, from + batch);
            double[] pts = java.util.Arrays.copyOfRange(p, from * d, to * d);
            try (NDManager m = base.newSubManager();
                    GradientCollector gc = jets == null ? base.getEngine().newGradientCollector() : null) {
                NDArray x = points(m, pts);
                NDArray res = problem.residual(output(Jet.input(x, plan)), x, unknownValues(m)).abs();
                double[] v = res.max(new int[] {1}).toType(DataType.FLOAT64, false).toDoubleArray();
                System.arraycopy(v, 0, r, from, v.length);
            }
        }
        Integer[] order = new Integer[candidates];
        for (int i = 0; i < candidates; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(r[b], r[a]));
        int k = Math.min(count, candidates);
        double[] grown = java.util.Arrays.copyOf(domainPoints, domainPoints.length + k * d);
        for (int i = 0; i < k; i++) {
            System.arraycopy(p, order[i] * d, grown, domainPoints.length + i * d, d);
        }
        domainPoints = grown;
        return r[order[0]];
    }

    /** Mean |residual| over fresh random points. */
    double meanAbsResidual(int count, long seed) {
        double[] p = problem.geometry().sampleInterior(count, new SplittableRandom(seed));
        try (NDManager m = base.newSubManager()) {
            NDArray x = points(m, p);
            NDArray r;
            if (jets == null) {
                try (GradientCollector gc = base.getEngine().newGradientCollector()) {
                    r = problem.residual(output(Jet.input(x, plan)), x, unknownValues(m)).duplicate();
                }
            } else {
                r = problem.residual(output(Jet.input(x, plan)), x, unknownValues(m));
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
