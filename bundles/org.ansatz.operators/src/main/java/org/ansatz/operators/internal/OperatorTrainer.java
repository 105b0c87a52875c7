package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;
import org.ansatz.datasets.FunctionDataset;

/**
 * Trains a neural operator on a function dataset: mini-batches of functions, Adam with a step
 * learning-rate schedule, the relative L2 error as the data loss (as in the FNO paper), optionally an
 * equation residual (PINO: Darcy's finite-volume residual on FNO's output grid; PI-DeepONet: the
 * PDE residual of the DeepONet in (x, t) by Taylor-mode jets of the trunk, plus the initial
 * condition). Held-out functions are evaluated during training, at the end also at the dataset's full
 * resolution when training used a coarser grid, and the prediction time per function is measured
 * beside the dataset's reference solver. Everything is written atomically to the run directory.
 */
final class OperatorTrainer {

    private final Supplier<NDManager> managers;

    /** @param managers new root managers from the tensor engine (one per run) */
    OperatorTrainer(Supplier<NDManager> managers) {
        this.managers = managers;
    }

    /** The dataset's functions as flat arrays, at the dataset and the training resolution. */
    private record Split(double[] a, double[] u, int count) {
    }

    /**
     * @param datasetName    the dataset provider's name, recorded so that predictions can reopen the data
     * @param datasetOptions the options it was opened with
     * @return the final metrics
     */
    Map<String, Double> train(FunctionDataset data, String datasetName, Map<String, ?> datasetOptions,
            Map<String, ?> settings, long seed, Path dir, Progress progress) {
        int dims = data.grid().size();
        if (dims < 1 || dims > 2) {
            throw new IllegalArgumentException("operators learn functions on 1D or 2D grids; the dataset has " + dims
                    + " axes");
        }
        TrainSettings s = TrainSettings.parse(settings, dims);
        int n = (int) data.size();
        if (s.train() + s.test() > n) {
            throw new IllegalArgumentException("the dataset has " + n + " functions, fewer than train + test = "
                    + s.train() + " + " + s.test() + "; generate more (dataset.n) or lower train/test");
        }
        boolean periodic = data.periodic();
        int[] full = data.sampleShape();
        int[] coarse = new int[dims];
        for (int i = 0; i < dims; i++) {
            Grids.checkStride(full[i], s.sub(), periodic);
            coarse[i] = Grids.coarsen(full[i], s.sub(), periodic);
        }
        String equation = data.equation();
        Physics physics = Physics.of(s, equation, dims, data.parameters());
        Split train = split(data, 0, s.train(), full, s.sub(), periodic);
        Split testFull = split(data, n - s.test(), s.test(), full, 1, periodic);
        Split testCoarse = s.sub() == 1 ? testFull : split(data, n - s.test(), s.test(), full, s.sub(), periodic);
        double[] inStats = s.normalize().equals("gaussian") ? stats(train.a()) : new double[] {0, 1};
        double[] outStats = s.normalize().equals("gaussian") ? stats(train.u()) : new double[] {0, 1};
        Nets.Blueprint blueprint = new Nets.Blueprint(s.model(), s.modelOptions(), coarse, periodic,
                physics.time(), seed, s.float64());
        DataType type = s.float64() ? DataType.FLOAT64 : DataType.FLOAT32;
        RunFiles files = new RunFiles(dir);
        try (NDManager root = managers.get(); Net net = Nets.build(blueprint, root)) {
            Scaling scaling = new Scaling(root, inStats, outStats, type, physics.mask() ? coarse : null);
            NDArray aTrain = tensor(root, train.a(), train.count(), coarse, type);
            NDArray uTrain = tensor(root, train.u(), train.count(), coarse, type);
            NDArray aTrainScaled = scaling.encode(aTrain);
            Adam adam = new Adam(net.flat().flat(), 0.9, 0.999, 1e-8, s.weightDecay());
            int start = 0;
            List<String> history = new ArrayList<>();
            history.add("epoch,loss,data,physics,test_rel_l2,lr,seconds");
            double seconds = 0;
            if (s.resume() && !Files.isRegularFile(files.checkpoint())) {
                throw new IllegalArgumentException("resume=true but " + dir.toAbsolutePath()
                        + " holds no checkpoint.npz to resume from");
            }
            if (s.init() != null && !s.resume()) {
                Path from = Path.of(s.init()).resolve("model.npz");
                if (!Files.isRegularFile(from)) {
                    throw new IllegalArgumentException("init=" + s.init() + " holds no model.npz to start from");
                }
                double[] w = org.ansatz.api.run.NumpyFiles.readNpz(from).get("params").doubles();
                if (w.length != net.flat().size()) {
                    throw new IllegalArgumentException("shape mismatch: init=" + s.init() + " has " + w.length
                            + " parameters, this model " + net.flat().size() + " (the architectures differ)");
                }
                net.flat().set(w);
            }
            if (s.resume()) {
                RunFiles.Checkpoint c = files.readCheckpoint();
                net.flat().set(c.params());
                adam.restore(c.m(), c.v(), c.steps());
                start = c.epoch();
                history = new ArrayList<>(c.history());
                seconds = c.seconds();
                progress.report(new ProgressUpdate("resume", start, s.epochs(), Map.of()));
            }
            files.writeSpec(datasetName, datasetOptions, data, s, settings, blueprint, seed, inStats, outStats, physics);
            double testError = Double.NaN;
            double lastLoss = Double.NaN;
            int epoch = start;
            boolean cancelled = false;
            for (; epoch < s.epochs() && !cancelled; epoch++) {
                long t0 = System.nanoTime();
                double lr = s.lr() * Math.pow(s.lrGamma(), epoch / s.lrStep());
                int[] order = shuffled(s.train(), new Random(seed * 1_000_003L + epoch));
                double sumLoss = 0, sumData = 0, sumPhysics = 0;
                int batches = 0;
                for (int from = 0; from < s.train(); from += s.batch()) {
                    long[] idx = new long[Math.min(s.batch(), s.train() - from)];
                    for (int i = 0; i < idx.length; i++) {
                        idx[i] = order[from + i];
                    }
                    try (NDManager step = root.newSubManager()) {
                        NDArray index = step.create(idx);
                        // Results belong to their first operand's manager: gathered from the run's
                        // tensors they would (with everything computed from them) live as long as the run.
                        NDArray a = aTrainScaled.get(index);
                        NDArray aRaw = aTrain.get(index);
                        NDArray u = uTrain.get(index);
                        a.attach(step);
                        aRaw.attach(step);
                        u.attach(step);
                        double[] parts = new double[2];
                        try (GradientCollector gc = step.getEngine().newGradientCollector()) {
                            NDArray loss = null;
                            if (s.dataWeight() > 0) {
                                NDArray pred = scaling.decode(net.predict(a, coarse));
                                NDArray d = relativeL2(pred, u).mean();
                                parts[0] = value(d);
                                loss = d.mul(Tensors.scalar(d, s.dataWeight()));
                            }
                            if (physics.active()) {
                                NDArray p = physics.loss(net, scaling, a, aRaw, coarse, periodic,
                                        new Random(seed * 7919L + epoch * 100_003L + from));
                                parts[1] = value(p);
                                NDArray weighted = p.mul(Tensors.scalar(p, s.physicsWeight()));
                                loss = loss == null ? weighted : loss.add(weighted);
                            }
                            double value = value(loss);
                            if (!Double.isFinite(value)) {
                                throw new IllegalStateException("training diverged at epoch " + (epoch + 1)
                                        + " (loss " + value + "); the last checkpoint is in " + files.checkpoint()
                                        + ". Try a smaller lr.");
                            }
                            gc.backward(loss);
                            sumLoss += value;
                            sumData += parts[0];
                            sumPhysics += parts[1];
                        }
                        adam.step(lr);
                    }
                    batches++;
                }
                seconds += (System.nanoTime() - t0) / 1e9;
                lastLoss = sumLoss / batches;
                boolean last = epoch + 1 == s.epochs();
                if ((epoch + 1) % s.evalEvery() == 0 || last) {
                    testError = evaluate(net, scaling, testCoarse, coarse, type, root, s.batch())[0];
                }
                history.add(String.format(Locale.ROOT, "%d,%.6e,%.6e,%.6e,%.6e,%.3e,%.2f", epoch + 1, lastLoss,
                        sumData / batches, sumPhysics / batches, testError, lr, seconds));
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("loss", lastLoss);
                values.put("test-rel-l2", testError);
                progress.report(new ProgressUpdate("train", epoch + 1, s.epochs(), values));
                cancelled = progress.cancelled();
                if ((epoch + 1) % s.checkpointEvery() == 0 || last || cancelled) {
                    double[][] state = adam.state();
                    files.writeCheckpoint(new RunFiles.Checkpoint(net.flat().values(), state[0], state[1],
                            adam.steps(), epoch + 1, history, seconds));
                }
                files.writeHistory(history);
            }
            adam.close();
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("train-loss", lastLoss);
            double[] coarseErrors = evaluate(net, scaling, testCoarse, coarse, type, root, s.batch());
            metrics.put("test-rel-l2", coarseErrors[0]);
            metrics.put("test-rel-l2-max", coarseErrors[1]);
            if (s.sub() > 1) {
                double[] fine = evaluate(net, scaling, testFull, full, type, root, s.batch());
                metrics.put("test-rel-l2@" + shape(full), fine[0]);
                metrics.put("test-rel-l2-max@" + shape(full), fine[1]);
            }
            metrics.put("epochs", (double) epoch);
            metrics.put("train-seconds", seconds);
            metrics.put("parameters", (double) net.flat().size());
            timing(net, scaling, testFull, full, type, root, data, metrics);
            files.writeModel(net.flat().values(), inStats, outStats);
            files.writeMetrics(metrics, cancelled ? "cancelled" : "finished");
            Plots.write(dir.resolve("prediction.png"), data, n - s.test(), predictOne(net, scaling, testFull, full,
                    type, root), full);
            return metrics;
        }
    }

