package org.ansatz.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ansatz.api.discovery.Candidate;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Equation;
import org.ansatz.api.discovery.Observations;
import org.junit.jupiter.api.Test;

class SymbolicRegressionTest {

    private static SymbolicRegression.Settings settings(double seconds) {
        return new SymbolicRegression.Settings(200, 2, 25, 0.0005, seconds, Integer.MAX_VALUE,
                List.of("sin", "cos", "exp", "log", "sqrt"), 7, 1e-24);
    }

    @Test
    void recoversACoulombLikeLawExactlyAndItsFrontIsMonotone() {
        Random rnd = new Random(5);
        int n = 200;
        double[][] x = new double[2][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = 1 + 4 * rnd.nextDouble();
            x[1][i] = 1 + 4 * rnd.nextDouble();
            y[i] = 3.5 * x[0][i] / (x[1][i] * x[1][i]);
        }
        SymbolicRegression.Result r = new SymbolicRegression(settings(20)).fit(x, y, List.of("q", "r"));
        double[] p = Expr.parse(r.best(), List.of("q", "r")).eval(x, n);
        double err = 0;
        for (int i = 0; i < n; i++) {
            err = Math.max(err, Math.abs(p[i] - y[i]) / Math.abs(y[i]));
        }
        assertThat(err).as(r.best()).isLessThan(1e-8);
        List<Candidate> front = r.front();
        for (int i = 1; i < front.size(); i++) {
            assertThat(front.get(i).complexity()).isGreaterThan(front.get(i - 1).complexity());
            assertThat(front.get(i).loss()).isLessThan(front.get(i - 1).loss());
        }
    }

    @Test
    void constantsAreFittedByLevenbergMarquardt() {
        int n = 50;
        double[][] x = new double[1][n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = i * 0.1;
            y[i] = Math.exp(-0.7 * x[0][i]);
        }
        SymbolicRegression sr = new SymbolicRegression(settings(1));
        sr.fit(x, y, List.of("t"));
        Expr e = Expr.parse("exp(-0.2*t)", List.of("t"));
        sr.optimiseConstants(e, 100, n);
        assertThat(e.toString()).startsWith("exp(-0.7");
    }

    @Test
    void symbolicDiscoveryFindsALogisticGrowthLaw() {
        // x' = x - x^2 (logistic), from x0 = 0.05
        double dt = 0.01;
        Observations o = Observations.trajectory(Systems.times(1200, dt), List.of("x"),
                List.of(Ode.integrate((t, s, out) -> out[0] = s[0] - s[0] * s[0], new double[] {0.05}, 1200, dt, 10)));
        Discovery d = new SymbolicDiscovery("symbolic").discover(o, Map.of("seconds", "6", "unary", "", "seed", "3"));
        Equation e = d.equation("x_t").orElseThrow();
        Expr found = Expr.parse(e.rhs(), List.of("x"));
        // inside the observed range (the trajectory rises from 0.05 towards 1)
        double[][] probe = {{0.1, 0.3, 0.5, 0.9}};
        double[] v = found.eval(probe, 4);
        for (int i = 0; i < 4; i++) {
            double xx = probe[0][i];
            assertThat(v[i]).as(e.rhs()).isCloseTo(xx - xx * xx, org.assertj.core.data.Offset.offset(1e-5));
        }
        assertThat(e.front()).isNotEmpty();
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new SymbolicRegression.Settings(5, 1, 20, 0, 1, 1, List.of(), 0, 0))
                .hasMessageContaining("population");
        assertThatThrownBy(() -> new SymbolicRegression.Settings(50, 1, 20, 0, 1, 1, List.of("erf"), 0, 0))
                .hasMessageContaining("'erf'");
        assertThatThrownBy(() -> new SymbolicRegression(settings(1)).fit(new double[][] {{1, 2, 3, 4, 5}},
                new double[] {1, 2, 3}, List.of("x"))).hasMessageContaining("has 5 samples");
    }
}
