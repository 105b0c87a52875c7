package org.ansatz.examples.guice;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.Runs;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.guice.AnsatzComponents;
import org.ansatz.guice.AnsatzModule;

/**
 * A host that cannot run OSGi (an executor of a distributed engine, a plain application): the kernel and
 * the families on its class path, wired by Guice. It trains a problem of its own and one of the library.
 *
 * <pre>
 * java -cp ... org.ansatz.examples.guice.GuiceHost OUT_DIR
 * </pre>
 */
public final class GuiceHost {

    /** The library problem this example solves; the tests run the same spec through {@code ansatz:solve}. */
    public static final RunSpec HEAT = RunSpec.of("heat").with("adam.steps", 200).with("lbfgs.iterations", 30)
            .with("model.layers", "16,16").with("points.domain", 500).seed(3);

    /** What the host got out. */
    public record Result(double ownError, double ownValueNearLayer, double heatError, List<String> problems) {
    }

    private GuiceHost() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: GuiceHost OUT_DIR");
            System.exit(2);
        }
        Result r = run(Paths.get(args[0]));
        System.out.println("problems on the class path: " + r.problems());
        System.out.printf(Locale.ROOT, "own problem: rel-l2 %.3e, u(0.95) = %.5f%n", r.ownError(), r.ownValueNearLayer());
        System.out.printf(Locale.ROOT, "heat: rel-l2 %.6e%n", r.heatError());
    }

    public static Result run(Path out) {
        Injector injector = Guice.createInjector(new AnsatzModule());
        try (AnsatzComponents components = injector.getInstance(AnsatzComponents.class)) {
            MethodRegistry registry = injector.getInstance(MethodRegistry.class);
            Runs runs = injector.getInstance(Runs.class);
            List<String> problems = registry.methods(MethodKind.PROBLEM).stream().map(m -> m.name()).toList();
            double ownError;
            double nearLayer;
            try (Solution s = runs.solve(RunSpec.of("boundary-layer", new BoundaryLayer(0.1)).seed(1)
                    .directory(out.resolve("own")), Progress.NONE)) {
                ownError = s.metrics().get("rel-l2");
                nearLayer = s.predict(new PointSet(List.of("x"), new double[] {0.95})).get(0, 0);
            }
            double heatError;
            try (Solution s = runs.solve(HEAT.directory(out.resolve("heat")), Progress.NONE)) {
                heatError = s.metrics().get("rel-l2");
            }
            return new Result(ownError, nearLayer, heatError, problems);
        }
    }
}
