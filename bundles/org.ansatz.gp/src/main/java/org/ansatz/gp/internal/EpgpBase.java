package org.ansatz.gp.internal;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.engine.TensorEngine;
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

/**
 * What EPGP and S-EPGP share: the variety read off the problem's residual, the conditions as linear
 * observations (one noise variance per condition, learned unless fixed), hyperparameters by
 * maximising the log marginal likelihood, and the run directory.
 */
abstract class EpgpBase implements Solver {

    private final TensorEngine engine;

    EpgpBase(TensorEngine engine) {
        this.engine = engine;
    }

    abstract String name();

    /** The settings prefix, e.g. {@code epgp}. */
    abstract String prefix();

    /** Reads the family-specific settings (all under {@link #prefix()}). */
    abstract void configure(Options s, Context c);

    /** Initial kernel hyperparameters (noise variances are appended by the base). */
    abstract double[] initial(Context c);

    abstract Epgp.Features features(Context c, double[] theta);

    /** Hyperparameters for metrics and the saved state, by name. */
    abstract Map<String, Double> describe(Context c, double[] theta);

    /** Per-run state shared by the steps. */
    static final class Context {
        Variety variety;
        double[] centre;
        double[] spans;
        long seed;
        final Map<String, Double> values = new LinkedHashMap<>();
        final Map<String, Integer> integers = new LinkedHashMap<>();
        double[][] normals;
    }

    @Override
    public boolean supports(Problem problem) {
        return problem instanceof PdeProblem p && p.unknowns().isEmpty();
    }

    @Override
    public Solution solve(SolveRequest request, Progress progress) {
        PdeProblem problem = PdeSetup.pde(request.problem(), name());
        Map<String, Object> spec = new LinkedHashMap<>(request.settings());
        spec.put("seed", request.seed());
        RunOutput.writeJson(request.runDirectory().resolve("spec.json"), spec);
        return run(problem, request.settings(), null, request.seed(), request.runDirectory(), progress);
    }

