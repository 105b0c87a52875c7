package org.ansatz.models.multistage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.derivative.Activations;
import org.junit.jupiter.api.Test;

/** What each stage's pinn run is given, and settings errors that name the key. */
class SettingsTest {

    private static Map<String, Object> settings(Object... kv) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], kv[i + 1]);
        }
        return o;
    }

    @Test
    void stagesGetTheBaseSettingsTheirOverridesAndTheFrozenStages() {
        Settings s = Settings.parse(settings("solver", "multistage-pinn", "model", "mlp", "stages", "2",
                "model.layers", "20,20", "adam.steps", "1000", "stage2.adam.steps", "300", "weight.bc", "10"));
        Map<String, Object> first = s.stageSettings(1, List.of(), new double[0], 1, 1, null);
        assertThat(first).containsEntry("solver", "pinn").containsEntry("model", "multistage")
                .containsEntry("adam.steps", "1000").containsEntry("dtype", "float64").doesNotContainKey("model.frozen");
        StageNetwork net = new StageNetwork(1, 1, Activations.TANH, Activations.TANH, new int[] {1, 20, 20, 1});
        Map<String, Object> second = s.stageSettings(2, List.of(net), new double[] {1, 2}, 1e-5, 12.5,
                Map.of("pde", 1e9, "bc", 1e10));
        assertThat(second).containsEntry("adam.steps", "300").containsEntry("model.frozen", net.describe())
                .containsEntry("model.scale", "1.0E-5").containsEntry("model.kappa", "12.5")
                .containsEntry("model.first-activation", "sin").containsEntry("weight.bc", "1.0E10")
                .doesNotContainKey("stage2.adam.steps");
        assertThat(s.weight("bc")).isEqualTo(10);
        assertThat(s.weight("pde")).isEqualTo(1);
        assertThat(Settings.parse(settings("dtype", "float32")).base()).containsEntry("dtype", "float32");
        assertThat(Settings.parse(settings("target", "reference")).stageSettings(1, List.of(), new double[0], 1, 1,
                null)).containsEntry("constraints", "soft");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> Settings.parse(settings("stages", "0"))).hasMessageContaining("stages");
        assertThatThrownBy(() -> Settings.parse(settings("target", "data"))).hasMessageContaining("target");
        assertThatThrownBy(() -> Settings.parse(settings("kappa-factor", "-1"))).hasMessageContaining("kappa-factor");
        assertThatThrownBy(() -> Settings.parse(settings("stages", "2", "stage3.adam.steps", "5")))
                .hasMessageContaining("stage3.adam.steps");
        assertThatThrownBy(() -> Settings.parse(settings("stage2.stages", "5"))).hasMessageContaining("stage2.stages");
        assertThatThrownBy(() -> Settings.parse(settings("stagex.adam.steps", "5")))
                .hasMessageContaining("stagex.adam.steps");
        assertThatThrownBy(() -> Settings.parse(settings("model", "kan"))).hasMessageContaining("model=kan");
        assertThatThrownBy(() -> Settings.parse(settings("model.kappa", "3"))).hasMessageContaining("model.kappa");
        assertThatThrownBy(() -> Settings.parse(settings("solver", "gp"))).hasMessageContaining("solver");
    }
}
