package org.ansatz.models.mlp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.derivative.ReverseModeDerivatives;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The variants of the fully connected family: their Taylor-mode jets agree with nested reverse mode in
 * float64 (to order 2 in 2D, to order 4 in 1D for the Cauchy activation), the fixed Fourier
 * frequencies get no gradient, the plain options still build the original network, and bad options
 * are named.
 */
class NetworkTest {

    static final DjlTensorEngine ENGINE = PeriodicEmbeddingTest.ENGINE;

    private static ModelSpec spec(int inputs, Map<String, Object> options) {
        return new ModelSpec(inputs, 2, DataType.FLOAT64, 3, options);
    }

    private static Map<String, Object> options(Object... kv) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], kv[i + 1]);
        }
        return o;
    }

    /** Moves every parameter a little, so that zero biases and unit Cauchy parameters test nothing special. */
    private static void perturb(Model net, NDManager m, long seed) {
        NDArray flat = net.parameters().singletonOrThrow();
        double[] v = flat.toDoubleArray();
        Random r = new Random(seed);
        for (int i = 0; i < v.length; i++) {
            v[i] += 0.1 * r.nextGaussian();
        }
        flat.set(new NDIndex(":"), m.create(v));
    }

    static Stream<Arguments> variants() {
        List<MultiIndex> second2d = List.of(MultiIndex.of(0), MultiIndex.of(1), MultiIndex.of(0, 0), MultiIndex.of(0, 1),
                MultiIndex.of(1, 1));
        List<MultiIndex> fourth1d = List.of(MultiIndex.of(0, 0, 0, 0));
        return Stream.of(
                Arguments.of("fourier-mlp", new FourierMlpFactory(), 2,
                        options("layers", "8,8", "fourier-sigmas", "1,5", "fourier-features", "6"), second2d),
                Arguments.of("modified-mlp", new ModifiedMlpFactory(), 2, options("layers", "8,8,8"), second2d),
                Arguments.of("residual-mlp", new ResidualMlpFactory(), 2, options("layers", "8,8,6"), second2d),
                Arguments.of("adaptive-mlp layer", new AdaptiveMlpFactory(), 2, options("layers", "8,8"), second2d),
                Arguments.of("adaptive-mlp neuron", new AdaptiveMlpFactory(), 2,
                        options("layers", "8,8", "adaptive", "neuron", "adaptive-scale", "5"), second2d),
                Arguments.of("xnet 2D", new XNetFactory(), 2, options("layers", "10"), second2d),
                Arguments.of("xnet 1D to order 4", new XNetFactory(), 1, options("layers", "12,6"), fourth1d),
                Arguments.of("mlp with everything", new MlpFactory(), 2,
                        options("layers", "6,6", "features", "fourier", "fourier-sigmas", "2", "fourier-features", "4",
                                "architecture", "modified", "adaptive", "neuron", "activation", "cauchy"),
                        second2d),
                Arguments.of("periodic + fourier, sin", new FourierMlpFactory(), 2,
                        options("layers", "8", "periodic", "1:2.0", "fourier-features", "3", "activation", "sin"),
                        second2d),
                Arguments.of("modified 1D to order 4, gelu", new ModifiedMlpFactory(), 1,
                        options("layers", "8,8", "activation", "gelu"), fourth1d));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void jetsAgreeWithReverseModeInFloat64(String name, ModelFactory factory, int inputs, Map<String, Object> o,
            List<MultiIndex> wanted) {
        try (NDManager m = ENGINE.newManager()) {
            Model net = factory.create(spec(inputs, o), m);
            assertThat(net).isInstanceOf(Network.class);
            perturb(net, m, name.hashCode());
            NDArray x = m.randomUniform(-1, 1, new Shape(24, inputs), DataType.FLOAT64);
            DerivativePlan plan = DerivativePlan.of(inputs, wanted);
            NDArray taylor = ((Network) net).forward(Jet.input(x, plan)).data();
            NDArray reverse;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                reverse = ReverseModeDerivatives.compute(net::forward, x, plan).duplicate();
            }
            for (MultiIndex mi : plan.streams()) {
                int i = plan.indexOf(mi);
                NDArray b = reverse.get(i);
                double rel = taylor.get(i).sub(b).norm().getDouble() / b.norm().getDouble();
                assertThat(b.norm().getDouble()).as(name + " non-trivial " + mi).isGreaterThan(1e-6);
                assertThat(rel).as(name + " stream " + mi).isLessThan(1e-8);
            }
        }
    }

    @Test
    void fourierFrequenciesAreFixedAndEverythingElseLearns() {
        try (NDManager m = ENGINE.newManager()) {
            Network net = (Network) new FourierMlpFactory().create(spec(2, options("layers", "5", "fourier-sigmas", "1,10",
                    "fourier-features", "4", "adaptive", "neuron", "activation", "cauchy")), m);
            int fixed = net.parameterCount() - net.trainableParameterCount();
            assertThat(fixed).as("two 2x4 frequency matrices").isEqualTo(16);
            NDArray x = m.randomUniform(-1, 1, new Shape(10, 2), DataType.FLOAT64);
            DerivativePlan plan = DerivativePlan.of(2, List.of(MultiIndex.of(0, 0)));
            double[] g;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray loss = net.forward(Jet.input(x, plan)).data().square().sum();
                gc.backward(loss);
                g = net.parameters().singletonOrThrow().getGradient().toDoubleArray();
            }
            for (int i = 0; i < fixed; i++) {
                assertThat(g[i]).as("gradient to fixed frequency " + i).isZero();
            }
            long moving = java.util.Arrays.stream(g, fixed, g.length).filter(v -> v != 0).count();
            // Every trainable parameter of this small network influences u_xx.
            assertThat(moving).isEqualTo(net.trainableParameterCount());
        }
    }

    @Test
    void parameterCountsFollowTheArchitectures() {
        try (NDManager m = ENGINE.newManager()) {
            int plain = 2 * 20 + 20 + 20 * 20 + 20 + 20 * 20 + 20 + 20 * 2 + 2;
            Network mod = (Network) new ModifiedMlpFactory().create(spec(2, options("layers", "20,20,20")), m);
            assertThat(mod.trainableParameterCount()).isEqualTo(plain + 2 * (2 * 20 + 20));
            Network res = (Network) new ResidualMlpFactory().create(spec(2, options("layers", "20,20,20")), m);
            assertThat(res.trainableParameterCount()).isEqualTo(plain);
            Network lay = (Network) new AdaptiveMlpFactory().create(spec(2, options("layers", "20,20,20")), m);
            assertThat(lay.trainableParameterCount()).isEqualTo(plain + 3);
            Network neu = (Network) new AdaptiveMlpFactory().create(spec(2, options("layers", "20,20,20",
                    "adaptive", "neuron")), m);
            assertThat(neu.trainableParameterCount()).isEqualTo(plain + 60);
            Network x = (Network) new XNetFactory().create(spec(2, options("layers", "20,20,20")), m);
            assertThat(x.trainableParameterCount()).isEqualTo(plain + 3 * 60);
            // Two scales of 10 frequencies: 20 features each, read by a shared 20-wide body; the output
            // layer reads both scales' last hidden layers.
            Network ff = (Network) new FourierMlpFactory().create(spec(2, options("layers", "20,20",
                    "fourier-sigmas", "1,10", "fourier-features", "10")), m);
            assertThat(ff.trainableParameterCount()).isEqualTo(20 * 20 + 20 + 20 * 20 + 20 + 40 * 2 + 2);
            assertThat(ff.parameterCount()).isEqualTo(ff.trainableParameterCount() + 2 * 2 * 10);
        }
    }

    @Test
    void slopeRecoveryIsOneOverTheMeanOfExpOfEachSitesMeanSlopeWithItsGradientOnTheSlopesOnly() {
        try (NDManager m = ENGINE.newManager()) {
            Network net = (Network) new AdaptiveMlpFactory().create(spec(2, options("layers", "5,7,4", "adaptive",
                    "neuron", "slope-recovery", "true")), m);
            assertThat(net.penaltyName()).isEqualTo("slope");
            NDArray flat = net.parameters().singletonOrThrow();
            NDArray s;
            double[] g;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                s = net.penalty(m);
                gc.backward(s);
                g = flat.getGradient().toDoubleArray();
            }
            // Every slope starts at 1/n = 0.1: S = 1 / exp(0.1), and dS/da_ki = -S^2 exp(0.1) / (K N_k).
            double e = Math.exp(0.1);
            assertThat(s.getDouble()).isCloseTo(1 / e, org.assertj.core.api.Assertions.within(1e-15));
            Map<Long, Integer> byValue = new java.util.TreeMap<>();
            for (double v : g) {
                if (v != 0) {
                    byValue.merge(Math.round(-v * e * e / e * 3 * 1e12), 1, Integer::sum);
                }
            }
            // -g * 3 * e = 1 / N_k: 5 entries of 1/5, 7 of 1/7, 4 of 1/4 (scaled by 1e12 and rounded).
            assertThat(byValue).containsExactlyInAnyOrderEntriesOf(Map.of(Math.round(1e12 / 5), 5,
                    Math.round(1e12 / 7), 7, Math.round(1e12 / 4), 4));
            assertThatThrownBy(() -> new MlpFactory().create(spec(2, options("slope-recovery", "true")), m))
                    .hasMessageContaining("model.slope-recovery");
            assertThat(((Network) new AdaptiveMlpFactory().create(spec(2, options()), m)).penaltyName()).isNull();
        }
    }

    @Test
    void plainOptionsStillBuildTheOriginalMlpAndTheNetworkMatchesIt() {
        try (NDManager m = ENGINE.newManager()) {
            Map<String, Object> o = options("layers", "7,5", "activation", "sin");
            Model original = new MlpFactory().create(spec(2, o), m);
            assertThat(original).isInstanceOf(Mlp.class);
            Network same = new Network(spec(2, o), NetworkOptions.parse("mlp", spec(2, o), NetworkOptions.Preset.NONE), m);
            NDArray x = m.randomUniform(-1, 1, new Shape(9, 2), DataType.FLOAT64);
            assertThat(same.parameters().singletonOrThrow().toDoubleArray())
                    .containsExactly(original.parameters().singletonOrThrow().toDoubleArray());
            assertThat(same.forward(x).sub(original.forward(x)).abs().max().getDouble()).isLessThan(1e-14);
            assertThat(new MlpFactory().create(spec(2, options("architecture", "residual")), m))
                    .isInstanceOf(Network.class);
        }
    }

    @Test
    void badOptionsAreNamed() {
        try (NDManager m = ENGINE.newManager()) {
            assertThatThrownBy(() -> new MlpFactory().create(spec(2, options("featurs", "fourier")), m))
                    .hasMessageContaining("model.featurs").hasMessageContaining("model.features");
            assertThatThrownBy(() -> new FourierMlpFactory().create(spec(2, options("fourier-sigmas", "1,x")), m))
                    .hasMessageContaining("model.fourier-sigmas");
            assertThatThrownBy(() -> new FourierMlpFactory().create(spec(2, options("fourier-sigmas", "0")), m))
                    .hasMessageContaining("model.fourier-sigmas");
            assertThatThrownBy(() -> new FourierMlpFactory().create(spec(2, options("fourier-features", "0")), m))
                    .hasMessageContaining("model.fourier-features");
            assertThatThrownBy(() -> new MlpFactory().create(spec(2, options("features", "none",
                    "fourier-sigmas", "1")), m)).hasMessageContaining("model.fourier-sigmas");
            assertThatThrownBy(() -> new MlpFactory().create(spec(2, options("architecture", "resnet")), m))
                    .hasMessageContaining("model.architecture");
            assertThatThrownBy(() -> new ModifiedMlpFactory().create(spec(2, options("layers", "20,30")), m))
                    .hasMessageContaining("model.architecture=modified").hasMessageContaining("20,30");
            assertThatThrownBy(() -> new XNetFactory().create(spec(2, options("activation", "sin")), m))
                    .hasMessageContaining("needs model.activation=cauchy");
            // The family default, as problems' default settings carry it, does not contradict the preset.
            Network x = (Network) new XNetFactory().create(spec(2, options("layers", "4", "activation", "tanh")), m);
            assertThat(x.trainableParameterCount()).isEqualTo(2 * 4 + 4 + 4 * 2 + 2 + 3 * 4);
            assertThatThrownBy(() -> new MlpFactory().create(spec(2, options("adaptive-scale", "5")), m))
                    .hasMessageContaining("model.adaptive-scale");
            assertThatThrownBy(() -> new AdaptiveMlpFactory().create(spec(2, options("adaptive-scale", "0.5")), m))
                    .hasMessageContaining("model.adaptive-scale");
            assertThatThrownBy(() -> new MlpFactory().create(spec(2, options("activation", "cauchi",
                    "architecture", "residual")), m)).hasMessageContaining("model.activation").hasMessageContaining("cauchy");
            assertThatThrownBy(() -> new ResidualMlpFactory().create(spec(2, options("layers", "20", "width", "5")), m))
                    .hasMessageContaining("model.width");
        }
    }
}
