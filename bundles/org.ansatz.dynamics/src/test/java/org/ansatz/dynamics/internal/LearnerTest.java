package org.ansatz.dynamics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.DynamicsMetrics;
import org.ansatz.api.dynamics.FitRequest;
import org.ansatz.api.dynamics.Forecaster;
import org.ansatz.api.dynamics.TrajectorySet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short trainings: each learner learns something measurable; bad options are named. */
class LearnerTest {

    private static TrajectorySet data(DynamicalSystem s, int trajectories, int samples, double dt) {
        return Reference.generate(s, trajectories, Reference.uniformTimes(samples, dt), dt / 20, 5);
    }

    @Test
    void hamiltonianNetworkLearnsTheMassSpringAndConservesItsEnergy() {
        DynamicalSystem s = Systems.named("mass-spring");
        TrajectorySet d = data(s, 20, 30, s.timeScale() / 30);
        List<Double> losses = new ArrayList<>();
        try (Forecaster f = TestSupport.learner(NeuralLearner.Kind.HNN).fit(new FitRequest(d, s,
                Map.of("steps", "600", "layers", "32,32", "lr", "1e-2"), 1, p -> losses.add(p.loss())))) {
            assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) / 100);
            double[] times = Reference.uniformTimes(301, s.timeScale() / 30);
            double[][] x0 = {{0.6, 0.2}};
            double[][] pred = f.forecast(x0, times)[0];
            double[][] truth = Reference.integrate(s, x0[0], times, 0.01);
            // One period close to the truth; over ten the energy stays on its level set.
            double rmse = DynamicsMetrics.rmse(java.util.Arrays.copyOf(pred, 31), java.util.Arrays.copyOf(truth, 31));
            double drift = DynamicsMetrics.energyDrift(DynamicsRun.energies(s, pred));
            System.out.println("hnn mass-spring: rmse over one period " + rmse + ", energy drift over ten " + drift);
            assertThat(rmse).isLessThan(0.05);
            assertThat(drift).isLessThan(0.02);
        }
    }

    @Test
    void hybridModelRecoversLorenzParametersThroughTheSolver() {
        DynamicalSystem s = Systems.named("lorenz");
        TrajectorySet d = data(s, 2, 300, 0.01);
        try (Forecaster f = TestSupport.learner(NeuralLearner.Kind.HYBRID).fit(new FitRequest(d, s,
                Map.of("correction", "false", "guess", "8,25,2", "steps", "300", "lr", "0.05", "lr.final", "1e-3",
                        "horizon", "4", "batch", "64"), 1, null))) {
            Map<String, Double> p = f.diagnostics();
            assertThat(p.get("param.sigma")).isCloseTo(10, org.assertj.core.data.Percentage.withPercentage(1));
            assertThat(p.get("param.rho")).isCloseTo(28, org.assertj.core.data.Percentage.withPercentage(1));
            assertThat(p.get("param.beta")).isCloseTo(8.0 / 3, org.assertj.core.data.Percentage.withPercentage(1));
        }
    }

    @Test
    void neuralOdeTrainsThroughTheSolverWithBackpropagationOrTheAdjoint() {
        DynamicalSystem s = Systems.named("pendulum");
        TrajectorySet d = data(s, 8, 40, s.timeScale() / 30);
        for (String adjoint : new String[] {"false", "true"}) {
            List<Double> losses = new ArrayList<>();
            try (Forecaster f = TestSupport.learner(NeuralLearner.Kind.NODE).fit(new FitRequest(d, s,
                    Map.of("steps", "60", "layers", "16,16", "horizon", "3", "batch", "16", "lr", "1e-2",
                            "adjoint", adjoint), 2, p -> losses.add(p.loss())))) {
                double first = losses.get(0), last = losses.get(losses.size() - 1);
                assertThat(last).as("adjoint=%s", adjoint).isLessThan(first / 5);
            }
        }
    }

    @Test
    void lagrangianNetworkLearnsThePendulum() {
        DynamicalSystem s = Systems.named("pendulum");
        TrajectorySet d = data(s, 10, 30, s.timeScale() / 30);
        List<Double> losses = new ArrayList<>();
        try (Forecaster f = TestSupport.learner(NeuralLearner.Kind.LNN).fit(new FitRequest(d, s,
                Map.of("steps", "600", "layers", "32,32", "lr", "3e-3"), 3,
                p -> losses.add(p.loss())))) {
            assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0) / 20);
            double[][] pred = f.forecast(new double[][] {d.states()[0][0]}, d.times())[0];
            double rmse = DynamicsMetrics.rmse(pred, d.states()[0]);
            System.out.println("lnn pendulum: loss " + losses.get(0) + " -> " + losses.get(losses.size() - 1)
                    + ", rmse over one period " + rmse);
            assertThat(rmse).isLessThan(0.2);
        }
    }

    @Test
    void badOptionsAndMismatchedStructureAreNamed() {
        DynamicalSystem lorenz = Systems.named("lorenz");
        DynamicalSystem spring = Systems.named("mass-spring");
        TrajectorySet l = data(lorenz, 1, 20, 0.01);
        TrajectorySet m = data(spring, 1, 20, 0.2);
        assertThatThrownBy(() -> TestSupport.learner(NeuralLearner.Kind.HNN).fit(new FitRequest(l, lorenz, Map.of(), 1, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canonical");
        assertThatThrownBy(() -> TestSupport.learner(NeuralLearner.Kind.NODE).fit(new FitRequest(m, spring,
                Map.of("stpes", "10"), 1, null))).hasMessageContaining("stpes");
        assertThatThrownBy(() -> TestSupport.learner(NeuralLearner.Kind.NODE).fit(new FitRequest(m, spring,
                Map.of("integrator", "rk45"), 1, null))).hasMessageContaining("integrator");
        assertThatThrownBy(() -> TestSupport.learner(NeuralLearner.Kind.HYBRID).fit(new FitRequest(l, lorenz,
                Map.of("guess", "1,2"), 1, null))).hasMessageContaining("guess must list 3");
        assertThatThrownBy(() -> TestSupport.learner(NeuralLearner.Kind.NODE).fit(new FitRequest(m, spring,
                Map.of("horizon", "40"), 1, null))).hasMessageContaining("horizon");
        assertThatThrownBy(() -> new FitRequest(l, spring, Map.of(), 1, null)).hasMessageContaining("shape mismatch");
        assertThatThrownBy(() -> TestSupport.learner(NeuralLearner.Kind.NODE).fit(new FitRequest(m, spring,
                Map.of("adjoint", "true", "integrator", "dopri5"), 1, null))).hasMessageContaining("rk4");
        // An option of another structure is unknown to this one.
        assertThatThrownBy(() -> TestSupport.learner(NeuralLearner.Kind.NODE).fit(new FitRequest(m, spring,
                Map.of("separable", "true"), 1, null))).hasMessageContaining("separable");
    }

    @Test
    void aRunWritesItsDirectory(@TempDir Path dir) throws Exception {
        DynamicalSystem s = Systems.named("slow-manifold");
        DynamicsRun.Result r = DynamicsRun.run("slow-manifold", s, "edmd", new Edmd(),
                Map.of("degree", "2", "test.periods", "5", "dt", "0.1"), 4, dir.resolve("run"), null);
        assertThat(r.metrics().get("rmse.median")).isLessThan(1e-6);
        for (String f : List.of("run.properties", "metrics.properties", "forecast.csv", "history.csv", "spectrum.csv",
                "trajectory.png")) {
            assertThat(dir.resolve("run").resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.readString(dir.resolve("run/forecast.csv"))).startsWith("trajectory,t,x1,x1_pred,x2,x2_pred\n");
        try (var files = Files.list(dir.resolve("run"))) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
        assertThatThrownBy(() -> DynamicsRun.run("slow-manifold", s, "edmd", new Edmd(), Map.of("test.periods", "-1"), 4,
                null, null)).hasMessageContaining("test.periods");
    }
}
