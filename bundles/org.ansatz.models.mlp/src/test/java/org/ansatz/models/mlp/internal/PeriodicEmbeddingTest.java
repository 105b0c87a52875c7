package org.ansatz.models.mlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.derivative.ReverseModeDerivatives;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.Test;

/** The periodic input embedding: outputs are exactly periodic, and its jets agree with reverse mode. */
class PeriodicEmbeddingTest {

    static final DjlTensorEngine ENGINE = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1));

    private static Mlp network(NDManager m, String periodic, int inputs) {
        return new Mlp(new ModelSpec(inputs, 2, DataType.FLOAT64, 5, Map.of("layers", "8,8", "activation", "tanh",
                "periodic", periodic, "harmonics", "2")), m);
    }

    @Test
    void outputsRepeatWithThePeriodAndJetsMatchReverseMode() {
        try (NDManager m = ENGINE.newManager()) {
            Mlp net = network(m, "1:2.0", 3);
            assertThat(net.widths()[0]).as("t, y, then 2 cosines and 2 sines of x").isEqualTo(6);
            NDArray x = m.randomUniform(-1, 1, new Shape(32, 3), DataType.FLOAT64);
            NDArray shifted = x.add(m.create(new double[] {0, 2, 0}));
            double gap = net.forward(x).sub(net.forward(shifted)).abs().max().getDouble();
            assertThat(gap).isLessThan(1e-12);
            // ... and not in the other inputs.
            NDArray moved = x.add(m.create(new double[] {2, 0, 0}));
            assertThat(net.forward(x).sub(net.forward(moved)).abs().max().getDouble()).isGreaterThan(1e-3);

            DerivativePlan plan = DerivativePlan.of(3, List.of(MultiIndex.of(1), MultiIndex.of(1, 1),
                    MultiIndex.of(0, 1), MultiIndex.of(1, 1, 1), MultiIndex.of(2, 2)));
            NDArray taylor = net.forward(Jet.input(x, plan)).data();
            NDArray reverse;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                reverse = ReverseModeDerivatives.compute(net::forward, x, plan).duplicate();
            }
            for (MultiIndex mi : plan.streams()) {
                int i = plan.indexOf(mi);
                NDArray b = reverse.get(i);
                double rel = taylor.get(i).sub(b).norm().getDouble() / b.norm().getDouble();
                assertThat(rel).as("stream " + mi).isLessThan(1e-10);
            }
        }
    }

    @Test
    void malformedOptionsAreNamed() {
        try (NDManager m = ENGINE.newManager()) {
            assertThatThrownBy(() -> network(m, "3:1", 2)).hasMessageContaining("model.periodic");
            assertThatThrownBy(() -> network(m, "1:-1", 2)).hasMessageContaining("positive period");
            assertThatThrownBy(() -> new Mlp(new ModelSpec(2, 1, DataType.FLOAT64, 1, Map.of("harmonics", "2")), m))
                    .hasMessageContaining("model.harmonics needs model.periodic");
        }
    }
}