    static double value(NDArray scalar) {
        return FlatParameters.doubles(scalar)[0];
    }

    /** Per-function relative L2 errors {@code [B]}: norms over all grid axes. */
    static NDArray relativeL2(NDArray pred, NDArray truth) {
        int[] axes = new int[pred.getShape().dimension() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        NDArray diff = pred.sub(truth);
        return diff.mul(diff).sum(axes).div(truth.mul(truth).sum(axes)).sqrt();
    }

    /** Mean and maximum relative L2 error over the functions of a split. */
    static double[] evaluate(Net net, Scaling scaling, Split split, int[] shape, DataType type, NDManager root,
            int batch) {
        double sum = 0, max = 0;
        int size = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        for (int from = 0; from < split.count(); from += batch) {
            int count = Math.min(batch, split.count() - from);
            try (NDManager m = root.newSubManager()) {
                NDArray a = tensor(m, Arrays.copyOfRange(split.a(), from * size, (from + count) * size), count, shape, type);
                NDArray u = tensor(m, Arrays.copyOfRange(split.u(), from * size, (from + count) * size), count, shape, type);
                NDArray pred = scaling.decode(net.predict(scaling.encode(a), shape));
                double[] e = relativeL2(pred, u).toType(DataType.FLOAT64, false).toDoubleArray();
                for (double v : e) {
                    sum += v;
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {sum / split.count(), max};
    }

    private static double[] predictOne(Net net, Scaling scaling, Split split, int[] shape, DataType type,
            NDManager root) {
        int size = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        try (NDManager m = root.newSubManager()) {
            NDArray a = tensor(m, Arrays.copyOf(split.a(), size), 1, shape, type);
            return scaling.decode(net.predict(scaling.encode(a), shape)).toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }

    /**
     * Prediction time per function (batched over the held-out set, and one at a time) beside the
     * dataset's reference solver on the same inputs.
     */
    private static void timing(Net net, Scaling scaling, Split split, int[] shape, DataType type, NDManager root,
            FunctionDataset data, Map<String, Double> metrics) {
        int size = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        int count = split.count();
        // one warm-up pass, then the timed one
        double batched = Double.NaN;
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            try (NDManager m = root.newSubManager()) {
                NDArray a = tensor(m, split.a(), count, shape, type);
                scaling.decode(net.predict(scaling.encode(a), shape)).toType(DataType.FLOAT64, false).toDoubleArray();
            }
            batched = (System.nanoTime() - t0) / 1e6 / count;
        }
        int singles = Math.min(count, 10);
        long t0 = 0;
        for (int i = -1; i < singles; i++) {
            if (i == 0) {
                t0 = System.nanoTime();
            }
            try (NDManager m = root.newSubManager()) {
                int k = Math.max(i, 0);
                NDArray a = tensor(m, Arrays.copyOfRange(split.a(), k * size, (k + 1) * size), 1, shape, type);
                scaling.decode(net.predict(scaling.encode(a), shape)).toType(DataType.FLOAT64, false).toDoubleArray();
            }
        }
        double single = (System.nanoTime() - t0) / 1e6 / singles;
        metrics.put("predict-ms-per-function", batched);
        metrics.put("predict-ms-single", single);
        double perFunction = batched;
        data.solver().ifPresent(solver -> {
            int k = Math.min(count, 5);
            solver.apply(Arrays.copyOfRange(split.a(), 0, size));
            long s0 = System.nanoTime();
            for (int i = 0; i < k; i++) {
                solver.apply(Arrays.copyOfRange(split.a(), i * size, (i + 1) * size));
            }
            double ms = (System.nanoTime() - s0) / 1e6 / k;
            metrics.put("solver-ms-per-function", ms);
            metrics.put("speedup-batched", ms / perFunction);
            metrics.put("speedup-single", ms / single);
        });
    }

    private static Split split(FunctionDataset data, int from, int count, int[] shape, int sub, boolean periodic) {
        int size = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        double[] a = new double[count * size];
        double[] u = new double[count * size];
        for (int i = 0; i < count; i++) {
            System.arraycopy(data.sample(data.inputField(), from + i), 0, a, i * size, size);
            System.arraycopy(data.sample(data.outputField(), from + i), 0, u, i * size, size);
        }
        return new Split(Grids.subsample(a, shape, sub, periodic), Grids.subsample(u, shape, sub, periodic), count);
    }

    static NDArray tensor(NDManager m, double[] values, int count, int[] shape, DataType type) {
        long[] dims = new long[shape.length + 1];
        dims[0] = count;
        for (int i = 0; i < shape.length; i++) {
            dims[i + 1] = shape[i];
        }
        NDArray t = m.create(values, new Shape(dims));
        return type == DataType.FLOAT64 ? t : t.toType(type, false);
    }

    private static double[] stats(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(1);
        return new double[] {mean, Math.sqrt(var) > 0 ? Math.sqrt(var) : 1};
    }

    private static int[] shuffled(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static String shape(int[] s) {
        return String.join("x", Arrays.stream(s).mapToObj(Integer::toString).toList());
    }

    /**
     * Scalar normalisation of inputs and outputs (resolution independent, so that super-resolution
     * needs no new statistics), and the zero boundary of PINO's Darcy outputs.
     */
    static final class Scaling {
        private final NDArray inMean, inStd, outMean, outStd;
        private final int[] maskShape;

        Scaling(NDManager m, double[] in, double[] out, DataType type, int[] maskShape) {
            this.inMean = scalar(m, in[0], type);
            this.inStd = scalar(m, in[1], type);
            this.outMean = scalar(m, out[0], type);
            this.outStd = scalar(m, out[1], type);
            this.maskShape = maskShape;
        }

        private static NDArray scalar(NDManager m, double v, DataType type) {
            return type == DataType.FLOAT64 ? m.create(v) : m.create((float) v);
        }

        NDArray encode(NDArray a) {
            return a.sub(inMean).div(inStd);
        }

        /** Decoded values without the boundary mask. */
        NDArray decodeValue(NDArray y) {
            return y.mul(outStd).add(outMean);
        }

        /** Decoded derivatives: the shift drops out. */
        NDArray decodeDerivative(NDArray dy) {
            return dy.mul(outStd);
        }

        NDArray decode(NDArray y) {
            NDArray u = y.mul(outStd).add(outMean);
            if (maskShape != null) {
                u = u.mul(mask(u));
            }
            return u;
        }

        /** 1 inside, 0 on the boundary of the output's grid. */
        private NDArray mask(NDArray u) {
            long[] s = u.getShape().getShape();
            int h = (int) s[1], w = (int) s[2];
            double[] v = new double[h * w];
            for (int i = 1; i < h - 1; i++) {
                for (int j = 1; j < w - 1; j++) {
                    v[i * w + j] = 1;
                }
            }
            return u.getManager().create(v, new Shape(1, h, w)).toType(u.getDataType(), false);
        }

    }

    /**
     * The equation residual a run adds to its loss: none, PINO's Darcy residual on FNO's grid, or a
     * PI-DeepONet residual in (x, t) (advection, Burgers, diffusion-reaction) or x (antiderivative).
     */
    record Physics(String kind, Map<String, Double> parameters, double time, int collocation) {

        static final List<String> DEEPONET = List.of("advection", "burgers", "diffusion-reaction", "antiderivative");

        static Physics of(TrainSettings s, String equation, int dims, Map<String, Double> parameters) {
            if (s.physicsWeight() == 0) {
                return new Physics("none", parameters, Double.NaN, 0);
            }
            if (s.model().equals("fno")) {
                if (!equation.equals("darcy") || dims != 2) {
                    throw new IllegalArgumentException("physics (PINO) needs a darcy dataset: the residual is taken on "
                            + "FNO's output grid, which for the 1D sets holds only the final time; this dataset is '"
                            + (equation.isEmpty() ? "unknown" : equation) + "'");
                }
                return new Physics("darcy", parameters, Double.NaN, 0);
            }
            if (!DEEPONET.contains(equation) || dims != 1) {
                throw new IllegalArgumentException("physics (PI-DeepONet) supports 1D " + DEEPONET + " datasets, got '"
                        + (equation.isEmpty() ? "unknown" : equation) + "' on a " + dims + "D grid");
            }
            for (String p : required(equation)) {
                if (!parameters.containsKey(p)) {
                    throw new IllegalArgumentException("the " + equation + " residual needs the parameter '" + p
                            + "', which the dataset does not record");
                }
            }
            double time = equation.equals("antiderivative") ? Double.NaN : parameters.get("t");
            return new Physics(equation, parameters, time, s.collocation());
        }

        private static List<String> required(String equation) {
            return switch (equation) {
                case "advection" -> List.of("beta", "t");
                case "burgers" -> List.of("nu", "t");
                case "diffusion-reaction" -> List.of("nu", "rho", "t");
                default -> List.of();
            };
        }

        boolean active() {
            return !kind.equals("none");
        }

        boolean mask() {
            return kind.equals("darcy");
        }

        NDArray loss(Net net, Scaling scaling, NDArray a, NDArray aRaw, int[] shape, boolean periodic, Random random) {
            if (kind.equals("darcy")) {
                return darcy(scaling.decode(net.predict(a, shape)), aRaw, shape);
            }
            return deeponet((DeepONet) net.model(), scaling, a, aRaw, shape, periodic, random);
        }

        /** Mean square of {@code -div(a grad u) - f} at interior nodes, the generator's finite-volume scheme. */
        NDArray darcy(NDArray u, NDArray a, int[] shape) {
            int s = shape[0];
            double h2 = 1.0 / ((double) (s - 1) * (s - 1));
            NDArray c = a.get(":, 1:-1, 1:-1");
            NDArray half = Tensors.scalar(u, 0.5);
            NDArray east = c.add(a.get(":, 2:, 1:-1")).mul(half);
            NDArray west = c.add(a.get(":, :-2, 1:-1")).mul(half);
            NDArray north = c.add(a.get(":, 1:-1, 2:")).mul(half);
            NDArray south = c.add(a.get(":, 1:-1, :-2")).mul(half);
            NDArray uc = u.get(":, 1:-1, 1:-1");
            NDArray flux = east.mul(u.get(":, 2:, 1:-1").sub(uc)).sub(west.mul(uc.sub(u.get(":, :-2, 1:-1"))))
                    .add(north.mul(u.get(":, 1:-1, 2:").sub(uc))).sub(south.mul(uc.sub(u.get(":, 1:-1, :-2"))));
            NDArray r = flux.mul(Tensors.scalar(u, -1 / h2)).sub(Tensors.scalar(u, parameters.getOrDefault("f", 1.0)));
            return r.mul(r).mean();
        }

        /**
         * PI-DeepONet: residual at random collocation points (grid x, uniform t) by Taylor mode through
         * the trunk, plus the initial condition {@code G(a)(x, 0) = a(x)} (or {@code G(a)(0) = 0} for the
         * antiderivative), both as mean squares in the equation's units: the network's outputs are
         * decoded (value {@code G s + m}, derivatives {@code G' s}) before the residual is formed.
         */
        NDArray deeponet(DeepONet d, Scaling scaling, NDArray a, NDArray aRaw, int[] shape, boolean periodic,
                Random random) {
            NDManager m = a.getManager();
            DataType type = a.getDataType();
            long batch = a.getShape().get(0);
            int points = shape[0];
            NDArray b = d.branch(a.reshape(batch, -1));
            boolean timeDependent = !Double.isNaN(time);
            int coords = timeDependent ? 2 : 1;
            double[] y = new double[collocation * coords];
            long[] at = new long[collocation];
            for (int i = 0; i < collocation; i++) {
                at[i] = random.nextInt(points);
                y[i * coords] = periodic ? (double) at[i] / points : (double) at[i] / (points - 1);
                if (timeDependent) {
                    y[i * coords + 1] = random.nextDouble() * time;
                }
            }
            NDArray yT = m.create(y, new Shape(collocation, coords)).toType(type, false);
            MultiIndex dx = MultiIndex.of(0);
            DerivativePlan plan = timeDependent
                    ? DerivativePlan.of(2, dx, MultiIndex.of(1), MultiIndex.of(0, 0))
                    : DerivativePlan.of(1, dx);
            Jet trunk = d.trunk(Jet.input(yT, plan));
            // streams [S, P, p] x branch [B, p] -> [S, P, B]
            NDArray t = trunk.data();
            long streams = t.getShape().get(0);
            NDArray g = t.reshape(streams * collocation, -1).matMul(b.transpose()).reshape(streams, collocation, batch);
            NDArray value = scaling.decodeValue(g.get(plan.indexOf(MultiIndex.VALUE)).add(d.bias(m)));
            NDArray gx = scaling.decodeDerivative(g.get(plan.indexOf(dx)));
            NDArray residual;
            NDArray initial;
            if (timeDependent) {
                NDArray gt = scaling.decodeDerivative(g.get(plan.indexOf(MultiIndex.of(1))));
                NDArray gxx = scaling.decodeDerivative(g.get(plan.indexOf(MultiIndex.of(0, 0))));
                residual = switch (kind) {
                    case "advection" -> gt.add(gx.mul(Tensors.scalar(gt, parameters.get("beta"))));
                    case "burgers" -> gt.add(value.mul(gx)).sub(gxx.mul(Tensors.scalar(gt, parameters.get("nu"))));
                    default -> gt.sub(gxx.mul(Tensors.scalar(gt, parameters.get("nu"))))
                            .sub(value.mul(Tensors.scalar(gt, 1).sub(value)).mul(Tensors.scalar(gt, parameters.get("rho"))));
                };
                // initial condition on the sensor grid: G(a)(x_j, 0) = a(x_j)
                NDArray x0 = Grids.points(m, shape, periodic, type);
                NDArray y0 = x0.concat(m.zeros(new Shape(points, 1), type), 1);
                NDArray g0 = scaling.decodeValue(d.apply(a.reshape(batch, -1), y0).reshape(batch, points));
                NDArray diff = g0.sub(aRaw.reshape(batch, points));
                initial = diff.mul(diff).mean();
            } else {
                // antiderivative: G_x = a at the collocation points, G(a)(0) = 0
                residual = gx.sub(aAtTake(aRaw.reshape(batch, points), at, m).transpose());
                NDArray zero = m.zeros(new Shape(1, 1), type);
                NDArray g0 = scaling.decodeValue(d.apply(a.reshape(batch, -1), zero));
                initial = g0.mul(g0).mean();
            }
            return residual.mul(residual).mean().add(initial);
        }

        /** {@code a[:, at]} as {@code [B, P]}. */
        private static NDArray aAtTake(NDArray a, long[] at, NDManager m) {
            return a.transpose().get(m.create(at)).transpose();
        }
    }
}
