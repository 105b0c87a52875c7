package org.ansatz.models.pig.internal;

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
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.derivative.ReverseModeDerivatives;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.Test;

/** The Gaussian embedding and its jets: against a direct evaluation and nested reverse mode, float64. */
class PigTest {

    static final DjlTensorEngine ENGINE = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1));

    static Pig pig(NDManager m, int inputs, Map<String, Object> options) {
        return new Pig(new ModelSpec(inputs, 2, DataType.FLOAT64, 5, options), m);
    }

    @Test
    void jetsAgreeWithReverseModeForDiagonalAndCholeskyPrecisions() {
        DerivativePlan plan = DerivativePlan.of(2, List.of(MultiIndex.of(0), MultiIndex.of(1), MultiIndex.of(0, 0),
                MultiIndex.of(0, 1), MultiIndex.of(1, 1), MultiIndex.of(0, 0, 1), MultiIndex.of(1, 1, 1, 1)));
        try (NDManager m = ENGINE.newManager()) {
            for (String covariance : new String[] {"diagonal", "cholesky"}) {
                Pig net = pig(m, 2, Map.of("gaussians", "30", "covariance", covariance, "sigma", "0.3",
                        "layers", "8,8", "bounds", "-1:1,0:2"));
                // Larger features than initialised, and correlated Gaussians, so that every term matters.
                NDArray flat = net.parameters().get(0);
                flat.set(new NDIndex(":"), flat.add(m.randomUniform(-0.5f, 0.5f, flat.getShape(), DataType.FLOAT64)));
                NDArray x = m.randomUniform(-1f, 2f, new Shape(40, 2), DataType.FLOAT64);
                NDArray taylor = net.forward(Jet.input(x, plan)).data();
                NDArray reverse;
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    reverse = ReverseModeDerivatives.compute(net::forward, x, plan).duplicate();
                }
                for (MultiIndex mi : plan.streams()) {
                    int i = plan.indexOf(mi);
                    NDArray b = reverse.get(i);
                    double rel = taylor.get(i).sub(b).norm().getDouble() / b.norm().getDouble();
                    System.out.println("pig " + covariance + " stream " + mi + ": relative difference " + rel);
                    assertThat(rel).as(covariance + " " + mi).isLessThan(1e-8);
                }
            }
        }
    }

    @Test
    void theEmbeddingIsTheSumOfWeightedGaussians() {
        try (NDManager m = ENGINE.newManager()) {
            Pig net = pig(m, 2, Map.of("gaussians", "3", "features", "2", "covariance", "cholesky"));
            double[] mu = {0.1, -0.2, 0.5, 0.5, -0.7, 0.3};
            double[] l = {2, 0.5, 3, 1, -0.4, 1.5, 4, 0, 0.5}; // packed (0,0), (1,0), (1,1) per Gaussian
            double[] f = {1, -1, 0.5, 2, -0.3, 0.7};
            double[] all = new double[net.parameterCount()];
            System.arraycopy(mu, 0, all, 0, 6);
            System.arraycopy(l, 0, all, 6, 9);
            System.arraycopy(f, 0, all, 15, 6);
            net.parameters().get(0).set(new NDIndex(":"), m.create(all));
            double[] x = {0.3, -0.1};
            NDArray e = net.embedding(Jet.input(m.create(x, new Shape(1, 2)),
                    DerivativePlan.of(2, List.of())), m).value();
            for (int c = 0; c < 2; c++) {
                double expected = 0;
                for (int i = 0; i < 3; i++) {
                    double l00 = l[3 * i];
                    double l10 = l[3 * i + 1];
                    double l11 = l[3 * i + 2];
                    double dx = x[0] - mu[2 * i];
                    double dy = x[1] - mu[2 * i + 1];
                    // y = L^T (x - mu) with L = [[l00, 0], [l10, l11]]
                    double y0 = l00 * dx + l10 * dy;
                    double y1 = l11 * dy;
                    expected += f[2 * i + c] * Math.exp(-0.5 * (y0 * y0 + y1 * y1));
                }
                assertThat(e.getDouble(0, c)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-14));
            }
        }
    }

    @Test
    void badOptionsNameTheirKey() {
        try (NDManager m = ENGINE.newManager()) {
            Map<String, String> bad = new HashMap<>();
            bad.put("gaussians", "0");
            bad.put("features", "-2");
            bad.put("layers", "16,x");
            bad.put("activation", "relu6");
            bad.put("covariance", "full");
            bad.put("sigma", "0");
            bad.put("bounds", "1:0");
            bad.put("means", "grid");
            bad.forEach((key, value) -> assertThatThrownBy(() -> pig(m, 2, Map.of(key, value)))
                    .as(key).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model." + key));
        }
    }
}
