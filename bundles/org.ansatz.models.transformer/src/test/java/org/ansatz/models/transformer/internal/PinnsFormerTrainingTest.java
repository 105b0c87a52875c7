package org.ansatz.models.transformer.internal;

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
import org.ansatz.problems.internal.Heat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PINNsFormer trained by the real PINN solver on the heat equation with its hard constraints (the
 * solver multiplies the model's output jet by the problem's distance function and adds the initial
 * value), error measured against the exact solution. The loss is at position 0 only (see PinnsFormer).
 */
class PinnsFormerTrainingTest {

    static final DjlTensorEngine ENGINE = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1));

    @TempDir
    Path run;

    static Solver solver() {
        MethodCatalog registry = new MethodCatalog();
        registry.add(new MethodDescriptor("pinnsformer", MethodKind.MODEL, "", "test", "0", 1),
                PinnsFormerFactory::new);
        registry.add(new MethodDescriptor("adam", MethodKind.OPTIMIZER, "", "test", "0", 2), AdamFactory::new);
        registry.add(new MethodDescriptor("lbfgs", MethodKind.OPTIMIZER, "", "test", "0", 3), LbfgsFactory::new);
        return new org.ansatz.pinn.internal.PinnSolver(registry, ENGINE);
    }

    @Test
    void heatWithHardConstraintsReachesASmallError() {
        PdeProblem problem = new Heat();
        Map<String, Object> settings = new LinkedHashMap<>(problem.defaults());
        settings.put("model", "pinnsformer");
        settings.put("model.width", "16");
        settings.put("model.ff", "16");
        settings.put("model.layers", "16");
        settings.put("model.steps", "3");
        settings.put("dtype", "float64");
        settings.put("points.domain", 200);
        settings.put("adam.steps", 150);
        settings.put("adam.lr", 0.005);
        settings.put("lbfgs.iterations", 100);
        long t0 = System.nanoTime();
        try (Solution s = solver().solve(new SolveRequest(problem, settings, 1, run), Progress.NONE)) {
            System.out.printf("pinnsformer on heat (hard): %s in %.1f s%n", s.metrics(),
                    (System.nanoTime() - t0) / 1e9);
            assertThat(s.metrics().get("rel-l2")).isLessThan(1e-2);
        }
    }
}
