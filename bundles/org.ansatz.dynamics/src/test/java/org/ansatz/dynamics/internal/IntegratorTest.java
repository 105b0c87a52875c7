package org.ansatz.dynamics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.Integrator;
import org.ansatz.api.dynamics.Solvers;
import org.ansatz.api.dynamics.VectorField;
import org.junit.jupiter.api.Test;

class IntegratorTest {

    private static final DynamicalSystem PENDULUM = Systems.named("pendulum");
    private static final double[][] START = {{1.2, 0.3}, {-2.0, 1.0}};
    private static final double T = 2.0;

    /** Max error at T against the reference solver, for each step. */
    private static double[] errors(Integrator scheme, double[] steps) {
        return errors(scheme, steps, false);
    }

    private static double[] errors(Integrator scheme, double[] steps, boolean adaptive) {
        double[][] exact = new double[START.length][];
        for (int i = 0; i < START.length; i++) {
            exact[i] = Reference.integrate(PENDULUM, START[i], new double[] {0, T}, 1e-4)[1];
        }
        double[] err = new double[steps.length];
        try (NDManager m = TestSupport.ENGINE.newManager()) {
            VectorField f = TestSupport.field(PENDULUM, m);
            for (int k = 0; k < steps.length; k++) {
                // Adaptive schemes are measured through solve, fixed-step ones (dopri5 included) step by step.
                NDArray x0 = TestSupport.states(m, START);
                double[] times = {0, T};
                NDArray out = (adaptive ? scheme.solve(f, x0, times, steps[k])
                        : Solvers.fixedStep(scheme, f, x0, times, steps[k])).get(1);
                double[][] got = TestSupport.rows(out);
                for (int i = 0; i < got.length; i++) {
                    for (int j = 0; j < 2; j++) {
                        err[k] = Math.max(err[k], Math.abs(got[i][j] - exact[i][j]));
                    }
                }
            }
        }
        return err;
    }

    @Test
    void eulerIsFirstOrder() {
        double[] h = {0.02, 0.01, 0.005};
        assertThat(TestSupport.slope(h, errors(new Euler(), h))).isBetween(0.9, 1.1);
    }

    @Test
    void leapfrogIsSecondOrder() {
        double[] h = {0.1, 0.05, 0.025};
        assertThat(TestSupport.slope(h, errors(new Leapfrog(), h))).isBetween(1.9, 2.1);
    }

    @Test
    void rk4IsFourthOrder() {
        double[] h = {0.1, 0.05, 0.025};
        assertThat(TestSupport.slope(h, errors(new Rk4(), h))).isBetween(3.8, 4.2);
    }

    @Test
    void dormandPrinceStepIsFifthOrder() {
        double[] h = {0.1, 0.05, 0.025};
        double[] e = errors(new Dopri5(), h);
        assertThat(TestSupport.slope(h, e)).isBetween(4.7, 5.4);
    }

    @Test
    void adaptiveDormandPrinceMeetsItsTolerance() {
        Dopri5 loose = new Dopri5(1e-5, 1e-7, 100_000);
        Dopri5 tight = new Dopri5(1e-10, 1e-12, 100_000);
        double looseErr = errors(loose, new double[] {1}, true)[0];
        int looseSteps = loose.acceptedSteps();
        double tightErr = errors(tight, new double[] {1}, true)[0];
        assertThat(looseErr).isLessThan(1e-4);
        assertThat(tightErr).isLessThan(1e-8).isLessThan(looseErr / 100);
        assertThat(tight.acceptedSteps()).isGreaterThan(looseSteps);
    }

    @Test
    void leapfrogKeepsEnergyBoundedWhereRk4Drifts() {
        // 400 time units at h = 0.25 (about 110 periods): RK4's energy error grows steadily,
        // leapfrog's oscillates with a bounded amplitude.
        double h = 0.25;
        int steps = 1600;
        double[] x0 = {1.5, 0};
        double e0 = PENDULUM.energy(x0);
        double[] leap = new double[steps + 1];
        double[] rk = new double[steps + 1];
        try (NDManager m = TestSupport.ENGINE.newManager()) {
            VectorField f = TestSupport.field(PENDULUM, m);
            for (Integrator scheme : new Integrator[] {new Leapfrog(), new Rk4()}) {
                double[] drift = scheme instanceof Leapfrog ? leap : rk;
                double[] x = x0.clone();
                for (int k = 1; k <= steps; k++) {
                    try (NDManager s = m.newSubManager()) {
                        NDArray xt = s.create(x, new ai.djl.ndarray.types.Shape(1, 2));
                        x = scheme.step(f, 0, xt, h).toDoubleArray();
                    }
                    drift[k] = Math.abs(PENDULUM.energy(x) - e0) / e0;
                }
            }
        }
        double leapEarly = max(leap, 0, steps / 10), leapLate = max(leap, steps / 2, steps);
        double rkEarly = max(rk, 0, steps / 10), rkLate = max(rk, steps / 2, steps);
        assertThat(leapLate).isLessThan(1.5 * leapEarly).isLessThan(0.06);
        assertThat(rkLate).isGreaterThan(4 * rkEarly);
    }

    private static double max(double[] v, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, v[i]);
        }
        return m;
    }

    @Test
    void badInputIsNamed() {
        try (NDManager m = TestSupport.ENGINE.newManager()) {
            VectorField f = TestSupport.field(PENDULUM, m);
            NDArray x = TestSupport.states(m, START);
            assertThatThrownBy(() -> new Rk4().solve(f, x, new double[] {0, 1, 1}, 0.1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly increasing");
            assertThatThrownBy(() -> new Rk4().solve(f, m.zeros(new ai.djl.ndarray.types.Shape(2, 3)),
                    new double[] {0, 1}, 0.1)).hasMessageContaining("shape mismatch");
            assertThatThrownBy(() -> new Rk4().solve(f, x, new double[] {0, 1}, -1)).hasMessageContaining("step");
            VectorField lorenz = TestSupport.field(Systems.named("lorenz"), m);
            assertThatThrownBy(() -> new Leapfrog().step(lorenz, 0, m.zeros(new ai.djl.ndarray.types.Shape(1, 3)), 0.1))
                    .hasMessageContaining("even dimension");
            assertThatThrownBy(() -> Integrators.named("rk45", 1e-6, 1e-8)).hasMessageContaining("unknown integrator 'rk45'");
        }
    }
}
