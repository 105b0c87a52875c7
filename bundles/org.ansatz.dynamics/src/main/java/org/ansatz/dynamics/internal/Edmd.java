package org.ansatz.dynamics.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.optim.OptimizerFactory;
import org.ansatz.api.method.Options;
import org.ansatz.api.dynamics.DynamicsLearner;
import org.ansatz.api.dynamics.FitRequest;
import org.ansatz.api.dynamics.Forecaster;
import org.ansatz.api.dynamics.Solvers;
import org.ansatz.api.dynamics.TrajectorySet;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Extended dynamic mode decomposition (Williams, Kevrekidis and Rowley 2015): the Koopman operator
 * restricted to a dictionary of observables, as the least-squares map {@code Psi(x_{k+1}) ~ Psi(x_k) K}
 * between consecutive snapshots, solved by Householder QR (optionally Tikhonov-regularised). Its
 * eigenvalues approximate Koopman eigenvalues {@code exp(lambda dt)}. Dictionaries: monomials up to
 * a degree, Gaussian radial basis functions, or network features trained with the operator
 * (EDMD-DL); all contain the constant and the (standardised) state, so states are read back from
 * the lifted coordinates exactly.
 */
public final class Edmd implements DynamicsLearner {

    private final TensorEngine engine;
    private final Function<String, ModelFactory> models;
    private final Function<String, OptimizerFactory> optimizers;

    /** Polynomial and RBF dictionaries only. */
    public Edmd() {
        this(null, null, null);
    }

    /**
     * @param engine     for learned dictionaries, with networks and optimizers by name; {@code null}
     *                   when only fixed dictionaries are needed
     */
    public Edmd(TensorEngine engine, Function<String, ModelFactory> models, Function<String, OptimizerFactory> optimizers) {
        this.engine = engine;
        this.models = models;
        this.optimizers = optimizers;
    }

    @Override
    public Forecaster fit(FitRequest request) {
        Options o = new Options(request.options());
        String dictionary = o.choice("dictionary", "polynomial", List.of("polynomial", "rbf", "learned"));
        int degree = o.integer("degree", 3, 1);
        int centers = o.integer("centers", 100, 1);
        boolean learned = "learned".equals(dictionary);
        double ridge = o.real("ridge", learned ? 1e-6 : 0, 0);
        LearnedDictionary.Settings dl = learned ? LearnedDictionary.Settings.read(o) : null;
        String mode = o.choice("forecast", "relift", List.of("relift", "linear"));
        boolean standardize = o.flag("standardize", true);
        if (!"polynomial".equals(dictionary) && o.string("degree", null) != null) {
            throw new IllegalArgumentException("degree applies to dictionary=polynomial only");
        }
        if (!"rbf".equals(dictionary) && o.string("centers", null) != null) {
            throw new IllegalArgumentException("centers applies to dictionary=rbf only");
        }
        if (learned && engine == null) {
            throw new IllegalArgumentException("dictionary=learned needs the tensor engine, networks and optimizers; "
                    + "this edmd instance was built without them");
        }
        o.checkAllRead("learner edmd");
        TrajectorySet data = request.data();
        double dt = data.uniformStep();
        if (Double.isNaN(dt)) {
            throw new IllegalArgumentException("edmd needs uniformly sampled trajectories (consecutive snapshots one "
                    + "time step apart)");
        }
        Scaling s = standardize ? Scaling.of(data, true) : Scaling.identity(data.dimension());
        Dictionary dict = switch (dictionary) {
            case "polynomial" -> Dictionary.polynomial(data.dimension(), degree);
            case "rbf" -> Dictionary.rbf(data, s, centers, request.seed());
            default -> LearnedDictionary.train(data, s, ridge, dl, engine, models, optimizers, request.seed(),
                    request.progress());
        };
        try {
            return new Model(data, s, dict, ridge, dt, mode);
        } catch (RuntimeException e) {
            dict.close();
            throw e;
        }
    }

    /** Observables of the standardised state; entry 0 is the constant, entries 1..d the state. */
    abstract static class Dictionary {
        final int dimension;

        Dictionary(int dimension) {
            this.dimension = dimension;
        }

        abstract int size();

        abstract void lift(double[] z, double[] out);

        /** Lifts many states at once; learned dictionaries override it with one batched forward pass. */
        double[][] liftAll(double[][] z) {
            double[][] out = new double[z.length][size()];
            for (int i = 0; i < z.length; i++) {
                lift(z[i], out[i]);
            }
            return out;
        }

        /** Frees what the dictionary owns (networks). */
        void close() {
        }

