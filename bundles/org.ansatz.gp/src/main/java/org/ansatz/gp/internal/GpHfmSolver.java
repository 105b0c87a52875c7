package org.ansatz.gp.internal;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.Options;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.ansatz.api.solver.Solver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Solver {@code gp-hfm}: GP-HFM for linear constant-coefficient PDEs on a box (see {@link GpHfm}). The
 * equation is read off the problem's residual by probing; boundary data come from its conditions.
 * Settings ({@code hfm.*}): {@code grid} (points per axis, one number or one per axis), {@code kernel}
 * ({@code sm-t} Student-t mixture, {@code sm} Gaussian mixture, or any 1D kernel name),
 * {@code components}, {@code max-frequency} (cycles per unit, one or one per input; default read off the source term's
 * spectrum),
 * {@code learn} ({@code none | weights | weights,frequencies | all}), {@code iterations},
 * {@code jitter}, {@code equation-noise} (tau relative to the largest squared operator eigenvalue), {@code boundary-weight} (tau over the conditions' noise), {@code boundary} ({@code grid}: conditions at the
 * grid's face nodes when they cover whole faces, else sampled; {@code random}: sampled), {@code condition-points} (when sampled), {@code prune} (mixture
 * components lighter than this fraction of the heaviest are removed after learning), {@code min-width}
 * (narrowest spectral width in cycles per unit; default none in 1D, one cycle per domain length above,
 * where the evidence otherwise collapses widths to zero).
 */
@Component(service = Solver.class)
@AnsatzMethod(name = "gp-hfm", description = "GP-HFM: spectral-mixture GP on a Kronecker grid for high-frequency, "
        + "multi-scale linear PDEs")
public class GpHfmSolver implements Solver {

    static final String NAME = "gp-hfm";

    private final TensorEngine engine;

    @Activate
    public GpHfmSolver(@Reference TensorEngine engine) {
        this.engine = engine;
    }

    @Override
    public boolean supports(Problem problem) {
        return problem instanceof PdeProblem p && p.outputs().size() == 1 && p.unknowns().isEmpty();
    }

    /** The effective configuration of one run. */
    record Config(int[] grid, String kernel, int components, double[] maxFrequency, String learn, int iterations,
            double jitter, double equationNoise, double boundaryWeight, String boundary, int conditionPoints, double prune,
            double minWidth, int every) {

        static Config read(Map<String, Object> settings, PdeProblem problem) {
            Options s = new Options(settings);
            s.string("solver", NAME);
            int d = problem.inputs().size();
            int fallback = switch (d) {
                case 1 -> 400;
                // Coarser 2D grids let the evidence settle on aliased frequencies: on the multi-scale
                // problem 100 and 120 points per axis fail (0.13, 0.68), 140 gives 4.8e-4, 160 7.8e-5.
                case 2 -> 160;
                default -> 24;
            };
            int[] grid = integers(s.reals("hfm.grid", null, 3), d, fallback, "hfm.grid");
            String kernel = s.choice("hfm.kernel", "sm-t", Kernels.NAMES);
            // A dense initial comb: with 30 components the evidence missed frequencies that 90 find
            // (docs/gp.md: 1D high-frequency 3.3e-2 -> 5.8e-4, 2D multi-scale 2.9e-3 -> 4.8e-4).
            int components = s.integer("hfm.components", 90, 1);
            Box box = problem.domain();
            double[] maxf = s.reals("hfm.max-frequency", null, 1e-12);
            if (maxf == null) {
                maxf = new double[0];
            } else if (maxf.length == 1 && d > 1) {
                double v = maxf[0];
                maxf = new double[d];
                java.util.Arrays.fill(maxf, v);
            }
            if (maxf.length != d && maxf.length != 0) {
                throw new IllegalArgumentException("hfm.max-frequency needs one value or one per input " + problem.inputs());
            }
            // Learned widths pay off in 1D (a near-line spectrum at sin(100x)'s frequency); with the
            // full-grid evidence used above 1D they made the multi-scale 2D case worse (docs/gp.md).
            String learn = s.choice("hfm.learn", d == 1 ? "all" : "weights,frequencies", List.of("none", "weights",
                    "weights,frequencies", "all"));
            int iterations = s.integer("hfm.iterations", d == 1 ? 40 : 60, 0);
            double jitter = s.real("hfm.jitter", 1e-6, 0);
            double eqNoise = s.real("hfm.equation-noise", 1e-14, 1e-300);
            double bNoise = s.real("hfm.boundary-weight", 1e6, 1e-300);
            // At the grid's face nodes where the conditions cover whole faces; elsewhere sampled, and then
            // the boundary data must resolve the solution along the faces: about three points per grid line.
            String boundary = s.choice("hfm.boundary", "grid", List.of("grid", "random"));
            int conditionPoints = s.integer("hfm.condition-points", d == 1 ? 16 : 3 * java.util.Arrays.stream(grid)
                    .sum(), 1);
            double prune = s.real("hfm.prune", 1e-8, 0, 1);
            double minWidth = s.real("hfm.min-width", -1, -1);
            int every = s.integer("progress.every", 1, 1);
            PdeSetup.ignoreProblemDefaults(s, problem);
            s.checkAllRead("solver " + NAME);
            return new Config(grid, kernel, components, maxf, learn, iterations, jitter, eqNoise, bNoise,
                    boundary, conditionPoints, prune, minWidth, every);
        }

        static int[] integers(double[] v, int d, int fallback, String key) {
            int[] out = new int[d];
            if (v == null) {
                java.util.Arrays.fill(out, fallback);
                return out;
            }
            if (v.length != 1 && v.length != d) {
                throw new IllegalArgumentException(key + " needs one value or one per input, got " + v.length);
            }
            for (int a = 0; a < d; a++) {
                double x = v[v.length == 1 ? 0 : a];
                if (x != Math.rint(x)) {
                    throw new IllegalArgumentException(key + " must hold integers, got " + x);
                }
                out[a] = (int) x;
            }
            return out;
        }
    }

