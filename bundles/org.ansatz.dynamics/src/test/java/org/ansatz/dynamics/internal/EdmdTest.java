package org.ansatz.dynamics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.ansatz.api.dynamics.DynamicsMetrics;
import org.ansatz.api.dynamics.Forecaster;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.FitRequest;
import org.ansatz.api.dynamics.TrajectorySet;
import org.junit.jupiter.api.Test;

class EdmdTest {

    private static Edmd.Model fit(String system, double dt, Map<String, Object> options) {
        DynamicalSystem s = Systems.named(system);
        TrajectorySet data = Reference.generate(s, 20, Reference.uniformTimes(30, dt), dt / 50, 11);
        return (Edmd.Model) new Edmd().fit(new FitRequest(data, s, options, 1, null));
    }

    /** True when some eigenvalue is within tol of (re, im). */
    private static boolean has(double[][] ev, double re, double im, double tol) {
        for (double[] e : ev) {
            if (Math.hypot(e[0] - re, e[1] - im) < tol) {
                return true;
            }
        }
        return false;
    }

    @Test
    void recoversTheKoopmanEigenvaluesOfTheSlowManifold() {
        double dt = 0.1, mu = -0.05, lambda = -1;
        Edmd.Model k = fit("slow-manifold", dt, Map.of("degree", "2"));
        double[][] ev = k.eigenvalues();
        // (x1, x2, x1^2) span an invariant subspace: mu, lambda, 2 mu exactly, and 1 for constants.
        for (double c : new double[] {0, mu, lambda, 2 * mu}) {
            assertThat(has(ev, Math.exp(c * dt), 0, 1e-8)).as("eigenvalue exp(%s dt) in %s", c,
                    java.util.Arrays.deepToString(ev)).isTrue();
        }
        assertThat(has(k.continuousEigenvalues(), mu, 0, 1e-7)).isTrue();
    }

    @Test
    void recoversTheOscillatorsFrequencyAndForecastsIt() {
        double dt = 0.2;
        Edmd.Model k = fit("mass-spring", dt, Map.of("degree", "1", "standardize", "false"));
        double[][] ev = k.eigenvalues();
        assertThat(has(ev, Math.cos(dt), Math.sin(dt), 1e-9)).isTrue();
        assertThat(has(ev, Math.cos(dt), -Math.sin(dt), 1e-9)).isTrue();
        double[] times = Reference.uniformTimes(101, dt);
        double[][] forecast = k.forecast(new double[][] {{1, 0}}, times)[0];
        double[][] exact = Reference.integrate(Systems.named("mass-spring"), new double[] {1, 0}, times, 1e-3);
        assertThat(org.ansatz.api.dynamics.DynamicsMetrics.rmse(forecast, exact)).isLessThan(1e-8);
    }

    @Test
    void rejectsWhatItCannotServe() {
        Edmd.Model k = fit("mass-spring", 0.2, Map.of("degree", "1"));
        assertThatThrownBy(() -> k.forecast(new double[][] {{1, 0}}, new double[] {0, 0.3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiples of its time step");
        assertThatThrownBy(() -> k.forecast(new double[][] {{1, 0, 0}}, new double[] {0, 0.2}))
                .hasMessageContaining("shape mismatch");
        assertThatThrownBy(() -> fit("mass-spring", 0.2, Map.of("degre", "2"))).hasMessageContaining("degre");
        assertThatThrownBy(() -> fit("mass-spring", 0.2, Map.of("dictionary", "rbf", "degree", "2")))
                .hasMessageContaining("degree applies");
    }

    @Test
    void learnedDictionaryFindsTheMissingObservable() {
        // DMD (constant and state only) cannot represent x1^2 in x2's dynamics; EDMD-DL learns it.
        DynamicalSystem s = Systems.named("slow-manifold");
        double dt = 0.1;
        TrajectorySet data = Reference.generate(s, 20, Reference.uniformTimes(30, dt), dt / 50, 11);
        Edmd learner = new Edmd(TestSupport.ENGINE, TestSupport::models, TestSupport::optimizers);
        double[] times = Reference.uniformTimes(41, dt);
        TrajectorySet test = Reference.generate(s, 5, times, dt / 50, 12);
        double[][] x0 = new double[5][];
        for (int i = 0; i < 5; i++) {
            x0[i] = test.states()[i][0];
        }
        double[] rmse = new double[2];
        int c = 0;
        for (Map<String, Object> o : List.of(Map.<String, Object>of("degree", "1"), Map.<String, Object>of("dictionary",
                "learned", "features", "4", "layers", "32,32", "steps", "600", "lr", "3e-3"))) {
            try (Forecaster f = (o.containsKey("degree") ? new Edmd() : learner).fit(new FitRequest(data, s, o, 1, null))) {
                double[][][] p = f.forecast(x0, times);
                double sum = 0;
                for (int i = 0; i < 5; i++) {
                    sum += DynamicsMetrics.rmse(p[i], test.states()[i]);
                }
                rmse[c++] = sum / 5;
            }
        }
        assertThat(rmse[1]).as("learned %s vs DMD %s", rmse[1], rmse[0]).isLessThan(rmse[0] / 5);
        assertThatThrownBy(() -> new Edmd().fit(new FitRequest(data, s, Map.of("dictionary", "learned"), 1, null)))
                .hasMessageContaining("needs the tensor engine");
    }

    @Test
    void polynomialEdmdForecastsLorenzForALyapunovTime() {
        DynamicalSystem s = Systems.named("lorenz");
        double dt = 0.01;
        TrajectorySet data = Reference.generate(s, 4, Reference.uniformTimes(2000, dt), dt / 20, 3);
        Edmd.Model k = (Edmd.Model) new Edmd().fit(new FitRequest(data, s, Map.of("degree", "4"), 1, null));
        double[] times = Reference.uniformTimes(111, dt);
        TrajectorySet test = Reference.generate(s, 3, times, dt / 20, 99);
        double[] scale = org.ansatz.api.dynamics.DynamicsMetrics.scale(data.states());
        for (int i = 0; i < 3; i++) {
            double[][] f = k.forecast(new double[][] {test.states()[i][0]}, times)[0];
            double vpt = org.ansatz.api.dynamics.DynamicsMetrics.validPredictionTime(f, test.states()[i], times, scale, 0.3);
            assertThat(vpt).as("valid prediction time of test state %d", i).isGreaterThanOrEqualTo(1.0);
        }
    }
}
