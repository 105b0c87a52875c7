package org.ansatz.kernel.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.ansatz.kernel.internal.builtin.Losses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine on the plain classpath: offline start, thread settings, and arithmetic with known results. */
class DjlTensorEngineTest {

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

    @Test
    void reportsPyTorchAndTheConfiguredThreads() {
        assertThat(engine.engineName()).isEqualTo("PyTorch");
        assertThat(engine.engineVersion()).startsWith("2.7.1");
        assertThat(engine.djlVersion()).isEqualTo("0.36.0");
        assertThat(engine.intraOpThreads()).isEqualTo(1);
        assertThat(engine.interOpThreads()).isEqualTo(1);
    }

    @Test
    void matmulInFloat64MatchesTheHandResult() {
        NDArray a = manager.create(new double[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
        NDArray b = manager.create(new double[] {7, 8, 9, 10, 11, 12}, new Shape(3, 2));
        assertThat(a.matMul(b).toDoubleArray()).containsExactly(58, 64, 139, 154);
    }

    @Test
    void huberLossAndItsGradientMatchTheDefinition() {
        Losses.Huber huber = new Losses.Huber(1.0);
        NDArray e = manager.create(new double[] {-3, -0.5, 0, 0.25, 2});
        e.setRequiresGradient(true);
        try (GradientCollector gc = engine.engine().newGradientCollector()) {
            NDArray loss = huber.apply(e);
            // 0.5 e^2 inside |e| <= 1, |e| - 0.5 outside: (2.5 + 0.125 + 0 + 0.03125 + 1.5) / 5
            assertThat(loss.getDouble()).isCloseTo((2.5 + 0.125 + 0.03125 + 1.5) / 5, within(1e-15));
            collectGarbage();
            gc.backward(loss);
            // d/de: clip(e, -1, 1) / n. Read before the collector closes: closing releases the graph.
            assertThat(e.getGradient().toDoubleArray())
                    .containsExactly(new double[] {-0.2, -0.1, 0, 0.05, 0.2}, within(1e-15));
        }
    }

    /** Forces what made DJL's number-argument ops lose their saved scalars (see Tensors.scalar). */
    private static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            byte[] junk = new byte[1 << 22];
            junk[1] = 1;
            System.gc();
        }
    }

    @Test
    void scalarTensorsSurviveGarbageCollectionBetweenForwardAndBackward() {
        NDArray x = manager.create(new double[] {-3, 0.25, 2});
        x.setRequiresGradient(true);
        try (GradientCollector gc = engine.engine().newGradientCollector()) {
            NDArray y = x.mul(org.ansatz.api.engine.Tensors.scalar(x, 0.5)).sum();
            collectGarbage();
            gc.backward(y);
            assertThat(x.getGradient().toDoubleArray()).containsExactly(0.5, 0.5, 0.5);
        }
    }

    @Test
    void weightedLossIsTheMeanOfWeightedPenalties() {
        NDArray e = manager.create(new double[] {1, 2});
        NDArray w = manager.create(new double[] {3, 0.5});
        assertThat(new Losses.MeanSquared().apply(e, w).getDouble()).isEqualTo((3 * 1 + 0.5 * 4) / 2.0);
    }

    @Test
    void rejectsImpossibleThreadCounts() {
        assertThatThrownBy(() -> new EngineSettings("PyTorch", -1, 1)).hasMessageContaining("intraOpThreads");
        assertThatThrownBy(() -> new EngineSettings("PyTorch", 1, 0)).hasMessageContaining("interOpThreads");
    }
}