    @Override
    public Solution solve(SolveRequest request, Progress progress) {
        PdeProblem problem = PdeSetup.pde(request.problem(), NAME);
        Config config = Config.read(request.settings(), problem);
        Map<String, Object> spec = new LinkedHashMap<>(request.settings());
        spec.put("seed", request.seed());
        RunOutput.writeJson(request.runDirectory().resolve("spec.json"), spec);
        return run(problem, config, null, 0, request.seed(), request.runDirectory(), progress);
    }

    @Override
    public Solution load(Problem p, Path dir) {
        PdeProblem problem = PdeSetup.pde(p, NAME);
        Map<String, String> state = RunOutput.readState(dir, NAME);
        Map<String, Object> settings = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (k.startsWith("setting.")) {
                settings.put(k.substring("setting.".length()), v);
            }
        });
        // Runs saved before face-node placement sampled their boundary points.
        settings.putIfAbsent("hfm.boundary", "random");
        Config config = Config.read(settings, problem);
        List<double[]> kernels = new ArrayList<>();
        for (int a = 0; a < problem.inputs().size(); a++) {
            kernels.add(RunOutput.split(state.get("kernel." + a), "kernel of axis " + a));
        }
        long seed = Long.parseLong(state.getOrDefault("seed", "0"));
        double tau = RunOutput.split(state.get("tau"), "equation noise")[0];
        return run(problem, config, kernels, tau, seed, null, Progress.NONE);
    }

    /** The probed linear problem on the grid. */
    GpHfm.Problem setup(PdeProblem problem, Config config, long seed) {
        if (problem.outputs().size() != 1) {
            throw new IllegalArgumentException("solver gp-hfm handles one output, this problem has " + problem.outputs());
        }
        if (!PdeSetup.isBox(problem)) {
            throw new IllegalArgumentException("solver gp-hfm needs a box domain (its collocation grid covers the box); "
                    + "this problem's geometry is smaller than its bounding box");
        }
        int d = problem.inputs().size();
        Box box = problem.domain();
        double[][] grid = new double[d][];
        for (int a = 0; a < d; a++) {
            grid[a] = new double[config.grid()[a]];
            for (int i = 0; i < grid[a].length; i++) {
                grid[a][i] = box.lower()[a] + (box.upper()[a] - box.lower()[a]) * i / (grid[a].length - 1);
            }
        }
        int[] sizes = config.grid();
        int n = Kron.size(sizes);
        double[] points = new double[n * d];
        int[] idx = new int[d];
        for (int k = 0; k < n; k++) {
            int rest = k;
            for (int a = d - 1; a >= 0; a--) {
                idx[a] = rest % sizes[a];
                rest /= sizes[a];
            }
            for (int a = 0; a < d; a++) {
                points[k * d + a] = grid[a][idx[a]];
            }
        }
        try (NDManager manager = engine.newManager()) {
            LinearProbe.Operator op = LinearProbe.probe("the equation of this problem", problem::residual,
                    problem.derivatives(), d, 1, points, manager);
            if (op.equations() != 1) {
                throw new IllegalArgumentException("solver gp-hfm handles one equation, this problem has "
                        + op.equations());
            }
            int[] orders = new int[d];
            double[] coefficients = new double[d];
            double constant = 0;
            String what = "solver gp-hfm";
            for (int st = 0; st < op.streams().size(); st++) {
                if (!op.uses(st, 0)) {
                    continue;
                }
                MultiIndex m = op.streams().get(st);
                double c = op.constant(st, 0, 0, what, problem.inputs(), problem.outputs());
                if (m.order() == 0) {
                    constant = c;
                    continue;
                }
                int[] o = PdeSetup.orders(m, d);
                int axis = m.axes()[0];
                String name = m.name(problem.outputs().get(0), problem.inputs());
                if (o[axis] != m.order() || m.order() % 2 != 0 || orders[axis] != 0) {
                    throw new IllegalArgumentException(what + " handles operators c0 u + sum_a c_a d^(2k)u/dx_a^(2k) "
                            + "(one even-order derivative per input, e.g. Poisson or Helmholtz); this equation has "
                            + name + (orders[axis] != 0 ? " besides another derivative along " + problem.inputs()
                                    .get(axis) : "") + ". Use solver epgp for evolution equations");
                }
                orders[axis] = m.order();
                coefficients[axis] = c;
            }
            if (java.util.Arrays.stream(orders).allMatch(o -> o == 0)) {
                throw new IllegalArgumentException(what + ": the equation has no derivatives");
            }
            double[] rhs = op.rhs();
            List<GpHfm.Row> rows = new ArrayList<>();
            List<Condition> conditions = PdeSetup.conditions(problem, NAME);
            List<double[]> facePoints = config.boundary().equals("grid") ? PdeSetup.gridFacePoints(conditions, grid,
                    seed) : null;
            List<PdeSetup.ProbedCondition> probed = facePoints != null
                    ? PdeSetup.probeConditionsAt(problem, conditions, facePoints, manager)
                    : PdeSetup.probeConditions(problem, conditions, config.conditionPoints(), seed, manager);
            for (PdeSetup.ProbedCondition pc : probed) {
                LinearProbe.Operator co = pc.operator();
                for (int pt = 0; pt < co.points(); pt++) {
                    for (int e = 0; e < co.equations(); e++) {
                        List<GpHfm.Term> terms = new ArrayList<>();
                        for (int st = 0; st < co.streams().size(); st++) {
                            double c = co.coefficient(st, 0, pt, e);
                            if (c != 0) {
                                terms.add(new GpHfm.Term(PdeSetup.orders(co.streams().get(st), d), c));
                            }
                        }
                        if (!terms.isEmpty()) {
                            rows.add(new GpHfm.Row(java.util.Arrays.copyOfRange(pc.points(), pt * d, (pt + 1) * d),
                                    terms, co.rhs()[pt * co.equations() + e]));
                        }
                    }
                }
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(what + ": the problem has no conditions; the equation alone does not "
                        + "determine the solution");
            }
            return new GpHfm.Problem(grid, orders, coefficients, constant, rhs, rows);
        }
    }

    /**
     * The initial mixtures: {@code components} frequencies from 0 to the highest frequency, given or read
     * off the source term (see {@link #spectralReach}).
     */
    static List<Kernel1d> initialKernels(Config config, PdeProblem problem, GpHfm.Problem lp) {
        List<Kernel1d> ks = new ArrayList<>();
        Box box = problem.domain();
        for (int a = 0; a < problem.inputs().size(); a++) {
            double span = box.upper()[a] - box.lower()[a];
            double maxf = config.maxFrequency().length > 0 ? config.maxFrequency()[a] : spectralReach(lp, a);
            ks.add(Kernels.create(config.kernel(), span, config.components(), maxf));
        }
        return ks;
    }

    /**
     * Where the source term's spectrum along an axis ends: 1.5 times the frequency (cycles per unit)
     * below which all but 1e-8 of its (Hann-windowed) power lies, at least two cycles per domain and at
     * most the grid's Nyquist frequency. GP-HFM initialises its mixture from zero to a chosen maximum;
     * a maximum far above the solution's band spreads the components too thinly to find it.
     */
    static double spectralReach(GpHfm.Problem lp, int axis) {
        int[] sizes = lp.sizes();
        int m = sizes[axis];
        double[] g = lp.grid()[axis];
        double span = g[m - 1] - g[0];
        double h = span / (m - 1);
        int pre = 1;
        for (int b = 0; b < axis; b++) {
            pre *= sizes[b];
        }
        int post = lp.rhs().length / (pre * m);
        int bins = m / 2 + 1;
        double[] power = new double[bins];
        double[] window = new double[m];
        for (int i = 0; i < m; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (m - 1));
        }
        // Lines along the axis; a subsample of at most 64 suffices for the envelope.
        int lines = pre * post;
        int stride = Math.max(1, lines / 64);
        for (int line = 0; line < lines; line += stride) {
            int p0 = line / post;
            int q0 = line % post;
            for (int k = 0; k < bins; k++) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < m; i++) {
                    double v = window[i] * lp.rhs()[(p0 * m + i) * post + q0];
                    double ang = 2 * Math.PI * k * i / m;
                    re += v * Math.cos(ang);
                    im -= v * Math.sin(ang);
                }
                power[k] += re * re + im * im;
            }
        }
        double total = 0;
        for (double v : power) {
            total += v;
        }
        double nyquist = (m - 1) / (2 * span);
        if (!(total > 0)) {
            return Math.min(nyquist, 2 / span);
        }
        double cum = 0;
        int last = bins - 1;
        for (int k = 0; k < bins; k++) {
            cum += power[k];
            if (cum >= (1 - 1e-8) * total) {
                last = k;
                break;
            }
        }
        double reach = 1.5 * (last + 1) / (m * h);
        return Math.min(nyquist, Math.max(2 / span, reach));
    }

    private Solution run(PdeProblem problem, Config config, List<double[]> saved, double savedTau, long seed, Path dir,
            Progress progress) {
        long t0 = System.nanoTime();
        GpHfm.Problem lp = setup(problem, config, seed);
        List<Kernel1d> kernels = initialKernels(config, problem, lp);
        // In 1D the jitter follows the learned variance (relative, passed negative): the mixture may grow
        // by orders of magnitude around a single frequency and an absolute jitter would then drown in
        // round-off. Above 1D it is absolute, fixed by the initial kernels: with the full-grid evidence a
        // jitter that grew with the variance let a zero-width, zero-frequency component inflate the
        // evidence without bound.
        double jitter = 0;
        for (Kernel1d k : kernels) {
            jitter = Math.max(jitter, config.jitter() * k.value(0));
        }
        if (kernels.size() == 1) {
            jitter = -config.jitter();
        }
        if (saved != null) {
            List<Kernel1d> restored = new ArrayList<>();
            Box box = problem.domain();
            for (int a = 0; a < kernels.size(); a++) {
                // Pruning leaves fewer components than configured: size the mixture by the saved values.
                int q = kernels.get(a) instanceof Kernels.SpectralMixture ? Math.max(1, saved.get(a).length / 3)
                        : config.components();
                restored.add(Kernels.create(config.kernel(), box.upper()[a] - box.lower()[a], q, 1)
                        .with(saved.get(a)));
            }
            kernels = restored;
        }
        GpHfm.Axis[] initial = GpHfm.axes(lp, kernels, jitter);
        double[] lam = GpHfm.lambda(lp, initial);
        double maxLam2 = 0;
        for (double l : lam) {
            maxLam2 = Math.max(maxLam2, l * l);
        }
        // tau is fixed by the initial kernels; a reopened run reuses the saved value.
        double tau = savedTau > 0 ? savedTau : config.equationNoise() * maxLam2;
        long t1 = System.nanoTime();
        GpHfm.Learned learned;
        if (saved == null) {
            int total = config.iterations();
            double[] minWidth = new double[kernels.size()];
            for (int a = 0; a < minWidth.length; a++) {
                minWidth[a] = config.minWidth() < 0 ? (kernels.size() > 1 ? 1 / (problem.domain().upper()[a]
                        - problem.domain().lower()[a]) : 0) : config.minWidth();
            }
            learned = GpHfm.learn(lp, kernels, jitter, tau, config.learn(), total, minWidth, (it, value) -> {
                if (it % config.every() == 0 || it == total) {
                    progress.report(new ProgressUpdate("evidence", it, total, Map.of("-log-evidence/N", value)));
                }
                return !progress.cancelled();
            });
        } else {
            learned = new GpHfm.Learned(kernels, GpHfm.reportedEvidence(lp, initial, tau), 0);
        }
        long t2 = System.nanoTime();
        List<Kernel1d> kept = new ArrayList<>();
        for (Kernel1d k : learned.kernels()) {
            kept.add(k instanceof Kernels.SpectralMixture sm && config.prune() > 0 ? sm.pruned(config.prune()) : k);
        }
        learned = new GpHfm.Learned(kept, learned.evidence(), learned.iterations());
        GpHfm.Axis[] axes = GpHfm.axes(lp, learned.kernels(), jitter);
        GpHfm.Posterior post = new GpHfm.Posterior(lp, axes, tau, config.boundaryWeight());
        long t3 = System.nanoTime();
        int n = Kron.size(lp.sizes());
        boolean exactVariance = (long) (lp.rows().size() + GpHfm.droppedNodes(lp).length) * n
                * problem.evaluationPoints().size() <= 4_000_000_000L;
        HfmSolution solution = new HfmSolution(problem, post, exactVariance);
        if (dir != null) {
            long t4 = System.nanoTime();
            Map<String, Double> metrics = new LinkedHashMap<>(RunOutput.evaluate(problem, solution, dir));
            metrics.put("seconds", (System.nanoTime() - t0) / 1e9);
            metrics.put("seconds-setup", (t1 - t0) / 1e9);
            metrics.put("seconds-evaluate", (System.nanoTime() - t4) / 1e9);
            metrics.put("seconds-learn", (t2 - t1) / 1e9);
            metrics.put("seconds-solve", (t3 - t2) / 1e9);
            metrics.put("log-evidence", learned.evidence());
            metrics.put("grid-points", (double) n);
            metrics.put("condition-points", (double) lp.rows().size());
            metrics.put("equation-residual-rms", solution.equationResidualRms());
            metrics.put("variance-exact", exactVariance ? 1.0 : 0.0);
            solution.putMetrics(metrics);
            RunOutput.writeJson(dir.resolve("metrics.json"), metrics);
            Map<String, String> state = new LinkedHashMap<>();
            state.put("solver", NAME);
            state.put("seed", Long.toString(seed));
            state.put("tau", Double.toString(tau));
            state.put("setting.hfm.grid", join(config.grid()));
            state.put("setting.hfm.kernel", config.kernel());
            state.put("setting.hfm.components", Integer.toString(config.components()));
            state.put("setting.hfm.jitter", Double.toString(config.jitter()));
            state.put("setting.hfm.equation-noise", Double.toString(config.equationNoise()));
            state.put("setting.hfm.boundary-weight", Double.toString(config.boundaryWeight()));
            state.put("setting.hfm.boundary", config.boundary());
            state.put("setting.hfm.condition-points", Integer.toString(config.conditionPoints()));
            for (int a = 0; a < learned.kernels().size(); a++) {
                state.put("kernel." + a, RunOutput.join(learned.kernels().get(a).parameters()));
            }
            RunOutput.writeState(dir, state);
            writeSpectrum(dir, problem, learned.kernels());
        }
        return solution;
    }

    private static String join(int[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(v[i]);
        }
        return b.toString();
    }

    /** The learned mixture per axis (weight, frequency, width), heaviest first: what GP-HFM pruned. */
    private static void writeSpectrum(Path dir, PdeProblem problem, List<Kernel1d> kernels) {
        StringBuilder csv = new StringBuilder("input,component,weight,frequency,angular-frequency,width\n");
        for (int a = 0; a < kernels.size(); a++) {
            if (kernels.get(a) instanceof Kernels.SpectralMixture sm) {
                Integer[] order = new Integer[sm.components()];
                for (int q = 0; q < order.length; q++) {
                    order[q] = q;
                }
                java.util.Arrays.sort(order, (x, y) -> Double.compare(sm.logWeights()[y], sm.logWeights()[x]));
                for (int q : order) {
                    csv.append(String.format(Locale.ROOT, "%s,%d,%.6e,%.6e,%.6e,%.6e%n", problem.inputs().get(a), q,
                            Math.exp(sm.logWeights()[q]), sm.frequencies()[q], 2 * Math.PI * sm.frequencies()[q],
                            Math.exp(sm.logWidths()[q])));
                }
            }
        }
        org.ansatz.api.run.AtomicFiles.write(dir.resolve("spectrum.csv"), csv.toString());
    }

    /** The posterior mean and variance of a GP-HFM fit. */
    static final class HfmSolution extends GpSolution {
        private final GpHfm.Posterior post;
        private final boolean exactVariance;

        HfmSolution(PdeProblem problem, GpHfm.Posterior post, boolean exactVariance) {
            super(problem.inputs(), problem.outputs());
            this.post = post;
            this.exactVariance = exactVariance;
        }

        GpHfm.Posterior posterior() {
            return post;
        }

        @Override
        double mean(double[] x, int output, int[] orders) {
            return post.mean(x, orders);
        }

        @Override
        double variance(double[] x, int output) {
            return post.variance(x, exactVariance);
        }

        @Override
        double[] meanAndVariance(double[] x, int output) {
            return post.meanAndVariance(x, exactVariance);
        }

        /** RMS of {@code L U - f} at the nodes where the equation is imposed, relative to the RMS of {@code f}. */
        double equationResidualRms() {
            GpHfm.Problem p = post.problem;
            double[] u = post.gridValues();
            int d = p.grid().length;
            double[] lu = new double[u.length];
            for (int k = 0; k < u.length; k++) {
                lu[k] = p.constant() * u[k];
            }
            for (int a = 0; a < d; a++) {
                if (p.orders()[a] == 0) {
                    continue;
                }
                org.ejml.data.DMatrixRMaj[] f = new org.ejml.data.DMatrixRMaj[d];
                GpHfm.Axis ax = post.axes[a];
                // D_a = K^(n) K^-1.
                org.ejml.data.DMatrixRMaj kn = GpHfm.Axis.matrix(ax.grid, ax.kernel, ax.order, 0);
                f[a] = Dense.cholesky(ax.gram, "the kernel matrix").solve(kn);
                org.ejml.dense.row.CommonOps_DDRM.transpose(f[a]);
                double[] du = Kron.apply(f, p.sizes(), u);
                for (int k = 0; k < u.length; k++) {
                    lu[k] += p.coefficients()[a] * du[k];
                }
            }
            boolean[] dropped = new boolean[u.length];
            for (int k : GpHfm.droppedNodes(p)) {
                dropped[k] = true;
            }
            double num = 0;
            double den = 0;
            for (int k = 0; k < u.length; k++) {
                if (!dropped[k]) {
                    num += (lu[k] - p.rhs()[k]) * (lu[k] - p.rhs()[k]);
                    den += p.rhs()[k] * p.rhs()[k];
                }
            }
            return Math.sqrt(num / Math.max(den, 1e-300));
        }
    }
}
