package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.ansatz.api.optim.Evaluation;
import org.ansatz.api.optim.Optimizer;
import org.ansatz.api.optim.OptimizerFactory;
import org.ansatz.api.optim.Terms;
import org.ansatz.api.dynamics.FitRequest.FitProgress;
import org.ansatz.api.dynamics.Integrator;
import org.ansatz.api.dynamics.TrajectorySet;
import org.ansatz.api.dynamics.VectorField;

/**
 * Minibatch training of a vector field on trajectories with a kernel optimizer over the flat
 * parameter vector. Two losses: {@code derivative} matches the field to observed rates (the HNN
 * paper's setting), {@code trajectory} integrates windows of {@code horizon} samples and matches the
 * states (a neural ODE proper), differentiated by backpropagation through the solver or by the
 * adjoint method.
 */
final class Trainer {

    /** What to train for how long. */
    record Settings(String loss, int steps, double lr, double lrFinal, int batch, int horizon, int substeps,
            Integrator integrator, boolean adjoint, long seed, Consumer<FitProgress> progress) {
    }

    private final VectorField field;
    private final Params params;
    private final NDManager root;
    private final DataType type;
    private final OptimizerFactory optimizers;

    Trainer(VectorField field, NDManager root, DataType type, OptimizerFactory optimizers) {
        this.field = field;
        this.params = new Params(field.parameters());
        this.root = root;
        this.type = type;
        this.optimizers = optimizers;
    }

    Params params() {
        return params;
    }

    /** @return the mean loss over the last tenth of the steps */
    double train(TrajectorySet data, Scaling scaling, Settings s) {
        int d = data.dimension();
        double[] theta = params.get();
        Optimizer opt = optimizers.create(theta.length, Map.of());
        SplittableRandom random = new SplittableRandom(s.seed());
        double dt = data.times().length > 1 ? data.times()[1] - data.times()[0] : 0;
        if ("trajectory".equals(s.loss())) {
            if (Double.isNaN(data.uniformStep())) {
                throw new IllegalArgumentException("loss=trajectory needs uniformly sampled trajectories");
            }
            if (s.horizon() >= data.times().length) {
                throw new IllegalArgumentException("horizon " + s.horizon() + " must be shorter than the "
                        + data.times().length + " samples per trajectory");
            }
        } else if (data.derivatives() == null) {
            throw new IllegalArgumentException("loss=derivative needs observed rates; these trajectories have none "
                    + "(use loss=trajectory)");
        }
        double tail = 0;
        int tailCount = 0;
        int bad = 0;
        int report = Math.max(1, s.steps() / 100);
        for (int step = 0; step < s.steps(); step++) {
            double lr = s.lrFinal() + 0.5 * (s.lr() - s.lrFinal()) * (1 + Math.cos(Math.PI * step / s.steps()));
            Batch batch = "trajectory".equals(s.loss()) ? windows(data, s, random, d) : rates(data, s, random, d);
            double loss = opt.step(theta, x -> batch.evaluate(x, scaling, s, dt), lr);
            if (!Double.isFinite(loss)) {
                if (++bad >= 10) {
                    throw new IllegalStateException("training diverged at step " + step + " (loss " + loss
                            + "); lower lr or use a shorter horizon");
                }
            } else {
                bad = 0;
            }
            if (step >= s.steps() - Math.max(1, s.steps() / 10)) {
                tail += loss;
                tailCount++;
            }
            if (s.progress() != null && (step % report == 0 || step == s.steps() - 1)) {
                s.progress().accept(new FitProgress(step + 1, s.steps(), loss));
            }
        }
        params.set(theta);
        return tail / tailCount;
    }

    /** A minibatch: inputs and targets as flat row-major doubles. */
    private final class Batch {
        final double[] x0;
        final double[] target;
        final int count;
        final int horizon;

        Batch(double[] x0, double[] target, int count, int horizon) {
            this.x0 = x0;
            this.target = target;
            this.count = count;
            this.horizon = horizon;
        }

