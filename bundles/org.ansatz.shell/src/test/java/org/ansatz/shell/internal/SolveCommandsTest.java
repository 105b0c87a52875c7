package org.ansatz.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import java.util.Map;
import org.ansatz.api.solver.ProgressUpdate;
import org.junit.jupiter.api.Test;

class SolveCommandsTest {

    @Test
    void parsesSettingsSeedAndOutput() {
        var inv = SolveCommands.parse("burgers", "--set", "adam.steps=100", "--set", "model.layers=20,20",
                "--seed", "42", "--out", "runs/x");
        assertThat(inv.settings()).containsExactly(Map.entry("adam.steps", "100"), Map.entry("model.layers", "20,20"));
        assertThat(inv.seed()).isEqualTo(42);
        assertThat(inv.out()).isEqualTo(Paths.get("runs/x"));
    }

    @Test
    void methodShorthandsBecomeSettings() {
        var inv = SolveCommands.parse("convection", "--sampler", "r3", "--balance", "config", "--optimizer",
                "multiadam", "--causal", "0.01,0.1,1", "--solver", "gp-hfm");
        assertThat(inv.settings()).containsExactly(Map.entry("sampler", "r3"), Map.entry("balance", "config"),
                Map.entry("optimizer", "multiadam"), Map.entry("causal.epsilon", "0.01,0.1,1"),
                Map.entry("solver", "gp-hfm"));
        assertThatThrownBy(() -> SolveCommands.parse("convection", "--sampler", "--seed", "1"))
                .hasMessageContaining("--sampler needs a value");
    }

    @Test
    void defaultRunDirectoryIsNamedAfterTheProblem() {
        assertThat(SolveCommands.parse("burgers").out().toString()).matches("runs/burgers-\\d{8}-\\d{6}");
    }

    @Test
    void malformedArgumentsAreExplained() {
        assertThatThrownBy(() -> SolveCommands.parse("burgers", "--set", "adam.steps"))
                .hasMessageContaining("--set needs key=value").hasMessageContaining("usage");
        assertThatThrownBy(() -> SolveCommands.parse("burgers", "--seed", "x")).hasMessageContaining("--seed needs an integer");
        assertThatThrownBy(() -> SolveCommands.parse("burgers", "--sed", "1")).hasMessageContaining("unknown option '--sed'");
    }

    @Test
    void progressLineShowsValuesRateAndEta() {
        String line = ConsoleProgress.format(new ProgressUpdate("adam", 500, 2000, Map.of("loss", 1.5e-3)), 10.0, 0);
        assertThat(line).isEqualTo("adam      500/2000 [=====>              ]  25%  loss 1.500e-03  | 50.0 steps/s  ETA 0:30");
        assertThat(ConsoleProgress.duration(3725)).isEqualTo("1:02:05");
    }

    @Test
    void progressLineHasABarAndResumeIsAnnounced() {
        String line = ConsoleProgress.format(new ProgressUpdate("lbfgs", 250, 1000, Map.of("loss", 2e-4, "pde", 1e-4,
                "ic", 1e-4)), 5.0, 0);
        assertThat(line).contains("250/1000 [=====>              ]  25%").contains("pde 1.000e-04")
                .contains("ic 1.000e-04").contains("50.0 steps/s").contains("ETA 0:15");
        assertThat(ConsoleProgress.bar(1.0, 10)).isEqualTo("[==========] 100%");
        assertThat(ConsoleProgress.bar(0.0, 4)).isEqualTo("[>   ]   0%");
        assertThat(ConsoleProgress.format(new ProgressUpdate("resume", 500, -1, Map.of("loss", 0.5)), 0, 0))
                .isEqualTo("resuming from the checkpoint after step 500 (loss 5.000e-01)");
        assertThat(ConsoleProgress.format(new ProgressUpdate("restart", 1, 2, Map.of("loss", 0.0442, "seed", 1002.0)), 0, 0))
                .isEqualTo("restart 1 of 2 with seed 1002: the final loss 4.420e-02 stayed above restart.above");
    }

    @Test
    void optionsAfterASpecFileBecomeOverridesOfItsKeys() {
        assertThat(SolveCommands.isSpecFile("examples/specs/wave.yaml")).isTrue();
        assertThat(SolveCommands.isSpecFile("run.JSON")).isTrue();
        assertThat(SolveCommands.isSpecFile("burgers")).isFalse();
        assertThat(SolveCommands.overrides("--set", "adam.steps=10", "--model", "mlp", "--seed", "4", "--out", "r1"))
                .containsExactly(Map.entry("adam.steps", "10"), Map.entry("model", "mlp"), Map.entry("seed", "4"),
                        Map.entry("output.directory", "r1"));
    }
}
