package org.ansatz.api.derivative;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two derivative engines, implemented independently, agree in float64 on random networks: Taylor
 * mode (jets) against nested reverse mode (PyTorch create-graph backward), for orders 1 to 4, mixed
 * partials and Laplacians, through tanh, sin and SiLU, and through products (Leibniz).
 */
class TaylorVersusReverseModeTest {

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

    /** A random MLP with explicit weights, usable both plainly and on jets. */
    record Mlp(List<NDArray> weights, List<NDArray> biases, Activations act) {
        static Mlp random(NDManager m, int in, int width, int depth, int out, Activations act, long seed) {
            Random r = new Random(seed);
            List<NDArray> w = new ArrayList<>();
            List<NDArray> b = new ArrayList<>();
            int prev = in;
            for (int l = 0; l <= depth; l++) {
                int next = l == depth ? out : width;
                double[] wd = new double[prev * next];
                double[] bd = new double[next];
                double scale = Math.sqrt(2.0 / (prev + next));
                for (int i = 0; i < wd.length; i++) {
                    wd[i] = r.nextGaussian() * scale * 1.5;
                }
                for (int i = 0; i < bd.length; i++) {
                    bd[i] = r.nextGaussian() * 0.3;
                }
                w.add(m.create(wd, new Shape(prev, next)));
                b.add(m.create(bd));
                prev = next;
            }
            return new Mlp(w, b, act);
        }

        NDArray forward(NDArray x) {
            NDArray a = x;
            for (int l = 0; l < weights.size(); l++) {
                a = a.matMul(weights.get(l)).add(biases.get(l));
                if (l < weights.size() - 1) {
                    a = act.apply(a);
                }
            }
            return a;
        }

        Jet forward(Jet x) {
            Jet a = x;
            for (int l = 0; l < weights.size(); l++) {
                a = a.linear(weights.get(l), biases.get(l));
                if (l < weights.size() - 1) {
                    a = a.apply(act);
                }
            }
            return a;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("u_x 1D tanh", 1, Activations.TANH, List.of(MultiIndex.of(0))),
                Arguments.of("u_xx 1D tanh", 1, Activations.TANH, List.of(MultiIndex.of(0, 0))),
                Arguments.of("u_xxx 1D tanh", 1, Activations.TANH, List.of(MultiIndex.of(0, 0, 0))),
                Arguments.of("u_xxxx 1D tanh", 1, Activations.TANH, List.of(MultiIndex.of(0, 0, 0, 0))),
                Arguments.of("u_xxxx 1D sin", 1, Activations.SIN, List.of(MultiIndex.of(0, 0, 0, 0))),
                Arguments.of("u_xxx 1D silu", 1, Activations.SILU, List.of(MultiIndex.of(0, 0, 0))),
                Arguments.of("u_xxxx 1D gelu", 1, Activations.GELU, List.of(MultiIndex.of(0, 0, 0, 0))),
                Arguments.of("u_xy, u_xx 2D gelu", 2, Activations.GELU, List.of(MultiIndex.of(0, 1), MultiIndex.of(0, 0))),
                Arguments.of("burgers (t,x)", 2, Activations.TANH,
                        List.of(MultiIndex.of(0), MultiIndex.of(1), MultiIndex.of(1, 1))),
                Arguments.of("u_xy, u_xxy, u_xxyy 2D tanh", 2, Activations.TANH,
                        List.of(MultiIndex.of(0, 1), MultiIndex.of(0, 0, 1), MultiIndex.of(0, 0, 1, 1))),
                Arguments.of("laplacian 3D sin", 3, Activations.SIN,
                        List.of(MultiIndex.of(0, 0), MultiIndex.of(1, 1), MultiIndex.of(2, 2))),
                Arguments.of("biharmonic terms 2D tanh", 2, Activations.TANH,
                        List.of(MultiIndex.of(0, 0, 0, 0), MultiIndex.of(0, 0, 1, 1), MultiIndex.of(1, 1, 1, 1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void enginesAgreeInFloat64(String name, int inputs, Activations act, List<MultiIndex> wanted) {
        try (NDManager m = manager.newSubManager()) {
            Mlp net = Mlp.random(m, inputs, 16, 3, 2, act, name.hashCode());
            NDArray x = m.randomUniform(-1, 1, new Shape(64, inputs), DataType.FLOAT64);
            DerivativePlan plan = DerivativePlan.of(inputs, wanted);
            NDArray taylor = net.forward(Jet.input(x, plan)).data();
            NDArray reverse;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                reverse = ReverseModeDerivatives.compute(net::forward, x, plan).duplicate();
            }
            assertThat(taylor.getShape()).isEqualTo(reverse.getShape());
            for (MultiIndex mi : plan.streams()) {
                int i = plan.indexOf(mi);
                NDArray a = taylor.get(i);
                NDArray b = reverse.get(i);
                double rel = a.sub(b).norm().getDouble() / Math.max(b.norm().getDouble(), 1e-300);
                assertThat(rel).as(name + " stream " + mi + " relative difference").isLessThan(1e-8);
                assertThat(b.norm().getDouble()).as("non-trivial " + mi).isGreaterThan(1e-6);
            }
        }
    }

    @ParameterizedTest(name = "product rule {0}")
    @MethodSource("cases")
    void productsFollowLeibniz(String name, int inputs, Activations act, List<MultiIndex> wanted) {
        try (NDManager m = manager.newSubManager()) {
            Mlp f = Mlp.random(m, inputs, 8, 2, 1, act, 1 + name.hashCode());
            Mlp g = Mlp.random(m, inputs, 8, 2, 1, Activations.SIN, 2 + name.hashCode());
            NDArray x = m.randomUniform(-1, 1, new Shape(16, inputs), DataType.FLOAT64);
            DerivativePlan plan = DerivativePlan.of(inputs, wanted);
            Jet in = Jet.input(x, plan);
            NDArray taylor = f.forward(in).mul(g.forward(in)).data();
            NDArray reverse;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                reverse = ReverseModeDerivatives.compute(y -> f.forward(y).mul(g.forward(y)), x, plan).duplicate();
            }
            double rel = taylor.sub(reverse).norm().getDouble() / reverse.norm().getDouble();
            assertThat(rel).as(name).isLessThan(1e-8);
        }
    }
}
