package org.ansatz.models.transformer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.derivative.ReverseModeDerivatives;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.Test;

/** Taylor mode through attention against nested reverse mode, float64; the pseudo-sequence; options. */
class PinnsFormerTest {

    static final DjlTensorEngine ENGINE = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1));

    static final DerivativePlan PLAN = DerivativePlan.of(2, List.of(MultiIndex.of(0), MultiIndex.of(1),
            MultiIndex.of(0, 0), MultiIndex.of(0, 1), MultiIndex.of(1, 1), MultiIndex.of(0, 1, 1)));

    static PinnsFormer model(NDManager m, Map<String, Object> options) {
        return new PinnsFormer(new ModelSpec(2, 2, DataType.FLOAT64, 9, options), m);
    }

    static double worst(NDArray taylor, NDArray reverse) {
        double worst = 0;
        for (MultiIndex mi : PLAN.streams()) {
            int i = PLAN.indexOf(mi);
            NDArray b = reverse.get(i);
            worst = Math.max(worst, taylor.get(i).sub(b).norm().getDouble() / Math.max(b.norm().getDouble(), 1e-300));
        }
        return worst;
    }

    static NDArray reverse(UnaryOperator<NDArray> f, NDArray x) {
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            return ReverseModeDerivatives.compute(f, x, PLAN).duplicate();
        }
    }

    @Test
    void jetsThroughAttentionAgreeWithReverseMode() {
        try (NDManager m = ENGINE.newManager()) {
            // A large dt and perturbed wavelet scalars, so that positions and both wavelet terms differ.
            PinnsFormer net = model(m, Map.of("steps", "3", "dt", "0.1", "width", "8", "heads", "2", "depth", "2",
                    "ff", "6", "layers", "7"));
            NDArray flat = net.parameters().get(0);
            flat.set(new NDIndex(":"), flat.add(m.randomUniform(-0.3f, 0.3f, flat.getShape(), DataType.FLOAT64)));
            NDArray x = m.randomUniform(-1f, 1f, new Shape(16, 2), DataType.FLOAT64);
            double rel = worst(net.forward(Jet.input(x, PLAN)).data(), reverse(net::forward, x));
            System.out.println("pinnsformer position 0: worst relative difference " + rel);
            assertThat(rel).isLessThan(1e-8);
            DerivativePlan value = DerivativePlan.of(2, List.of());
            NDArray all = net.sequence(Jet.input(x, PLAN)).data().reshape(PLAN.size(), 16, 3, 2);
            for (int k = 1; k < 3; k++) {
                int position = k;
                UnaryOperator<NDArray> f = p -> net.sequence(Jet.input(p, value)).value().reshape(-1, 3, 2)
                        .get(":, " + position + ", :");
                double r = worst(all.get(":, :, " + k + ", :"), reverse(f, x));
                System.out.println("pinnsformer position " + k + ": worst relative difference " + r);
                assertThat(r).isLessThan(1e-8);
            }
        }
    }

    @Test
    void positionKIsThePredictionAtTheShiftedTime() {
        try (NDManager m = ENGINE.newManager()) {
            PinnsFormer net = model(m, Map.of("steps", "4", "dt", "0.25", "time-axis", "1"));
            NDArray x = m.create(new double[] {0.3, 0.1}, new Shape(1, 2));
            // Position k of the sequence started at t sees the same inputs as position k-1 of the sequence
            // started at t + dt, but attends over different neighbours: outputs differ, inputs line up.
            NDArray all = net.sequence(Jet.input(x, DerivativePlan.of(2, List.of()))).value();
            assertThat(all.getShape()).isEqualTo(new Shape(4, 2));
            // forward runs the decoder on position 0 alone: the same function, up to rounding.
            assertThat(net.forward(x).sub(all.get("0:1")).abs().max().getDouble()).isLessThan(1e-12);
            // What the solver's sequential loss reads: K positions, shifted k dt along the time axis.
            assertThat(net.positions()).isEqualTo(4);
            assertThat(net.shift(0)).containsExactly(0, 0);
            assertThat(net.shift(3)).containsExactly(0, 0.75);
            NDArray[] split = org.ansatz.api.derivative.SequenceModel.split(all.expandDims(0), 4);
            assertThat(split[2].squeeze(0).sub(all.get("2:3")).abs().max().getDouble()).isEqualTo(0);
            assertThat(model(m, Map.of("steps", "4", "sequential-loss", "false")).positions()).isEqualTo(1);
        }
    }

    @Test
    void theTimeAxisIsTheInputNamedTUnlessTheOptionNamesAnother() {
        try (NDManager m = ENGINE.newManager()) {
            java.util.function.BiFunction<List<String>, Map<String, Object>, PinnsFormer> named = (names, o) -> {
                Map<String, Object> options = new HashMap<>(o);
                options.put("steps", "2");
                options.put("dt", "0.5");
                return new PinnsFormer(new ModelSpec(2, 1, DataType.FLOAT64, 9, options, null, names), m);
            };
            assertThat(named.apply(List.of("x", "t"), Map.of()).shift(1)).containsExactly(0, 0.5);
            assertThat(named.apply(List.of("t", "x"), Map.of()).shift(1)).containsExactly(0.5, 0);
            assertThat(named.apply(List.of("x", "y"), Map.of("time-axis", "y")).shift(1)).containsExactly(0, 0.5);
            assertThat(named.apply(List.of("x", "y"), Map.of("time-axis", "0")).shift(1)).containsExactly(0.5, 0);
            // Without names (an embedding caller), input 0 as before.
            assertThat(model(m, Map.of("steps", "2", "dt", "0.5")).shift(1)).containsExactly(0.5, 0);
            assertThatThrownBy(() -> named.apply(List.of("x", "y"), Map.of()))
                    .hasMessageContaining("[x, y] have no t").hasMessageContaining("model.time-axis");
            assertThatThrownBy(() -> named.apply(List.of("x", "y"), Map.of("time-axis", "z")))
                    .hasMessageContaining("no input named 'z' among [x, y]");
            assertThatThrownBy(() -> new ModelSpec(2, 1, DataType.FLOAT64, 9, Map.of(), null, List.of("t")))
                    .hasMessageContaining("1 input names [t] given to a model with 2 inputs");
        }
    }

    @Test
    void badOptionsNameTheirKey() {
        try (NDManager m = ENGINE.newManager()) {
            Map<String, String> bad = new HashMap<>();
            bad.put("steps", "0");
            bad.put("dt", "-1");
            bad.put("time-axis", "2");
            bad.put("width", "x");
            bad.put("heads", "3");
            bad.put("depth", "0");
            bad.put("ff", "0");
            bad.put("layers", "a,b");
            bad.put("dropout", "0.1");
            bad.put("activation", "tanh");
            bad.put("sequential-loss", "yes");
            bad.forEach((key, value) -> assertThatThrownBy(() -> model(m, Map.of(key, value)))
                    .as(key).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model." + key));
            model(m, Map.of("activation", "wavelet"));
        }
    }
}
