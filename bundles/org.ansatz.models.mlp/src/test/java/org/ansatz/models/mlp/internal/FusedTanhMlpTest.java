package org.ansatz.models.mlp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.FusedJet;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.models.mlp.internal.fused.FusedKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused float32 kernel against tensor-by-tensor Taylor mode in float64 on the same (float32-rounded)
 * parameters and points: every output stream, and the parameters' gradient for a random upstream
 * gradient, agree to float32 rounding. Shapes cover padding (widths not multiples of 4, point counts
 * not multiples of the block), several outputs, mixed partials and more blocks than cores.
 */
class FusedTanhMlpTest {

    static final DjlTensorEngine ENGINE = PeriodicEmbeddingTest.ENGINE;

    private static final MultiIndex T = MultiIndex.of(0);
    private static final MultiIndex X = MultiIndex.of(1);

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of("burgers streams, 4x20", 2, 1, "20,20,20,20", List.of(T, X, MultiIndex.of(1, 1)), 300),
                Arguments.of("mixed partials, odd widths, 3 outputs", 2, 3, "7,13",
                        List.of(T, X, MultiIndex.of(0, 0), MultiIndex.of(0, 1), MultiIndex.of(1, 1)), 131),
                Arguments.of("3D Laplacian streams, 2 outputs", 3, 2, "16,16",
                        List.of(MultiIndex.of(0, 0), MultiIndex.of(1, 1), MultiIndex.of(2, 2)), 257),
                Arguments.of("first order, many blocks", 2, 1, "20,20", List.of(T, X), 1000),
                Arguments.of("value only, fewer points than a block", 1, 1, "5", List.<MultiIndex>of(), 5));
    }

    private static Map<String, Object> layers(String layers) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("layers", layers);
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void fusedJetAndItsGradientMatchFloat64TaylorMode(String name, int inputs, int outputs, String hidden,
            List<MultiIndex> wanted, int points) {
        assertThat(FusedKernels.available()).as("the Vector API (surefire passes --add-modules)").isTrue();
        try (NDManager m = ENGINE.newManager()) {
            Mlp wide = new Mlp(new ModelSpec(inputs, outputs, DataType.FLOAT64, 7, layers(hidden)), m);
            Mlp narrow = new Mlp(new ModelSpec(inputs, outputs, DataType.FLOAT32, 7, layers(hidden)), m);
            // Non-zero biases and larger weights than the initialisation, rounded to float32 for both models.
            double[] p = wide.parameters().singletonOrThrow().toDoubleArray();
            Random r = new Random(name.hashCode());
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) (p[i] * 1.5 + 0.2 * r.nextGaussian());
            }
            wide.parameters().singletonOrThrow().set(new NDIndex(":"), m.create(p));
            narrow.parameters().singletonOrThrow().set(new NDIndex(":"), m.create(p).toType(DataType.FLOAT32, false));
            double[] xs = new double[points * inputs];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = (float) (2 * r.nextDouble() - 1);
            }
            NDArray x64 = m.create(xs, new Shape(points, inputs));
            NDArray x32 = x64.toType(DataType.FLOAT32, false);
            DerivativePlan plan = DerivativePlan.of(inputs, wanted);
            double[] up = new double[plan.size() * points * outputs];
            for (int i = 0; i < up.length; i++) {
                up[i] = r.nextGaussian();
            }
            NDArray upstream = m.create(up, new Shape(plan.size(), points, outputs));

            FusedJet fused = narrow.fused(Jet.input(x32, plan));
            assertThat(fused).isNotNull();
            double[] g32 = new double[narrow.parameterCount()];
            fused.accumulate(upstream.toType(DataType.FLOAT32, false), g32, 0);

            NDArray reference;
            double[] g64;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                reference = wide.forward(Jet.input(x64, plan)).data();
                gc.backward(reference.mul(upstream).sum());
                g64 = wide.parameters().singletonOrThrow().getGradient().toDoubleArray();
            }
            NDArray got = fused.output().data().toType(DataType.FLOAT64, false);
            assertThat(got.getShape()).isEqualTo(reference.getShape());
            for (MultiIndex mi : plan.streams()) {
                int i = plan.indexOf(mi);
                NDArray b = reference.get(i);
                assertThat(b.norm().getDouble()).as(name + " non-trivial " + mi).isGreaterThan(1e-3);
                double rel = got.get(i).sub(b).norm().getDouble() / b.norm().getDouble();
                assertThat(rel).as(name + " stream " + mi).isLessThan(2e-5);
            }
            double diff = 0;
            double norm = 0;
            for (int i = 0; i < g64.length; i++) {
                diff += (g32[i] - g64[i]) * (g32[i] - g64[i]);
                norm += g64[i] * g64[i];
            }
            assertThat(norm).as(name + " non-trivial gradient").isGreaterThan(1e-6);
            assertThat(Math.sqrt(diff / norm)).as(name + " gradient").isLessThan(2e-5);
            // The adjoint adds: a second call doubles the gradient.
            double[] twice = g32.clone();
            fused.accumulate(upstream.toType(DataType.FLOAT32, false), twice, 0);
            assertThat(twice[3]).isCloseTo(2 * g32[3], org.assertj.core.api.Assertions.within(1e-6 * Math.abs(g32[3]) + 1e-12));
        }
    }

    @Test
    void outsideItsScopeTheKernelDeclinesAndTaylorModeApplies() {
        try (NDManager m = ENGINE.newManager()) {
            NDArray x = m.randomUniform(-1, 1, new Shape(10, 2), DataType.FLOAT32);
            DerivativePlan second = DerivativePlan.of(2, List.of(MultiIndex.of(1, 1)));
            Map<String, Object> sin = layers("8");
            sin.put("activation", "sin");
            assertThat(new Mlp(new ModelSpec(2, 1, DataType.FLOAT32, 1, sin), m).fused(Jet.input(x, second))).isNull();
            Mlp f64 = new Mlp(new ModelSpec(2, 1, DataType.FLOAT64, 1, layers("8")), m);
            assertThat(f64.fused(Jet.input(x.toType(DataType.FLOAT64, false), second))).isNull();
            Mlp f32 = new Mlp(new ModelSpec(2, 1, DataType.FLOAT32, 1, layers("8")), m);
            DerivativePlan third = DerivativePlan.of(2, List.of(MultiIndex.of(1, 1, 1)));
            assertThat(f32.fused(Jet.input(x, third))).isNull();
            assertThat(f32.fused(Jet.input(x, second))).isNotNull();
        }
    }
}
