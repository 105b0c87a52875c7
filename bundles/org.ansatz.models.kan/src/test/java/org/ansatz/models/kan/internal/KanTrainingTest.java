package org.ansatz.models.kan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.ansatz.api.solver.Solver;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.ansatz.kernel.internal.registry.MethodCatalog;
import org.ansatz.optimizers.internal.AdamFactory;
import org.ansatz.optimizers.internal.LbfgsFactory;
import org.ansatz.problems.internal.Poisson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KINN: the KAN trained by the real PINN solver on a library problem with its hard constraints (the
 * solver multiplies the model's output jet by the problem's distance function), error measured
 * against the exact solution. The grid is extended half way through Adam.
 */
class KanTrainingTest {

    static final DjlTensorEngine ENGINE = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1));

    @TempDir
    Path run;

    static Solver solver() {
        MethodCatalog registry = new MethodCatalog();
        registry.add(new MethodDescriptor("kan", MethodKind.MODEL, "", "test", "0", 1), KanFactory::new);
        registry.add(new MethodDescriptor("adam", MethodKind.OPTIMIZER, "", "test", "0", 2), AdamFactory::new);
        registry.add(new MethodDescriptor("lbfgs", MethodKind.OPTIMIZER, "", "test", "0", 3), LbfgsFactory::new);
        return new org.ansatz.pinn.internal.PinnSolver(registry, ENGINE);
    }

    @Test
    void poissonWithHardConstraintsReachesASmallError() {
        PdeProblem problem = new Poisson();
        Map<String, Object> settings = new LinkedHashMap<>(problem.defaults());
        settings.put("model", "kan");
        settings.put("model.layers", "4");
        settings.put("model.grid", "3");
        settings.put("model.bounds", "0:1");
        settings.put("model.grid-schedule", "6@150");
        settings.put("dtype", "float64");
        settings.put("points.domain", 400);
        settings.put("adam.steps", 300);
        settings.put("adam.lr", 0.01);
        settings.put("lbfgs.iterations", 150);
        long t0 = System.nanoTime();
        try (Solution s = solver().solve(new SolveRequest(problem, settings, 1, run), Progress.NONE)) {
            System.out.printf("kan on poisson-square (hard): %s in %.1f s%n", s.metrics(),
                    (System.nanoTime() - t0) / 1e9);
            assertThat(s.metrics().get("rel-l2")).isLessThan(1e-2);
        }
    }
}
