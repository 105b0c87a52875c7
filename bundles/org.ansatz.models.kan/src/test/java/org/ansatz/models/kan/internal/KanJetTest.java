package org.ansatz.models.kan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
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

/** Taylor-mode jets of KANs against nested reverse mode (PyTorch autograd), float64. */
class KanJetTest {

    static final DjlTensorEngine ENGINE = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1));

    static final DerivativePlan PLAN = DerivativePlan.of(2, List.of(MultiIndex.of(0), MultiIndex.of(1),
            MultiIndex.of(0, 0), MultiIndex.of(0, 1), MultiIndex.of(1, 1), MultiIndex.of(0, 1, 1),
            MultiIndex.of(1, 1, 1, 1)));

    static Kan kan(NDManager m, Map<String, Object> options) {
        return new Kan(new ModelSpec(2, 2, DataType.FLOAT64, 3, options), m);
    }

    /** Worst relative difference over the streams of PLAN. */
    static double worst(NDManager m, Kan net, NDArray x) {
        NDArray taylor = net.forward(Jet.input(x, PLAN)).data();
        NDArray reverse;
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            reverse = ReverseModeDerivatives.compute(net::forward, x, PLAN).duplicate();
        }
        double worst = 0;
        for (MultiIndex mi : PLAN.streams()) {
            int i = PLAN.indexOf(mi);
            NDArray b = reverse.get(i);
            double scale = Math.max(b.norm().getDouble(), 1e-12);
            worst = Math.max(worst, taylor.get(i).sub(b).norm().getDouble() / scale);
        }
        return worst;
    }

    @Test
    void jetsAgreeWithReverseModeUpToFourthOrderAndMixedPartials() {
        try (NDManager m = ENGINE.newManager()) {
            // Wide grid range: hidden values inside it, so every piece of the splines is exercised; points
            // reach beyond the first layer's bounds too, where only the outer basis functions remain.
            Kan net = kan(m, Map.of("layers", "5,4", "grid", "4", "bounds", "-1:1,0:2", "grid-range", "-3:3"));
            NDArray x = m.randomUniform(-1.3f, 2.3f, new Shape(64, 2), DataType.FLOAT64);
            double rel = worst(m, net, x);
            System.out.println("kan jet vs reverse mode, worst relative difference " + rel);
            assertThat(rel).isLessThan(1e-8);
        }
    }

    @Test
    void jetsAgreeAfterGridExtensionAndForEveryDegree() {
        try (NDManager m = ENGINE.newManager()) {
            for (String order : new String[] {"1", "2", "3", "5"}) {
                Kan net = kan(m, Map.of("layers", "3", "grid", "3", "order", order, "grid-schedule", "6@1000",
                        "base", "tanh"));
                net.extendGrid();
                // Make the fine block non-zero, so that both the prolonged coarse and the fine coefficients count.
                NDArray flat = net.parameters().get(0);
                flat.set(new NDIndex(":"), flat.add(m.randomUniform(-0.2f, 0.2f, flat.getShape(), DataType.FLOAT64)));
                NDArray x = m.randomUniform(-1f, 1f, new Shape(48, 2), DataType.FLOAT64);
                double rel = worst(m, net, x);
                System.out.println("kan order " + order + " after extension: worst relative difference " + rel);
                assertThat(rel).as("order " + order).isLessThan(1e-8);
            }
        }
    }

    @Test
    void bSplinePiecesMatchTheCoxDeBoorRecursionAndFiniteDifferences() {
        try (NDManager m = ENGINE.newManager()) {
            for (int k = 1; k <= 5; k++) {
                CardinalBSpline s = new CardinalBSpline(k);
                double[] u = new double[200];
                for (int i = 0; i < u.length; i++) {
                    u[i] = -1 + (k + 3) * (i + 0.5) / u.length;
                }
                NDArray z = m.create(u, new Shape(20, 10));
                NDArray[] d = s.derivatives(z, 2, v -> m.create(v));
                assertThat(d[0].getShape()).isEqualTo(new Shape(20, 10));
                double[] f0 = d[0].toDoubleArray();
                double[] f1 = d[1].toDoubleArray();
                double[] f2 = d[2].toDoubleArray();
                double h = 1e-5;
                for (int i = 0; i < u.length; i++) {
                    double f = CardinalBSpline.value(k, u[i]);
                    double fp = (CardinalBSpline.value(k, u[i] + h) - CardinalBSpline.value(k, u[i] - h)) / (2 * h);
                    double fpp = (CardinalBSpline.value(k, u[i] + h) - 2 * f + CardinalBSpline.value(k, u[i] - h))
                            / (h * h);
                    assertThat(f0[i]).as("N_%d(%f)", k, u[i]).isCloseTo(f, org.assertj.core.data.Offset.offset(1e-14));
                    if (Math.abs(u[i] - Math.rint(u[i])) > 1e-3) { // away from knots, where N' or N'' may jump
                        assertThat(f1[i]).isCloseTo(fp, org.assertj.core.data.Offset.offset(1e-7));
                        if (k >= 2) {
                            assertThat(f2[i]).isCloseTo(fpp, org.assertj.core.data.Offset.offset(1e-3));
                        } else {
                            assertThat(f2[i]).isEqualTo(0);
                        }
                    }
                }
                // Partition of unity: the k + 1 shifted copies covering a point sum to one.
                double sum = 0;
                for (int j = 0; j <= k; j++) {
                    sum += CardinalBSpline.value(k, k + 0.37 - j);
                }
                assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-14));
            }
        }
    }
}