        Evaluation evaluate(double[] theta, Scaling scaling, Settings s, double dt) {
            params.set(theta);
            if (horizon > 0 && s.adjoint()) {
                return adjoint(scaling, s, dt);
            }
            int d = field.dimension();
            try (NDManager m = root.newSubManager()) {
                params.attachTo(m);
                NDArray x = m.create(x0, new Shape(count, d)).toType(type, false);
                NDArray y = m.create(target, horizon == 0 ? new Shape(count, d) : new Shape(horizon, count, d))
                        .toType(type, false);
                NDArray weight = m.create(inverse(horizon == 0 ? scaling.rateStd() : scaling.std())).toType(type, false);
                NDArray loss;
                try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray predicted;
                    if (horizon == 0) {
                        predicted = field.apply(0, x);
                    } else {
                        double[] times = new double[horizon + 1];
                        for (int i = 0; i <= horizon; i++) {
                            times[i] = i * dt;
                        }
                        predicted = s.integrator().solve(field, x, times, dt / s.substeps()).get("1:");
                    }
                    loss = predicted.sub(y).mul(weight).square().mean();
                }
                params.zeroGradients();
                double value = loss.toType(DataType.FLOAT64, false).getDouble();
                if (!Double.isFinite(value)) {
                    return new Result(value, new double[theta.length]);
                }
                JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                return new Result(value, params.gradient());
            }
        }

        private Evaluation adjoint(Scaling scaling, Settings s, double dt) {
            int d = field.dimension();
            double[] times = new double[horizon + 1];
            for (int i = 0; i <= horizon; i++) {
                times[i] = i * dt;
            }
            double[] w = inverse(scaling.std());
            double n = (double) horizon * count * d;
            Adjoint.Result r = new Adjoint(field, params, root, type).gradient(x0, count, times, dt / s.substeps(),
                    (states, grad) -> {
                        double sum = 0;
                        for (int t = 1; t <= horizon; t++) {
                            for (int i = 0; i < count * d; i++) {
                                double e = (states[t][i] - target[(t - 1) * count * d + i]) * w[i % d];
                                sum += e * e;
                                grad[t][i] = 2 * e * w[i % d] / n;
                            }
                        }
                        return sum / n;
                    });
            return new Result(r.loss(), r.parameterGradient());
        }
    }

    private static double[] inverse(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = 1 / v[i];
        }
        return out;
    }

    private Batch rates(TrajectorySet data, Settings s, SplittableRandom random, int d) {
        int total = data.trajectories() * data.times().length;
        int b = Math.min(s.batch(), total);
        double[] x = new double[b * d];
        double[] y = new double[b * d];
        for (int i = 0; i < b; i++) {
            int idx = b == total ? i : random.nextInt(total);
            int k = idx / data.times().length, t = idx % data.times().length;
            System.arraycopy(data.states()[k][t], 0, x, i * d, d);
            System.arraycopy(data.derivatives()[k][t], 0, y, i * d, d);
        }
        return new Batch(x, y, b, 0);
    }

    private Batch windows(TrajectorySet data, Settings s, SplittableRandom random, int d) {
        int h = s.horizon();
        int starts = data.times().length - h;
        int b = s.batch();
        double[] x = new double[b * d];
        double[] y = new double[h * b * d];
        for (int i = 0; i < b; i++) {
            int k = random.nextInt(data.trajectories());
            int t = random.nextInt(starts);
            System.arraycopy(data.states()[k][t], 0, x, i * d, d);
            for (int j = 1; j <= h; j++) {
                System.arraycopy(data.states()[k][t + j], 0, y, ((j - 1) * b + i) * d, d);
            }
        }
        return new Batch(x, y, b, h);
    }

    /** One evaluation with one loss term. */
    record Result(double loss, double[] gradient) implements Evaluation, Terms {
        @Override
        public double[] gradient() {
            return gradient;
        }

        @Override
        public Terms terms() {
            return this;
        }

        @Override
        public List<String> names() {
            return List.of("loss");
        }

        @Override
        public double loss(int k) {
            return loss;
        }

        @Override
        public double[] gradient(int k) {
            return gradient.clone();
        }

        @Override
        public double[] gradient(double[] weights) {
            double[] g = gradient.clone();
            for (int i = 0; i < g.length; i++) {
                g[i] *= weights[0];
            }
            return g;
        }

        @Override
        public double kernelTrace(int k, int probes, SplittableRandom random) {
            throw new UnsupportedOperationException("dynamics training does not estimate NTK traces");
        }
    }
}