    @Override
    public Solution load(Problem p, Path dir) {
        PdeProblem problem = PdeSetup.pde(p, name());
        Map<String, String> state = RunOutput.readState(dir, name());
        Map<String, Object> settings = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (k.startsWith("setting.")) {
                settings.put(k.substring("setting.".length()), v);
            }
        });
        double[] theta = RunOutput.split(state.get("theta"), "hyperparameters");
        return run(problem, settings, theta, Long.parseLong(state.getOrDefault("seed", "0")), null, Progress.NONE);
    }

    private Solution run(PdeProblem problem, Map<String, Object> settings, double[] saved, long seed, Path dir,
            Progress progress) {
        long t0 = System.nanoTime();
        Options s = new Options(settings);
        s.string("solver", name());
        int conditionPoints = s.integer(prefix() + ".condition-points", 64, 1);
        int iterations = s.integer(prefix() + ".iterations", defaultIterations(), 0);
        double minNoise = s.real(prefix() + ".min-noise", 1e-10, 0);
        Map<String, Object> fixedNoise = s.section(prefix() + ".noise");
        int every = s.integer("progress.every", 1, 1);
        Context c = new Context();
        c.seed = seed;
        Box box = problem.domain();
        int d = problem.inputs().size();
        c.centre = new double[d];
        c.spans = new double[d];
        for (int a = 0; a < d; a++) {
            c.centre[a] = 0.5 * (box.lower()[a] + box.upper()[a]);
            c.spans[a] = box.upper()[a] - box.lower()[a];
        }
        configure(s, c);
        PdeSetup.ignoreProblemDefaults(s, problem);
        s.checkAllRead("solver " + name());

        List<Condition> conditions = PdeSetup.conditions(problem, name());
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("solver " + name() + " needs data: the problem has no conditions");
        }
        List<String> groups = new ArrayList<>();
        conditions.forEach(cd -> groups.add(cd.name()));
        for (String k : fixedNoise.keySet()) {
            if (!groups.contains(k)) {
                throw new IllegalArgumentException("setting " + prefix() + ".noise." + k + " names no condition; the "
                        + "conditions are " + groups);
            }
        }
        List<Epgp.Observation> obs = new ArrayList<>();
        try (NDManager manager = engine.newManager()) {
            double[] probePoints = box.uniform(64, new java.util.SplittableRandom(seed + 99));
            LinearProbe.Operator op = LinearProbe.probe("the equation of this problem", problem::residual,
                    problem.derivatives(), d, problem.outputs().size(), probePoints, manager);
            c.variety = Variety.of(op, problem.inputs(), problem.outputs(), "solver " + name());
            List<PdeSetup.ProbedCondition> probed = PdeSetup.probeConditions(problem, conditions, conditionPoints, seed,
                    manager);
            for (int g = 0; g < probed.size(); g++) {
                LinearProbe.Operator co = probed.get(g).operator();
                double[] pts = probed.get(g).points();
                for (int pt = 0; pt < co.points(); pt++) {
                    for (int e = 0; e < co.equations(); e++) {
                        List<Epgp.Term> terms = new ArrayList<>();
                        for (int st = 0; st < co.streams().size(); st++) {
                            for (int o = 0; o < co.outputs(); o++) {
                                double v = co.coefficient(st, o, pt, e);
                                if (v != 0) {
                                    terms.add(new Epgp.Term(o, PdeSetup.orders(co.streams().get(st), d), v));
                                }
                            }
                        }
                        if (!terms.isEmpty()) {
                            obs.add(new Epgp.Observation(java.util.Arrays.copyOfRange(pts, pt * d, (pt + 1) * d), terms,
                                    co.rhs()[pt * co.equations() + e], g));
                        }
                    }
                }
            }
        }
        double meanSquare = 0;
        for (Epgp.Observation o : obs) {
            meanSquare += o.target() * o.target();
        }
        meanSquare = Math.max(meanSquare / obs.size(), 1e-300);
        double floor = minNoise * meanSquare;
        double[] fixed = new double[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            Object v = fixedNoise.get(groups.get(g));
            if (v == null) {
                fixed[g] = Double.NaN;
                continue;
            }
            try {
                fixed[g] = Double.parseDouble(v.toString());
            } catch (NumberFormatException e) {
                fixed[g] = -1;
            }
            if (!(fixed[g] > 0) || Double.isInfinite(fixed[g])) {
                throw new IllegalArgumentException("setting " + prefix() + ".noise." + groups.get(g)
                        + " must be a positive variance, got '" + v + "'");
            }
        }
        double[] kernelStart = initial(c);
        int nk = kernelStart.length;
        double[] start = java.util.Arrays.copyOf(kernelStart, nk + groups.size());
        for (int g = 0; g < groups.size(); g++) {
            start[nk + g] = Math.log(1e-4 * meanSquare);
        }
        java.util.function.ToDoubleFunction<double[]> negLml = theta -> {
            try {
                return -new Epgp.Posterior(features(c, java.util.Arrays.copyOf(theta, nk)), obs,
                        noise(theta, nk, fixed, floor)).logMarginal / obs.size();
            } catch (IllegalStateException | IllegalArgumentException e) {
                return Double.POSITIVE_INFINITY;
            }
        };
        long t1 = System.nanoTime();
        double[] theta = saved != null ? saved : start;
        if (saved != null && saved.length != start.length) {
            throw new IllegalArgumentException("the saved run has " + saved.length + " hyperparameters, this "
                    + "configuration " + start.length);
        }
        int done = 0;
        if (saved == null && iterations > 0) {
            Minimizer.Result r = Minimizer.minimize(x -> {
                double v = negLml.applyAsDouble(x);
                double[] g = Double.isFinite(v) ? Minimizer.gradient(negLml, x, 1e-5) : new double[x.length];
                return new Minimizer.Evaluation(v, g);
            }, start, iterations, 1e-8, (it, value) -> {
                if (it % every == 0 || it == iterations) {
                    progress.report(new ProgressUpdate("marginal-likelihood", it, iterations,
                            Map.of("-log-ml/n", value)));
                }
                return !progress.cancelled();
            });
            theta = r.x();
            done = r.iterations();
        }
        long t2 = System.nanoTime();
        double[] nu = noise(theta, nk, fixed, floor);
        Epgp.Posterior post = new Epgp.Posterior(features(c, java.util.Arrays.copyOf(theta, nk)), obs, nu);
        EpgpSolution solution = new EpgpSolution(problem, post);
        if (dir != null) {
            long t3 = System.nanoTime();
            Map<String, Double> metrics = new LinkedHashMap<>(RunOutput.evaluate(problem, solution, dir));
            metrics.put("seconds", (System.nanoTime() - t0) / 1e9);
            metrics.put("seconds-setup", (t1 - t0) / 1e9);
            metrics.put("seconds-learn", (t2 - t1) / 1e9);
            metrics.put("seconds-evaluate", (System.nanoTime() - t3) / 1e9);
            metrics.put("log-marginal-likelihood", post.logMarginal);
            metrics.put("features", (double) post.features.size());
            metrics.put("observations", (double) obs.size());
            metrics.put("iterations", (double) done);
            for (int g = 0; g < groups.size(); g++) {
                metrics.put("noise-sd." + groups.get(g), Math.sqrt(nu[g]));
            }
            metrics.putAll(describe(c, java.util.Arrays.copyOf(theta, nk)));
            metrics.put("equation-residual-max", solution.equationResidualMax(problem, engine));
            solution.putMetrics(metrics);
            RunOutput.writeJson(dir.resolve("metrics.json"), metrics);
            Map<String, String> state = new LinkedHashMap<>();
            state.put("solver", name());
            state.put("seed", Long.toString(seed));
            settings.forEach((k, v) -> {
                if (k.startsWith(prefix() + ".")) {
                    state.put("setting." + k, String.valueOf(v));
                }
            });
            state.put("theta", RunOutput.join(theta));
            RunOutput.writeState(dir, state);
        }
        return solution;
    }

    int defaultIterations() {
        return 60;
    }

    private static double[] noise(double[] theta, int nk, double[] fixed, double floor) {
        double[] nu = new double[fixed.length];
        for (int g = 0; g < nu.length; g++) {
            nu[g] = Double.isNaN(fixed[g]) ? Math.exp(theta[nk + g]) + floor : fixed[g];
        }
        return nu;
    }

    /** The posterior of an EPGP fit; its samples and mean solve the equation exactly. */
    static final class EpgpSolution extends GpSolution {
        final Epgp.Posterior post;

        EpgpSolution(PdeProblem problem, Epgp.Posterior post) {
            super(problem.inputs(), problem.outputs());
            this.post = post;
        }

        @Override
        double mean(double[] x, int output, int[] orders) {
            return post.mean(x, output, orders);
        }

        @Override
        double variance(double[] x, int output) {
            return post.variance(x, output);
        }

        /**
         * The largest equation residual of the posterior mean at 500 random points, through the problem's
         * own residual: a check of the variety, which makes it vanish to round-off.
         */
        double equationResidualMax(PdeProblem problem, TensorEngine engine) {
            double[] pts = problem.domain().uniform(500, new java.util.SplittableRandom(5));
            try (NDManager m = engine.newManager()) {
                return EpgpChecks.residualOfWeights(problem, post.features, post.weights, pts, m);
            }
        }
    }
}
