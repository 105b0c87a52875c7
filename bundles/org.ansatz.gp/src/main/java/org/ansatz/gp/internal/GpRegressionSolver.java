package org.ansatz.gp.internal;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.Options;
import org.ansatz.api.pde.Box;
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
 * Solver {@code gp}: plain GP regression on the problem's value data (observations, initial and
 * Dirichlet values), ignoring the equation; the physics-free baseline for the physics-informed GPs.
 * Settings ({@code gp.*}): {@code kernel} (one of {@link Kernels#NAMES}, a product over the inputs),
 * {@code iterations} (BFGS on the log marginal likelihood), {@code condition-points}, {@code components}
 * (spectral mixtures), {@code min-noise}.
 */
@Component(service = Solver.class)
@AnsatzMethod(name = "gp", description = "GP regression on the problem's data (no physics); exact Cholesky inference, "
        + "hyperparameters by marginal likelihood")
public class GpRegressionSolver implements Solver {

    static final String NAME = "gp";

    private final TensorEngine engine;

    @Activate
    public GpRegressionSolver(@Reference TensorEngine engine) {
        this.engine = engine;
    }

    @Override
    public boolean supports(Problem problem) {
        return problem instanceof PdeProblem p && p.outputs().size() == 1;
    }

    @Override
    public Solution solve(SolveRequest request, Progress progress) {
        PdeProblem problem = PdeSetup.pde(request.problem(), NAME);
        Map<String, Object> spec = new LinkedHashMap<>(request.settings());
        spec.put("seed", request.seed());
        RunOutput.writeJson(request.runDirectory().resolve("spec.json"), spec);
        return run(problem, request.settings(), null, request.seed(), request.runDirectory(), progress);
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
        return run(problem, settings, RunOutput.split(state.get("theta"), "hyperparameters"),
                Long.parseLong(state.getOrDefault("seed", "0")), null, Progress.NONE);
    }

    private Solution run(PdeProblem problem, Map<String, Object> settings, double[] saved, long seed, Path dir,
            Progress progress) {
        long t0 = System.nanoTime();
        if (problem.outputs().size() != 1) {
            throw new IllegalArgumentException("solver gp regresses one output, this problem has " + problem.outputs());
        }
        Options s = new Options(settings);
        s.string("solver", NAME);
        String kernelName = s.choice("gp.kernel", "matern52", Kernels.NAMES);
        int iterations = s.integer("gp.iterations", 100, 0);
        int conditionPoints = s.integer("gp.condition-points", 64, 1);
        int components = s.integer("gp.components", 4, 1);
        double minNoise = s.real("gp.min-noise", 1e-10, 0);
        PdeSetup.ignoreProblemDefaults(s, problem);
        s.checkAllRead("solver " + NAME);
        int d = problem.inputs().size();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        try (NDManager manager = engine.newManager()) {
            for (PdeSetup.ProbedCondition pc : PdeSetup.probeConditions(problem, PdeSetup.conditions(problem, NAME),
                    conditionPoints, seed, manager)) {
                LinearProbe.Operator op = pc.operator();
                for (int st = 1; st < op.streams().size(); st++) {
                    if (op.uses(st, 0)) {
                        throw new IllegalArgumentException("solver gp regresses values; condition " + pc.name()
                                + " constrains " + op.streams().get(st).name("u", problem.inputs())
                                + " (use gp-hfm or epgp for derivative data)");
                    }
                }
                for (int p = 0; p < op.points(); p++) {
                    for (int e = 0; e < op.equations(); e++) {
                        double c = op.coefficient(0, 0, p, e);
                        if (c == 0) {
                            continue;
                        }
                        for (int a = 0; a < d; a++) {
                            xs.add(pc.points()[p * d + a]);
                        }
                        ys.add(op.rhs()[p * op.equations() + e] / c);
                    }
                }
            }
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        double var = 0;
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        for (double v : y) {
            var += (v - mean) * (v - mean) / y.length;
        }
        var = Math.max(var, 1e-300);
        Box box = problem.domain();
        List<Kernel1d> axes = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            double span = box.upper()[a] - box.lower()[a];
            Kernel1d k = Kernels.create(kernelName, span, components, 4 / span);
            double[] p = k.parameters();
            if (a == 0 && !(k instanceof Kernels.SpectralMixture)) {
                p[0] = Math.log(var);
            }
            axes.add(k.with(p));
        }
        ProductKernel kernel = new ProductKernel(axes);
        double minLog = Math.log(minNoise * var);
        long t1 = System.nanoTime();
        GaussianProcess gp;
        if (saved != null) {
            gp = GaussianProcess.fit(kernel.with(java.util.Arrays.copyOf(saved, saved.length - 1)),
                    saved[saved.length - 1], x, y);
        } else {
            progress.report(new ProgressUpdate("marginal-likelihood", 0, iterations, Map.of("points", (double) y.length)));
            gp = GaussianProcess.optimize(kernel, Math.log(1e-4 * var), minLog, x, y, iterations);
            progress.report(new ProgressUpdate("marginal-likelihood", iterations, iterations,
                    Map.of("log-ml", gp.logMarginalLikelihood())));
        }
        long t2 = System.nanoTime();
        GaussianProcess fitted = gp;
        GpSolution solution = new GpSolution(problem.inputs(), problem.outputs()) {
            @Override
            double mean(double[] p, int output, int[] orders) {
                for (int o : orders) {
                    if (o != 0) {
                        throw new UnsupportedOperationException("solver gp predicts values only");
                    }
                }
                return fitted.predict(p)[0][0];
            }

            @Override
            double variance(double[] p, int output) {
                return fitted.predict(p)[1][0];
            }

            @Override
            public org.ansatz.api.problem.PointSet predict(org.ansatz.api.problem.PointSet in) {
                double[][] mv = fitted.predict(in.values());
                return new org.ansatz.api.problem.PointSet(problem.outputs(), mv[0]);
            }

            @Override
            org.ansatz.api.problem.PointSet predictWithVariance(org.ansatz.api.problem.PointSet in) {
                double[][] mv = fitted.predict(in.values());
                double[] out = new double[2 * mv[0].length];
                for (int i = 0; i < mv[0].length; i++) {
                    out[2 * i] = mv[0][i];
                    out[2 * i + 1] = mv[1][i];
                }
                return new org.ansatz.api.problem.PointSet(List.of("u", "u_var"), out);
            }
        };
        if (dir != null) {
            Map<String, Double> metrics = new LinkedHashMap<>(RunOutput.evaluate(problem, solution, dir));
            metrics.put("seconds", (System.nanoTime() - t0) / 1e9);
            metrics.put("seconds-learn", (t2 - t1) / 1e9);
            metrics.put("log-marginal-likelihood", gp.logMarginalLikelihood());
            metrics.put("noise-sd", Math.sqrt(gp.noiseVariance()));
            metrics.put("observations", (double) y.length);
            solution.putMetrics(metrics);
            RunOutput.writeJson(dir.resolve("metrics.json"), metrics);
            Map<String, String> state = new LinkedHashMap<>();
            state.put("solver", NAME);
            state.put("seed", Long.toString(seed));
            settings.forEach((k, v) -> {
                if (k.startsWith("gp.")) {
                    state.put("setting." + k, String.valueOf(v));
                }
            });
            double[] kp = gp.kernel().parameters();
            double[] theta = java.util.Arrays.copyOf(kp, kp.length + 1);
            theta[kp.length] = Math.log(gp.noiseVariance());
            state.put("theta", RunOutput.join(theta));
            RunOutput.writeState(dir, state);
        }
        return solution;
    }
}
