package org.ansatz.bench.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetricsTest {

    @TempDir
    Path run;

    @Test
    void readsErrorSecondsAndWhereTrainingStopped() throws Exception {
        // The files as `ansatz solve burgers` writes them.
        Files.writeString(run.resolve("metrics.json"),
                "{\n  \"residual-mean-abs\": 0.44,\n  \"rel-l2\": 9.1e-4,\n  \"max-abs\": 0.94\n}");
        Files.writeString(run.resolve("status.json"), "{\n  \"status\": \"finished\",\n  \"seconds\": 126.3,\n  \"parts\": 1\n}");
        Files.writeString(run.resolve("history.csv"), "stage,step,seconds,loss,pde,lr,evals\n"
                + "adam,50,88.7,4.4e-01,4.4e-01,1.0e-03,\nlbfgs,20,109.2,3.8e-01,3.8e-01,,2.3e+01\n");
        RunMetrics m = RunMetrics.read(run);
        assertThat(m.relL2()).isEqualTo(9.1e-4);
        assertThat(m.seconds()).isEqualTo(126.3);
        assertThat(m.lastStage()).isEqualTo("lbfgs");
        assertThat(m.lastStep()).isEqualTo(20);
        assertThat(m.unknowns()).isEmpty();
    }

    @Test
    void readsTheRecoveredUnknownsOfAnInverseProblem() throws Exception {
        Files.writeString(run.resolve("metrics.json"), "{\"unknown.s\": 9.9, \"unknown.s.true\": 10.0, "
                + "\"unknown.s.rel-error\": 0.01, \"unknown.b\": 2.6, \"unknown.b.true\": 2.667, "
                + "\"unknown.b.rel-error\": 0.025, \"rel-l2\": 0.05}");
        RunMetrics m = RunMetrics.read(run);
        assertThat(m.unknowns()).containsOnlyKeys("s", "b");
        assertThat(m.unknowns().get("s")).containsExactly(9.9, 0.01);
        assertThat(m.unknowns().get("b")).containsExactly(2.6, 0.025);
        // The accuracy table's cell: medians over the seeds of the value and of the relative error.
        RunMetrics other = new RunMetrics(0.04, 1, "", 1, java.util.Map.of("s", new double[] {9.5, 0.05}));
        RunMetrics third = new RunMetrics(0.04, 1, "", 1, java.util.Map.of("s", new double[] {10.2, 0.02}));
        assertThat(AccuracyCase.unknowns(java.util.List.of(m, other, third))).isEqualTo("s 9.9000 (2.0 %), b 2.6000 (2.5 %)");
        assertThat(AccuracyCase.unknowns(java.util.List.of(new RunMetrics(0.1, 1, "", 1, java.util.Map.of())))).isEqualTo("-");
    }

    @Test
    void theAccuracyTableKeepsEachProblemsBudget() {
        assertThat(AccuracyCase.entries(java.util.List.of()).get(0).row()).isEqualTo("burgers (defaults)");
        assertThat(AccuracyCase.entries(java.util.List.of("kovasznay", "allen-cahn"))).extracting(AccuracyCase.Entry::row)
                .containsExactly("kovasznay (adam.steps=1500, lbfgs.iterations=1000)", "allen-cahn (defaults)");
    }

    @Test
    void aRunWithoutMetricsIsAnError() {
        assertThatThrownBy(() -> RunMetrics.read(run)).hasMessageContaining("no metrics.json");
    }

    @Test
    void missingStatusAndHistoryLeaveThoseFieldsUnknown() throws Exception {
        Files.writeString(run.resolve("metrics.json"), "{\"rel-l2\": 0.5}");
        RunMetrics m = RunMetrics.read(run);
        assertThat(m.seconds()).isNaN();
        assertThat(m.lastStep()).isEqualTo(-1);
    }
}
