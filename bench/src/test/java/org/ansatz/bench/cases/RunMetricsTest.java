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
