package org.ansatz.api.derivative;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Cauchy activation's closed-form derivatives (through complex powers) against nested reverse
 * mode, to order 4, alone and inside a small network with per-neuron parameters; {@link Jet#scale(NDArray)}
 * likewise.
 */
class CauchyTest {

    private static DjlTensorEngine engine;
    private static NDManager manager;

    @BeforeAll
    static void start() {
        engine = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1));
        manager = engine.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static void assertEnginesAgree(UnaryOperator<Jet> jets, UnaryOperator<NDArray> plain, NDArray x,
            DerivativePlan plan, String what) {
        NDArray taylor = jets.apply(Jet.input(x, plan)).data();
        NDArray reverse;
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            reverse = ReverseModeDerivatives.compute(plain, x, plan).duplicate();
        }
        for (MultiIndex mi : plan.streams()) {
            int i = plan.indexOf(mi);
            NDArray b = reverse.get(i);
            double rel = taylor.get(i).sub(b).norm().getDouble() / b.norm().getDouble();
            assertThat(b.norm().getDouble()).as(what + " non-trivial " + mi).isGreaterThan(1e-6);
            assertThat(rel).as(what + " stream " + mi).isLessThan(1e-8);
        }
    }

    @Test
    void scalarCauchyMatchesReverseModeToOrderFour() {
        try (NDManager m = manager.newSubManager()) {
            Cauchy f = new Cauchy(m.create(new double[] {0.7}), m.create(new double[] {-1.3}), m.create(new double[] {0.6}));
            NDArray x = m.randomUniform(-2, 2, new Shape(50, 1), DataType.FLOAT64);
            DerivativePlan plan = DerivativePlan.of(1, List.of(MultiIndex.of(0, 0, 0, 0)));
            assertEnginesAgree(j -> j.apply(f), f::apply, x, plan, "cauchy");
            // And apply() is the function derivatives() evaluates at order 0.
            NDArray direct = f.apply(x);
            NDArray viaDerivatives = f.derivatives(x, 0, v -> m.create(v))[0];
            assertThat(direct.sub(viaDerivatives).abs().max().getDouble()).isLessThan(1e-15);
            // phi(0.5) by hand: (0.7 * 0.5 - 1.3) / (0.25 + 0.36)
            double at = f.apply(m.create(new double[] {0.5})).getDouble(0);
            assertThat(at).isCloseTo((0.35 - 1.3) / 0.61, org.assertj.core.data.Offset.offset(1e-15));
        }
    }

    @Test
    void perNeuronCauchyLayersAndScaledJetsMatchReverseMode() {
        try (NDManager m = manager.newSubManager()) {
            TaylorVersusReverseModeTest.Mlp net = TaylorVersusReverseModeTest.Mlp.random(m, 2, 6, 1, 1,
                    Activations.IDENTITY, 11);
            NDArray l1 = m.randomUniform(0.5f, 1.5f, new Shape(6), DataType.FLOAT64);
            NDArray l2 = m.randomUniform(-1f, 1f, new Shape(6), DataType.FLOAT64);
            NDArray d = m.randomUniform(0.5f, 1.5f, new Shape(6), DataType.FLOAT64);
            NDArray slope = m.randomUniform(0.5f, 2f, new Shape(6), DataType.FLOAT64);
            Cauchy f = new Cauchy(l1, l2, d);
            NDArray w0 = net.weights().get(0);
            NDArray b0 = net.biases().get(0);
            NDArray w1 = net.weights().get(1);
            NDArray b1 = net.biases().get(1);
            NDArray x = m.randomUniform(-1, 1, new Shape(40, 2), DataType.FLOAT64);
            DerivativePlan plan = DerivativePlan.of(2, List.of(MultiIndex.of(0, 0, 0, 0), MultiIndex.of(0, 1, 1),
                    MultiIndex.of(1, 1)));
            assertEnginesAgree(j -> j.linear(w0, b0).scale(slope).apply(f).linear(w1, b1),
                    y -> f.apply(y.matMul(w0).add(b0).mul(slope)).matMul(w1).add(b1), x, plan, "cauchy network");
        }
    }
}
