package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.Options;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.api.optim.Optimizer;
import org.ansatz.api.optim.OptimizerFactory;
import org.ansatz.api.dynamics.FitRequest.FitProgress;
import org.ansatz.api.dynamics.TrajectorySet;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * EDMD with a learned dictionary (EDMD-DL, Li, Dietrich, Bollt and Kevrekidis 2017): observables
 * {@code (1, x, net(x))} and the Koopman matrix are fitted in alternation — {@code K} by regularised
 * least squares with the features fixed, then the network by a kernel optimizer on
 * {@code |Psi(x') - Psi(x) K|^2} with {@code K} fixed. The constant and the state stay in the
 * dictionary, so the features cannot all collapse to zero without the state prediction suffering.
 */
final class LearnedDictionary extends Edmd.Dictionary {

    /** Options of the learned dictionary. */
    record Settings(int features, String layers, String activation, int steps, int refit, double lr, int batch,
            String model, String optimizer) {

        static Settings read(Options o) {
            return new Settings(o.integer("features", 16, 1), o.string("layers", "64,64"),
                    o.string("activation", "tanh"), o.integer("steps", 2000, 1), o.integer("refit", 100, 1),
                    o.real("lr", 1e-3, 0), o.integer("batch", 256, 1), o.string("model", "mlp"),
                    o.string("optimizer", "adam"));
        }
    }

    private final NDManager root;
    private final Model net;
    private final Params params;
    private final int k;

    private LearnedDictionary(int dimension, NDManager root, Model net, int features) {
        super(dimension);
        this.root = root;
        this.net = net;
        this.params = new Params(net.parameters());
        this.k = features;
    }

    static LearnedDictionary train(TrajectorySet data, Scaling scaling, double ridge, Settings st, TensorEngine engine,
            Function<String, ModelFactory> models, Function<String, OptimizerFactory> optimizers, long seed,
            Consumer<FitProgress> progress) {
        int d = data.dimension();
        int pairs = data.trajectories() * (data.times().length - 1);
        double[][] zx = new double[pairs][], zy = new double[pairs][];
        int row = 0;
        for (double[][] traj : data.states()) {
            for (int t = 0; t + 1 < traj.length; t++, row++) {
                zx[row] = Edmd.standardize(traj[t], scaling);
                zy[row] = Edmd.standardize(traj[t + 1], scaling);
            }
        }
        NDManager root = engine.newManager();
        try {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("layers", st.layers());
            spec.put("activation", st.activation());
            Model net = models.apply(st.model()).create(new ModelSpec(d, st.features(), DataType.FLOAT64, seed, spec),
                    root);
            LearnedDictionary dict = new LearnedDictionary(d, root, net, st.features());
            dict.fit(zx, zy, ridge, st, optimizers.apply(st.optimizer()), seed, progress);
            return dict;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    private void fit(double[][] zx, double[][] zy, double ridge, Settings st, OptimizerFactory factory, long seed,
            Consumer<FitProgress> progress) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] theta = params.get();
        Optimizer opt = factory.create(theta.length, Map.of());
        int n = size();
        double[] kFlat = null;
        int report = Math.max(1, st.steps() / 100);
        for (int step = 0; step < st.steps(); step++) {
            if (step % st.refit() == 0) {
                params.set(theta);
                kFlat = operator(zx, zy, ridge, random);
            }
            int b = Math.min(st.batch(), zx.length);
            double[] bx = new double[b * dimension], by = new double[b * dimension];
            for (int i = 0; i < b; i++) {
                int j = b == zx.length ? i : random.nextInt(zx.length);
                System.arraycopy(zx[j], 0, bx, i * dimension, dimension);
                System.arraycopy(zy[j], 0, by, i * dimension, dimension);
            }
            double[] kNow = kFlat;
            double lr = 0.5 * st.lr() * (1 + Math.cos(Math.PI * step / st.steps())) + st.lr() / 30;
            double loss = opt.step(theta, x -> residual(x, bx, by, b, kNow, n), lr);
            if (progress != null && (step % report == 0 || step == st.steps() - 1)) {
                progress.accept(new FitProgress(step + 1, st.steps(), loss));
            }
        }
        params.set(theta);
    }

    /** Regularised least-squares Koopman matrix on up to 4000 random pairs, row-major. */
    private double[] operator(double[][] zx, double[][] zy, double ridge, SplittableRandom random) {
        int m = Math.min(zx.length, 4000);
        double[][] sx = new double[m][], sy = new double[m][];
        for (int i = 0; i < m; i++) {
            int j = m == zx.length ? i : random.nextInt(zx.length);
            sx[i] = zx[j];
            sy[i] = zy[j];
        }
        double[][] px = liftAll(sx), py = liftAll(sy);
        int n = size();
        DMatrixRMaj a = new DMatrixRMaj(m + n, n);
        DMatrixRMaj y = new DMatrixRMaj(m + n, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a.set(i, j, px[i][j]);
                y.set(i, j, py[i][j]);
            }
        }
        for (int j = 0; j < n; j++) {
            a.set(m + j, j, Math.sqrt(Math.max(ridge, 1e-12)));
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(m + n, n);
        if (!solver.setA(a)) {
            throw new IllegalStateException("edmd: the learned features are degenerate; raise ridge");
        }
        DMatrixRMaj kMat = new DMatrixRMaj(n, n);
        solver.solve(y, kMat);
        return kMat.getData().clone();
    }

    private Trainer.Result residual(double[] theta, double[] bx, double[] by, int b, double[] kFlat, int n) {
        params.set(theta);
        try (NDManager m = root.newSubManager()) {
            params.attachTo(m);
            NDArray x = m.create(bx, new Shape(b, dimension));
            NDArray y = m.create(by, new Shape(b, dimension));
            NDArray kt = m.create(kFlat, new Shape(n, n));
            NDArray loss;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray psiX = lifted(x);
                NDArray psiY = lifted(y);
                loss = psiY.sub(psiX.matMul(kt)).square().mean();
            }
            params.zeroGradients();
            double value = loss.getDouble();
            if (!Double.isFinite(value)) {
                return new Trainer.Result(value, new double[theta.length]);
            }
            JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
            return new Trainer.Result(value, params.gradient());
        }
    }

    /** {@code (1, z, net(z))} as a tensor {@code [batch, 1 + d + k]}. */
    private NDArray lifted(NDArray z) {
        NDArray ones = z.getManager().ones(new Shape(z.getShape().get(0), 1), z.getDataType());
        return NDArrays.concat(new NDList(ones, z, net.forward(z)), 1);
    }

    @Override
    int size() {
        return 1 + dimension + k;
    }

    @Override
    void lift(double[] z, double[] out) {
        double[] r = liftAll(new double[][] {z})[0];
        System.arraycopy(r, 0, out, 0, r.length);
    }

    @Override
    double[][] liftAll(double[][] z) {
        double[] flat = new double[z.length * dimension];
        for (int i = 0; i < z.length; i++) {
            System.arraycopy(z[i], 0, flat, i * dimension, dimension);
        }
        double[] v;
        try (NDManager m = root.newSubManager()) {
            params.attachTo(m);
            v = lifted(m.create(flat, new Shape(z.length, dimension))).toDoubleArray();
        }
        int n = size();
        double[][] out = new double[z.length][n];
        for (int i = 0; i < z.length; i++) {
            System.arraycopy(v, i * n, out[i], 0, n);
        }
        return out;
    }

    @Override
    void close() {
        net.close();
        root.close();
    }
}
