package org.ansatz.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.ansatz.api.discovery.Observations;
import org.junit.jupiter.api.Test;

/** The data generators against exact solutions and their own convergence. */
class SolverTest {

    @Test
    void etdrk4MatchesAnExactPeriodicBurgersSolution() {
        // Cole-Hopf with phi = 1 + a exp(-nu k^2 t) cos(k x): u = 2 nu k a e sin(kx) / (1 + a e cos(kx))
        double nu = 0.1;
        double a = 0.5;
        double length = 2 * Math.PI;
        int n = 64;
        double[] x = new double[n];
        double[] u0 = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = length * j / n;
            u0[j] = 2 * nu * a * Math.sin(x[j]) / (1 + a * Math.cos(x[j]));
        }
        Observations o = Systems.periodicField(k -> -nu * k * k, length, x, u0, 11, 2.0, 0.01);
        double[] u = o.values("u");
        double t = 2.0;
        double e = Math.exp(-nu * t);
        double max = 0;
        for (int j = 0; j < n; j++) {
            double exact = 2 * nu * a * e * Math.sin(x[j]) / (1 + a * e * Math.cos(x[j]));
            max = Math.max(max, Math.abs(u[10 * n + j] - exact));
        }
        assertThat(max).isLessThan(1e-10);
    }

    @Test
    void etdrk4ConvergesAtFourthOrderOnKuramotoSivashinsky() {
        double length = 32 * Math.PI;
        int n = 64;
        double[] u0 = new double[n];
        for (int j = 0; j < n; j++) {
            double x = length * j / n;
            u0[j] = Math.cos(x / 16) * (1 + Math.sin(x / 16));
        }
        double[] ref = run(u0, length, 0.125 / 16);
        double e1 = diff(run(u0, length, 0.25), ref);
        double e2 = diff(run(u0, length, 0.125), ref);
        double order = Math.log(e1 / e2) / Math.log(2);
        assertThat(order).isBetween(3.6, 4.6);
    }

    private static double[] run(double[] u0, double length, double dt) {
        Etdrk4 s = new Etdrk4(k -> k * k - k * k * k * k, length, u0.length, 1, dt);
        double[] u = u0.clone();
        s.advance(u, (int) Math.round(20 / dt));
        return u;
    }

    private static double diff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void rk4ConvergesAtFourthOrderOnLorenz() {
        Ode.Rhs lorenz = (t, s, out) -> {
            out[0] = 10 * (s[1] - s[0]);
            out[1] = s[0] * (28 - s[2]) - s[1];
            out[2] = s[0] * s[1] - 8.0 / 3 * s[2];
        };
        double[] y0 = {-8, 8, 27};
        double ref = Ode.integrate(lorenz, y0, 2, 1.0, 16000)[0][1];
        double e1 = Math.abs(Ode.integrate(lorenz, y0, 2, 1.0, 500)[0][1] - ref);
        double e2 = Math.abs(Ode.integrate(lorenz, y0, 2, 1.0, 1000)[0][1] - ref);
        assertThat(Math.log(e1 / e2) / Math.log(2)).isBetween(3.6, 4.5);
        // the generator's step (1e-4) is converged far below the 1% noise level used downstream
        double gen = Systems.lorenz(5, 0.25).values("x")[4];
        assertThat(Math.abs(gen - ref)).isLessThan(1e-7);
    }

    @Test
    void noiseHasTheRequestedRelativeLevel() {
        Observations clean = Systems.lorenz(4000, 0.002);
        Observations noisy = Systems.addNoise(clean, 0.01, 7);
        double[] a = clean.values("x");
        double[] b = noisy.values("x");
        double var = 0;
        double mean = java.util.Arrays.stream(a).average().orElse(0);
        double nv = 0;
        for (int i = 0; i < a.length; i++) {
            var += (a[i] - mean) * (a[i] - mean) / a.length;
            nv += (b[i] - a[i]) * (b[i] - a[i]) / a.length;
        }
        assertThat(Math.sqrt(nv / var)).isBetween(0.0095, 0.0105);
    }
}
