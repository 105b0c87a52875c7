package org.ansatz.models.multistage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small multi-stage runs on the smooth 1D problem, float64, measured against the exact solution: the
 * second stage must cut the first stage's error by orders of magnitude (the method's claim), for the
 * PDE residual and for regression. Budgets are small so that each test stays well under 20 s; the
 * full-budget numbers (1e-10 and below) are in docs/architectures.md.
 */
class MultistageSolverTest {

    @TempDir
    Path run;

    private static Map<String, Object> settings(Object... kv) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("stages", "2");
        o.put("model.layers", "20,20");
        o.put("points.domain", "400");
        o.put("adam.steps", "400");
        o.put("lbfgs.iterations", "700");
        o.put("progress.every", "1000");
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], kv[i + 1]);
        }
        return o;
    }

    @Test
    void aSecondStageTakesThePinnErrorDownByOrdersOfMagnitudeAndTheRunReopens() throws Exception {
        long t0 = System.nanoTime();
        MultistageSolver solver = Wiring.solver();
        SmoothProblem problem = new SmoothProblem();
        double[] x = {-0.9, -0.3, 0.2, 0.77};
        double[] before;
        try (Solution s = solver.solve(new SolveRequest(problem, settings("constraints", "hard"), 0, run),
                Progress.NONE)) {
            System.out.println("multistage PINN: " + s.metrics() + " in " + (System.nanoTime() - t0) / 1e9 + " s");
            double first = s.metrics().get("stage1.rel-l2");
            double second = s.metrics().get("rel-l2");
            assertThat(first).isLessThan(1e-4);
            assertThat(second).isLessThan(first / 100).isLessThan(1e-7);
            before = s.predict(new PointSet(List.of("x"), x)).values();
        }
        assertThat(run.resolve("stage-1/model.bin")).exists();
        assertThat(Files.readString(run.resolve("multistage.json"))).contains("\"stages\": 2");
        assertThat(Files.readString(run.resolve("history.csv"))).contains("s1-adam").contains("s2-lbfgs");
        try (Solution again = solver.load(problem, run)) {
            assertThat(again.predict(new PointSet(List.of("x"), x)).values()).containsExactly(before);
        }
    }

    @Test
    void aSecondStageTakesTheRegressionErrorDownByOrdersOfMagnitude() {
        long t0 = System.nanoTime();
        try (Solution s = Wiring.solver().solve(new SolveRequest(new SmoothProblem(),
                settings("target", "reference", "constraints", "hard"), 0, run), Progress.NONE)) {
            System.out.println("multistage regression: " + s.metrics() + " in " + (System.nanoTime() - t0) / 1e9
                    + " s");
            double first = s.metrics().get("stage1.rel-l2");
            assertThat(first).isLessThan(1e-3);
            assertThat(s.metrics().get("rel-l2")).isLessThan(first / 30);
        }
    }

    @Test
    void settingsThePinnSolverDoesNotKnowFailBeforeTraining() {
        assertThatThrownBy(() -> Wiring.solver().solve(new SolveRequest(new SmoothProblem(),
                settings("adam.stpes", "10"), 0, run), Progress.NONE)).hasMessageContaining("adam.stpes");
    }
}
