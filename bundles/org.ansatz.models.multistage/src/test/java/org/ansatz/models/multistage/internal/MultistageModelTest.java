package org.ansatz.models.multistage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.derivative.ReverseModeDerivatives;
import org.ansatz.api.model.ModelSpec;
import org.junit.jupiter.api.Test;

/**
 * The sum-of-stages model: jets agree with nested reverse mode in float64, frozen stages get no
 * gradient but keep the values they were given, the stage description survives a round trip, and
 * bad options are named.
 */
class MultistageModelTest {

    private static final StageNetwork FIRST_1D = new StageNetwork(1, 1, Activations.TANH, Activations.TANH,
            new int[] {1, 8, 8, 1});
    private static final StageNetwork FIRST_2D = new StageNetwork(1, 1, Activations.TANH, Activations.TANH,
            new int[] {2, 8, 8, 1});

    private static Map<String, Object> twoStages(StageNetwork first, double[] frozen) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("layers", "6,5");
        o.put("frozen", first.describe());
        o.put("frozen-parameters", MultistageModelFactory.encode(frozen));
        o.put("scale", "0.03");
        o.put("kappa", "7.5");
        o.put("first-activation", "sin");
        return o;
    }

    private static double[] random(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian() * 0.7;
        }
        return v;
    }

    private static void assertJetsMatch(int inputs, StageNetwork first, List<MultiIndex> wanted) {
        try (NDManager m = Wiring.ENGINE.newManager()) {
            double[] frozen = random(first.parameterCount(), 5);
            MultistageModel net = (MultistageModel) new MultistageModelFactory().create(
                    new ModelSpec(inputs, 1, DataType.FLOAT64, 9, twoStages(first, frozen)), m);
            NDArray x = m.randomUniform(-1, 1, new Shape(20, inputs), DataType.FLOAT64);
            DerivativePlan plan = DerivativePlan.of(inputs, wanted);
            NDArray taylor = net.forward(Jet.input(x, plan)).data();
            NDArray reverse;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                reverse = ReverseModeDerivatives.compute(net::forward, x, plan).duplicate();
            }
            for (MultiIndex mi : plan.streams()) {
                int i = plan.indexOf(mi);
                NDArray b = reverse.get(i);
                double rel = taylor.get(i).sub(b).norm().getDouble() / b.norm().getDouble();
                assertThat(b.norm().getDouble()).as("non-trivial " + mi).isGreaterThan(1e-6);
                assertThat(rel).as("stream " + mi).isLessThan(1e-8);
            }
        }
    }

    @Test
    void jetsMatchReverseModeToOrderFourIn1d() {
        assertJetsMatch(1, FIRST_1D, List.of(MultiIndex.of(0, 0, 0, 0)));
    }

    @Test
    void jetsMatchReverseModeToOrderTwoIn2d() {
        assertJetsMatch(2, FIRST_2D, List.of(MultiIndex.of(0, 0), MultiIndex.of(0, 1), MultiIndex.of(1, 1)));
    }

    @Test
    void theSumIsTheStagesAddedAndOnlyTheLastStageLearns() {
        try (NDManager m = Wiring.ENGINE.newManager()) {
            double[] frozen = random(FIRST_1D.parameterCount(), 3);
            MultistageModel two = (MultistageModel) new MultistageModelFactory().create(
                    new ModelSpec(1, 1, DataType.FLOAT64, 9, twoStages(FIRST_1D, frozen)), m);
            assertThat(two.parameterCount()).isEqualTo(FIRST_1D.parameterCount() + two.trainableParameterCount());
            assertThat(two.trainableParameterCount()).isEqualTo(6 + 6 + 6 * 5 + 5 + 5 + 1);
            double[] all = two.parameters().singletonOrThrow().toDoubleArray();
            assertThat(java.util.Arrays.copyOf(all, frozen.length)).containsExactly(frozen);

            // The first stage alone, as a one-stage model with the same parameters.
            MultistageModel one = (MultistageModel) new MultistageModelFactory().create(new ModelSpec(1, 1,
                    DataType.FLOAT64, 0, Map.of("layers", "8,8")), m);
            one.parameters().singletonOrThrow().set(new ai.djl.ndarray.index.NDIndex(":"), m.create(frozen));
            MultistageModel second = (MultistageModel) new MultistageModelFactory().create(new ModelSpec(1, 1,
                    DataType.FLOAT64, 9, Map.of("layers", "6,5", "scale", "0.03", "kappa", "7.5",
                            "first-activation", "sin")), m);
            NDArray x = m.randomUniform(-1, 1, new Shape(15, 1), DataType.FLOAT64);
            double gap = two.forward(x).sub(one.forward(x).add(second.forward(x))).abs().max().getDouble();
            assertThat(gap).as("stage 2 starts from the same seed as a lone network").isLessThan(1e-14);

            DerivativePlan plan = DerivativePlan.of(1, List.of(MultiIndex.of(0, 0)));
            double[] g;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                gc.backward(two.forward(Jet.input(x, plan)).data().square().sum());
                g = two.parameters().singletonOrThrow().getGradient().toDoubleArray();
            }
            for (int i = 0; i < frozen.length; i++) {
                assertThat(g[i]).as("gradient to frozen parameter " + i).isZero();
            }
            assertThat(java.util.Arrays.stream(g, frozen.length, g.length).filter(v -> v != 0).count())
                    .isEqualTo(two.trainableParameterCount());
        }
    }

    @Test
    void stagesAndParametersSurviveTheirTextForms() {
        StageNetwork s = new StageNetwork(3.25e-7, 18.849555921538759, Activations.SIN, Activations.GELU,
                new int[] {2, 30, 20, 3});
        StageNetwork back = StageNetwork.parse(s.describe(), 2, 3);
        assertThat(back.describe()).isEqualTo(s.describe());
        assertThat(back.widths()).containsExactly(2, 30, 20, 3);
        assertThat(back.scale()).isEqualTo(3.25e-7);
        double[] v = {Math.PI, -1e-300, 0, Double.MIN_VALUE, 12345.678};
        assertThat(MultistageModelFactory.decode(MultistageModelFactory.encode(v))).containsExactly(v);
    }

    @Test
    void badOptionsAreNamed() {
        try (NDManager m = Wiring.ENGINE.newManager()) {
            MultistageModelFactory f = new MultistageModelFactory();
            java.util.function.Function<Map<String, Object>, Object> make = o -> f.create(new ModelSpec(1, 1,
                    DataType.FLOAT64, 0, o), m);
            assertThatThrownBy(() -> make.apply(Map.of("frozen", "1:1:tanh:8x8"))).hasMessageContaining("model.frozen");
            assertThatThrownBy(() -> make.apply(Map.of("frozen", FIRST_1D.describe(), "frozen-parameters",
                    MultistageModelFactory.encode(new double[3])))).hasMessageContaining("model.frozen-parameters")
                    .hasMessageContaining("3 values");
            assertThatThrownBy(() -> make.apply(Map.of("frozen", FIRST_1D.describe(), "frozen-parameters", "%%")))
                    .hasMessageContaining("model.frozen-parameters");
            assertThatThrownBy(() -> make.apply(Map.of("frozen-parameters", MultistageModelFactory.encode(new double[2]))))
                    .hasMessageContaining("model.frozen");
            assertThatThrownBy(() -> make.apply(Map.of("kappa", "-2"))).hasMessageContaining("model.kappa");
            assertThatThrownBy(() -> make.apply(Map.of("scale", "0"))).hasMessageContaining("model.scale");
            assertThatThrownBy(() -> make.apply(Map.of("first-activation", "cos")))
                    .hasMessageContaining("model.first-activation");
            assertThatThrownBy(() -> make.apply(Map.of("layers", "8,0"))).hasMessageContaining("model.layers");
            assertThatThrownBy(() -> make.apply(Map.of("kapa", "2"))).hasMessageContaining("model.kapa");
        }
    }
}