        /** All monomials of total degree at most {@code degree}, graded. */
        static Dictionary polynomial(int d, int degree) {
            List<int[]> exps = new ArrayList<>();
            for (int total = 0; total <= degree; total++) {
                addExponents(new int[d], 0, total, exps);
            }
            if (exps.size() > 5000) {
                throw new IllegalArgumentException("degree " + degree + " in " + d + " variables gives " + exps.size()
                        + " monomials; use a lower degree or dictionary=rbf");
            }
            int[][] e = exps.toArray(new int[0][]);
            return new Dictionary(d) {
                @Override
                int size() {
                    return e.length;
                }

                @Override
                void lift(double[] z, double[] out) {
                    for (int k = 0; k < e.length; k++) {
                        double v = 1;
                        for (int j = 0; j < d; j++) {
                            for (int p = 0; p < e[k][j]; p++) {
                                v *= z[j];
                            }
                        }
                        out[k] = v;
                    }
                }
            };
        }

        /** Reverse lexicographic within a degree, so that degree 1 lists x_1, ..., x_d in order. */
        private static void addExponents(int[] e, int from, int remaining, List<int[]> out) {
            if (from == e.length - 1) {
                e[from] = remaining;
                out.add(e.clone());
                e[from] = 0;
                return;
            }
            for (int k = remaining; k >= 0; k--) {
                e[from] = k;
                addExponents(e, from + 1, remaining - k, out);
            }
            e[from] = 0;
        }

