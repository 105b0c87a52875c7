package org.ansatz.gp.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.ansatz.api.solver.Solver;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.ansatz.problems.internal.HeatNoisy;
import org.ansatz.problems.internal.PoissonHighFrequency1d;
import org.ansatz.problems.internal.PoissonMultiscale1d;
import org.ansatz.problems.internal.PoissonMultiscale2d;

/**
 * The measured numbers of docs/gp.md, run by hand (never by the tests):
 * {@code mvn -q -o -f bundles/org.ansatz.gp/pom.xml test-compile exec:java
 * -Dexec.mainClass=org.ansatz.gp.internal.GpBenchmark -Dexec.args="gp-hfm poisson-1d-hf [key=value ...]"}.
 */
public final class GpBenchmark {

    private GpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: GpBenchmark <solver> <problem> [key=value ...]");
            System.exit(2);
        }
        DjlTensorEngine engine = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 0, 1));
        Solver solver = switch (args[0]) {
            case "gp-hfm" -> new GpHfmSolver(engine);
            case "epgp" -> new EpgpSolver(engine);
            case "s-epgp" -> new SparseEpgpSolver(engine);
            case "gp" -> new GpRegressionSolver(engine);
            default -> throw new IllegalArgumentException("unknown solver " + args[0]);
        };
        Problem problem = switch (args[1]) {
            case "poisson-1d-hf" -> new PoissonHighFrequency1d();
            case "poisson-1d-multiscale" -> new PoissonMultiscale1d();
            case "poisson-2d-multiscale" -> new PoissonMultiscale2d();
            case "heat-noisy" -> new HeatNoisy();
            default -> throw new IllegalArgumentException("unknown problem " + args[1]);
        };
        Map<String, Object> settings = new LinkedHashMap<>(problem.defaults());
        settings.put("solver", args[0]);
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Path dir = Files.createTempDirectory("gp-bench");
        long t0 = System.nanoTime();
        Progress progress = new Progress() {
            @Override
            public void report(ProgressUpdate u) {
                System.out.printf(Locale.ROOT, "  %s %d/%d %s%n", u.stage(), u.step(), u.totalSteps(), u.values());
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        try (Solution s = solver.solve(new SolveRequest(problem, settings, 0, dir), progress)) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%s on %s: %.2f s (wall, including engine start)%n", args[0], args[1], seconds);
            s.metrics().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-24s %.4e%n", k, v));
            System.out.println("  run directory " + dir);
        }
    }
}
