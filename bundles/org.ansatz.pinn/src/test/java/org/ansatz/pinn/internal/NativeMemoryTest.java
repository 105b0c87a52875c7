package org.ansatz.pinn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.ansatz.problems.internal.Burgers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training must not keep native tensors from step to step: one float64 copy of the parameters per
 * step, left in the model's manager, made a 10 000-step Burgers run grow to 6 GB of native memory.
 */
class NativeMemoryTest {

    @TempDir
    Path run;

    @Test
    void liveTensorCountStaysFlatAcrossAdamAndLbfgsSteps() {
        Map<String, Object> settings = new LinkedHashMap<>(new Burgers().defaults());
        settings.put("model.layers", "10,10");
        settings.put("points.domain", 200);
        settings.put("adam.steps", 400);
        settings.put("lbfgs.iterations", 300);
        NDManager root = PinnSolverTest.ENGINE.engine().newBaseManager().getParentManager();
        List<String> counts = new ArrayList<>();
        Progress p = new Progress() {
            @Override
            public void report(ProgressUpdate u) {
                counts.add(u.stage() + "@" + u.step() + "=" + root.getManagedArrays().size());
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        try (Solution s = PinnSolverTest.solver().solve(new SolveRequest(new Burgers(), settings, 1, run), p)) {
            System.out.println("live tensors at progress reports: " + counts);
        }
        // Within a stage every report sees one forward pass alive, so the counts must be equal.
        Map<String, List<Integer>> byStage = new LinkedHashMap<>();
        for (String c : counts) {
            String stage = c.substring(0, c.indexOf('@'));
            byStage.computeIfAbsent(stage, k -> new ArrayList<>()).add(Integer.parseInt(c.substring(c.indexOf('=') + 1)));
        }
        assertThat(byStage).containsKeys("adam", "lbfgs");
        byStage.forEach((stage, n) -> {
            assertThat(n).as(stage + " " + counts).hasSizeGreaterThan(2);
            assertThat(n.get(n.size() - 1)).as(stage + " " + counts).isEqualTo(n.get(1));
        });
    }
}