        /**
         * Constant, state, and Gaussians at {@code count} centres drawn from the data, of width the
         * median distance between centres.
         */
        static Dictionary rbf(TrajectorySet data, Scaling s, int count, long seed) {
            int d = data.dimension();
            SplittableRandom r = new SplittableRandom(seed);
            double[][] c = new double[count][];
            for (int k = 0; k < count; k++) {
                double[] x = data.states()[r.nextInt(data.trajectories())][r.nextInt(data.times().length)];
                c[k] = standardize(x, s);
            }
            List<Double> dist = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                for (int j = i + 1; j < count; j++) {
                    dist.add(distance2(c[i], c[j]));
                }
            }
            dist.sort(null);
            double width2 = dist.isEmpty() ? 1 : Math.max(dist.get(dist.size() / 2), 1e-12);
            return new Dictionary(d) {
                @Override
                int size() {
                    return 1 + d + count;
                }

                @Override
                void lift(double[] z, double[] out) {
                    out[0] = 1;
                    System.arraycopy(z, 0, out, 1, d);
                    for (int k = 0; k < count; k++) {
                        out[1 + d + k] = Math.exp(-distance2(z, c[k]) / width2);
                    }
                }
            };
        }
    }

    static double distance2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    static double[] standardize(double[] x, Scaling s) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = (x[j] - s.mean()[j]) / s.std()[j];
        }
        return z;
    }

    /** The fitted operator, its spectrum, and forecasts. */
    public static final class Model implements Forecaster {
        private final Scaling scaling;
        private final Dictionary dict;
        private final DMatrixRMaj k;
        private final double dt;
        private final String mode;
        private final double[][] eigenvalues;
        private final double residual;

        Model(TrajectorySet data, Scaling scaling, Dictionary dict, double ridge, double dt, String mode) {
            this.scaling = scaling;
            this.dict = dict;
            this.dt = dt;
            this.mode = mode;
            int n = dict.size();
            int pairs = data.trajectories() * (data.times().length - 1);
            if (pairs + (ridge > 0 ? n : 0) < n) {
                throw new IllegalArgumentException("edmd with " + n + " observables needs at least " + n
                        + " snapshot pairs, got " + pairs + "; use more data, a smaller dictionary or ridge > 0");
            }
            int rows = pairs + (ridge > 0 ? n : 0);
            DMatrixRMaj px = new DMatrixRMaj(rows, n);
            DMatrixRMaj py = new DMatrixRMaj(rows, n);
            double[][] zx = new double[pairs][], zy = new double[pairs][];
            int row = 0;
            for (double[][] traj : data.states()) {
                for (int t = 0; t + 1 < traj.length; t++, row++) {
                    zx[row] = standardize(traj[t], scaling);
                    zy[row] = standardize(traj[t + 1], scaling);
                }
            }
            double[][] lx = dict.liftAll(zx), ly = dict.liftAll(zy);
            for (row = 0; row < pairs; row++) {
                for (int j = 0; j < n; j++) {
                    px.set(row, j, lx[row][j]);
                    py.set(row, j, ly[row][j]);
                }
            }
            // Tikhonov regularisation as extra rows sqrt(ridge) I -> 0 keeps the QR formulation.
            for (int j = 0; ridge > 0 && j < n; j++) {
                px.set(pairs + j, j, Math.sqrt(ridge));
            }
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.leastSquares(rows, n);
            if (!solver.setA(px.copy())) {
                throw new IllegalArgumentException("edmd: the lifted snapshot matrix is singular; use ridge > 0 or a "
                        + "smaller dictionary");
            }
            this.k = new DMatrixRMaj(n, n);
            solver.solve(py, k);
            DMatrixRMaj fit = new DMatrixRMaj(rows, n);
            CommonOps_DDRM.mult(px, k, fit);
            CommonOps_DDRM.subtractEquals(fit, py);
            this.residual = Math.sqrt(CommonOps_DDRM.elementSum(elementSquare(fit)) / (pairs * (double) n));
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
            if (!eig.decompose(k.copy())) {
                throw new IllegalStateException("edmd: the eigendecomposition of the Koopman matrix did not converge");
            }
            this.eigenvalues = new double[n][];
            for (int i = 0; i < n; i++) {
                Complex_F64 c = eig.getEigenvalue(i);
                eigenvalues[i] = new double[] {c.real, c.imaginary};
            }
            Arrays.sort(eigenvalues, (a, b) -> Double.compare(Math.hypot(b[0], b[1]), Math.hypot(a[0], a[1])));
        }

        private static DMatrixRMaj elementSquare(DMatrixRMaj m) {
            DMatrixRMaj out = m.copy();
            CommonOps_DDRM.elementMult(out, m);
            return out;
        }

        /** Discrete-time eigenvalues {@code (re, im)} of the Koopman matrix, largest modulus first. */
        public double[][] eigenvalues() {
            double[][] out = new double[eigenvalues.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = eigenvalues[i].clone();
            }
            return out;
        }

        /** Continuous-time eigenvalues {@code log(mu) / dt}, as {@code (re, im)}. */
        public double[][] continuousEigenvalues() {
            double[][] out = new double[eigenvalues.length][];
            for (int i = 0; i < out.length; i++) {
                double re = eigenvalues[i][0], im = eigenvalues[i][1];
                out[i] = new double[] {Math.log(Math.hypot(re, im)) / dt, Math.atan2(im, re) / dt};
            }
            return out;
        }

        /** The Koopman matrix acting on row vectors of observables: {@code Psi(x') ~ Psi(x) K}. */
        public double[][] matrix() {
            double[][] out = new double[k.numRows][k.numCols];
            for (int i = 0; i < k.numRows; i++) {
                for (int j = 0; j < k.numCols; j++) {
                    out[i][j] = k.get(i, j);
                }
            }
            return out;
        }

        @Override
        public double[][][] forecast(double[][] initial, double[] times) {
            Solvers.checkTimes(times);
            int d = scaling.std().length, n = dict.size();
            int[] steps = new int[times.length];
            for (int i = 0; i < times.length; i++) {
                double q = (times[i] - times[0]) / dt;
                steps[i] = (int) Math.round(q);
                if (Math.abs(q - steps[i]) > 1e-6 * Math.max(1, q)) {
                    throw new IllegalArgumentException("edmd forecasts at multiples of its time step " + dt
                            + " after times[0]; times[" + i + "] = " + times[i] + " is not");
                }
            }
            int b = initial.length;
            double[][][] out = new double[b][times.length][];
            double[][] z = new double[b][];
            for (int i = 0; i < b; i++) {
                if (initial[i].length != d) {
                    throw new IllegalArgumentException("shape mismatch: initial state " + i + " has length "
                            + initial[i].length + ", the model's dimension is " + d);
                }
                z[i] = standardize(initial[i], scaling);
                out[i][0] = initial[i].clone();
            }
            // All initial states advance together, so a learned dictionary lifts them in one pass.
            double[][] psi = dict.liftAll(z);
            int done = 0;
            for (int t = 1; t < times.length; t++) {
                for (; done < steps[t]; done++) {
                    if ("relift".equals(mode) && done > 0) {
                        for (int i = 0; i < b; i++) {
                            z[i] = Arrays.copyOfRange(psi[i], 1, 1 + d);
                        }
                        psi = dict.liftAll(z);
                    }
                    for (int i = 0; i < b; i++) {
                        double[] next = new double[n];
                        for (int r = 0; r < n; r++) {
                            double pr = psi[i][r];
                            if (pr != 0) {
                                for (int c = 0; c < n; c++) {
                                    next[c] += pr * k.get(r, c);
                                }
                            }
                        }
                        psi[i] = next;
                    }
                }
                for (int i = 0; i < b; i++) {
                    double[] x = new double[d];
                    for (int j = 0; j < d; j++) {
                        x[j] = scaling.mean()[j] + scaling.std()[j] * psi[i][1 + j];
                    }
                    out[i][t] = x;
                }
            }
            return out;
        }

        @Override
        public Map<String, Double> diagnostics() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("observables", (double) dict.size());
            m.put("residual", residual);
            m.put("spectralRadius", Math.hypot(eigenvalues[0][0], eigenvalues[0][1]));
            return m;
        }

        @Override
        public void close() {
            dict.close();
        }
    }
}
