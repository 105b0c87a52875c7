package org.example.ansatz.siren;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/**
 * What every model plug-in should test: its Taylor-mode jets agree with the autograd engine in
 * float64, and bad options are named.
 */
class SirenTest {

    private static final Engine ENGINE = Engine.getEngine("PyTorch");

    @Test
    void jetsAgreeWithReverseModeInFloat64() {
        try (NDManager m = ENGINE.newBaseManager()) {
            Siren net = (Siren) new SirenFactory().create(
                    new ModelSpec(2, 1, DataType.FLOAT64, 3, Map.of("width", 16, "depth", 2)), m);
            assertEquals(2 * 16 + 16 + 16 * 16 + 16 + 16 + 1, net.parameterCount());
            NDArray x = m.randomUniform(-1, 1, new Shape(64, 2), DataType.FLOAT64);
            DerivativePlan plan = DerivativePlan.of(2, List.of(MultiIndex.of(0), MultiIndex.of(1),
                    MultiIndex.of(1, 1), MultiIndex.of(0, 1), MultiIndex.of(1, 1, 1, 1)));
            NDArray taylor = net.forward(Jet.input(x, plan)).data();
            NDArray reverse;
            try (GradientCollector gc = ENGINE.newGradientCollector()) {
                reverse = ReverseModeDerivatives.compute(net::forward, x, plan).duplicate();
            }
            for (MultiIndex mi : plan.streams()) {
                int i = plan.indexOf(mi);
                NDArray b = reverse.get(i);
                double rel = taylor.get(i).sub(b).norm().getDouble() / b.norm().getDouble();
                assertTrue(rel < 1e-10, "stream " + mi + ": relative difference " + rel);
            }
        }
    }

    @Test
    void unknownOptionIsNamed() {
        try (NDManager m = ENGINE.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SirenFactory()
                    .create(new ModelSpec(2, 1, DataType.FLOAT32, 1, Map.of("widht", 16)), m));
            assertTrue(e.getMessage().contains("model.widht"), e.getMessage());
        }
    }
}
