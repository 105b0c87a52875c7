package org.ansatz.examples.embedded;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.embed.EmbeddedAnsatz;

/**
 * A host application that runs Ansatz inside its own JVM: it trains a problem of its own, queries the
 * trained model, solves a problem of the runtime's library, and installs a plug-in while running.
 *
 * <pre>
 * java -cp ... org.ansatz.examples.embedded.EmbeddedHost RUNTIME.jar OUT_DIR [PLUGIN.jar]
 * </pre>
 */
public final class EmbeddedHost {

    /** The library problem this example solves; the tests run the same spec through {@code ansatz:solve}. */
    public static final RunSpec HEAT = RunSpec.of("heat").with("adam.steps", 200).with("lbfgs.iterations", 30)
            .with("model.layers", "16,16").with("points.domain", 500).seed(3);

    /** What the host got out. */
    public record Result(double ownError, double ownMaxPointError, double heatError, List<String> pluginMethods) {
    }

    private EmbeddedHost() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: EmbeddedHost RUNTIME.jar OUT_DIR [PLUGIN.jar]");
            System.exit(2);
        }
        Result r = run(Paths.get(args[0]), Paths.get(args[1]), args.length > 2 ? Paths.get(args[2]) : null);
        System.out.printf(Locale.ROOT, "own problem: rel-l2 %.3e, max error at 5 points %.3e%n", r.ownError(), r.ownMaxPointError());
        System.out.printf(Locale.ROOT, "heat: rel-l2 %.6e%n", r.heatError());
        System.out.println("methods the plug-in provided: " + r.pluginMethods());
    }

    public static Result run(Path runtime, Path out, Path plugin) {
        try (EmbeddedAnsatz ansatz = EmbeddedAnsatz.builder().runtime(runtime).start()) {
            double ownError;
            double maxPointError = 0;
            try (Solution s = ansatz.runs().solve(RunSpec.of("nonlinear-poisson", new NonlinearPoisson()).seed(1)
                    .directory(out.resolve("own")), Progress.NONE)) {
                ownError = s.metrics().get("rel-l2");
                // Query the trained model like any function of the host's.
                double[] x = {0.1, 0.3, 0.5, 0.7, 0.9};
                PointSet u = s.predict(new PointSet(List.of("x"), x));
                for (int i = 0; i < x.length; i++) {
                    maxPointError = Math.max(maxPointError, Math.abs(u.get(i, 0) - Math.sin(Math.PI * x[i])));
                }
            }
            double heatError;
            try (Solution s = ansatz.runs().solve(HEAT.directory(out.resolve("heat")), Progress.NONE)) {
                heatError = s.metrics().get("rel-l2");
            }
            List<String> pluginMethods = List.of();
            if (plugin != null) {
                try (EmbeddedAnsatz.Plugin p = ansatz.install(plugin)) {
                    pluginMethods = ansatz.registry().methods().stream()
                            .filter(m -> m.bundle().equals(p.symbolicName())).map(m -> m.name()).toList();
                }
            }
            return new Result(ownError, maxPointError, heatError, pluginMethods);
        }
    }
}
