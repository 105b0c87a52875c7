package org.ansatz.dynamics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.DynamicsMetrics;
import org.ansatz.api.dynamics.TrajectorySet;
import org.junit.jupiter.api.Test;

class SystemsTest {

    @Test
    void tensorAndJavaRightHandSidesAgree() {
        SplittableRandom r = new SplittableRandom(4);
        try (NDManager m = TestSupport.ENGINE.newManager()) {
            for (Map.Entry<String, DynamicalSystem> e : Systems.all().entrySet()) {
                DynamicalSystem s = e.getValue();
                double[][] x = new double[5][];
                for (int i = 0; i < x.length; i++) {
                    x[i] = s.initialState(r);
                }
                double[][] t = TestSupport.rows(TestSupport.field(s, m).apply(0, TestSupport.states(m, x)));
                for (int i = 0; i < x.length; i++) {
                    double[] j = new double[s.dimension()];
                    s.derivative(x[i], j);
                    for (int k = 0; k < j.length; k++) {
                        assertThat(t[i][k]).as("%s, state %d, component %d", e.getKey(), i, k)
                                .isCloseTo(j[k], org.assertj.core.data.Offset.offset(1e-12 * (1 + Math.abs(j[k]))));
                    }
                }
            }
        }
    }

    @Test
    void referenceTrajectoriesConserveEnergy() {
        for (DynamicalSystem s : Systems.all().values()) {
            if (!s.conservative()) {
                continue;
            }
            double dt = s.timeScale() / 30;
            TrajectorySet d = Reference.generate(s, 3, Reference.uniformTimes(301, dt), dt / 20, 8);
            for (double[][] traj : d.states()) {
                assertThat(DynamicsMetrics.energyDrift(DynamicsRun.energies(s, traj))).as(s.description())
                        .isLessThan(1e-6);
            }
        }
    }

    @Test
    void lorenzLyapunovExponentMatchesTheLiterature() {
        DynamicalSystem lorenz = Systems.named("lorenz");
        double lambda = Reference.lyapunov(lorenz, new double[] {1, 1, 20}, 0.005, 0.5, 1000);
        assertThat(lambda).isCloseTo(lorenz.lyapunovExponent(), org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void validPredictionTimeAndDriftAreMeasuredAsDefined() {
        double[][] truth = {{0, 0}, {0, 0}, {0, 0}, {0, 0}};
        double[][] pred = {{0, 0}, {0.1, 0}, {0.5, 0}, {1, 0}};
        double[] times = {0, 1, 2, 3};
        // Normalised error sqrt(mean((e/s)^2)) with s = 1: 0, 0.0707, 0.354, 0.707.
        assertThat(DynamicsMetrics.validPredictionTime(pred, truth, times, new double[] {1, 1}, 0.3)).isEqualTo(2);
        assertThat(DynamicsMetrics.validPredictionTime(truth, truth, times, new double[] {1, 1}, 0.3)).isEqualTo(3);
        assertThat(DynamicsMetrics.energyDrift(new double[] {2, 2.1, 1.8})).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-15));
        assertThatThrownBy(() -> Systems.named("lorentz")).hasMessageContaining("unknown system 'lorentz'")
                .hasMessageContaining("lorenz");
        assertThatThrownBy(() -> new TrajectorySet(new double[] {0, 1}, new double[][][] {{{1}, {Double.NaN}}}, null))
                .hasMessageContaining("non-finite");
    }
}
