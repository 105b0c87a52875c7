package org.ansatz.datasets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The reference solvers against exact solutions and their convergence orders. */
class SolversTest {

    /** Cole-Hopf for u0 = sin(2 pi x): phi = I0(a) + 2 sum I_n(a) exp(-4 pi^2 n^2 nu t) cos(2 pi n x), a = 1/(4 pi nu). */
    static double burgersExact(double x, double t, double nu) {
        double a = 1 / (4 * Math.PI * nu);
        double num = 0;
        double den = besselI(0, a);
        for (int n = 1; n < 40; n++) {
            double w = besselI(n, a) * Math.exp(-4 * Math.PI * Math.PI * n * n * nu * t);
            num += n * w * Math.sin(2 * Math.PI * n * x);
            den += 2 * w * Math.cos(2 * Math.PI * n * x);
        }
        return 8 * Math.PI * nu * num / den;
    }

    static double besselI(int n, double x) {
        double term = Math.pow(x / 2, n);
        for (int k = 1; k <= n; k++) {
            term /= k;
        }
        double sum = 0;
        for (int m = 0; m < 60; m++) {
            sum += term;
            term *= (x / 2) * (x / 2) / ((m + 1.0) * (m + 1 + n));
        }
        return sum;
    }

    @Test
    void burgersMatchesColeHopf() {
        int n = 128;
        double[] x = Generator.periodicGrid(n);
        double[] u0 = new double[n];
        for (int i = 0; i < n; i++) {
            u0[i] = Math.sin(2 * Math.PI * x[i]);
        }
        for (double nu : new double[] {0.1, 0.02}) {
            double[] u = new BurgersSolver(n, nu).solve(u0, 1.0, 200);
            double err = 0;
            for (int i = 0; i < n; i++) {
                err = Math.max(err, Math.abs(u[i] - burgersExact(x[i], 1.0, nu)));
            }
            assertThat(err).as("nu=%s", nu).isLessThan(1e-9);
        }
    }

    @Test
    void burgersIsFourthOrderInTime() {
        int n = 128;
        double nu = 0.02;
        double[] x = Generator.periodicGrid(n);
        double[] u0 = new double[n];
        for (int i = 0; i < n; i++) {
            u0[i] = Math.sin(2 * Math.PI * x[i]);
        }
        int[] steps = {10, 20, 40};
        double[] err = new double[steps.length];
        for (int s = 0; s < steps.length; s++) {
            double[] u = new BurgersSolver(n, nu).solve(u0, 1.0, steps[s]);
            for (int i = 0; i < n; i++) {
                err[s] = Math.max(err[s], Math.abs(u[i] - burgersExact(x[i], 1.0, nu)));
            }
        }
        double order1 = Math.log(err[0] / err[1]) / Math.log(2);
        double order2 = Math.log(err[1] / err[2]) / Math.log(2);
        assertThat(order1).isBetween(3.5, 5.0);
        assertThat(order2).isBetween(3.5, 5.0);
    }

    @Test
    void burgersDefaultStepsResolveGrfInitialConditions() {
        // The generator's default of 200 steps against 800 steps on a sample of the FNO distribution:
        // a relative error far below what any operator reaches (1e-3) is all the data need.
        int n = 256;
        double[] a = Grf.periodic1d(n, 25, 5, 2, Generator.random(3, 0));
        double[] coarse = new BurgersSolver(n, 0.1).solve(a, 1.0, 200);
        double[] fine = new BurgersSolver(n, 0.1).solve(a, 1.0, 800);
        assertThat(relL2(coarse, fine)).isLessThan(1e-6);
    }

    @Test
    void darcyIsExactForBiquadraticSolutions() {
        // With a = 1 the five-point scheme differentiates quadratics exactly in each direction.
        int s = 17;
        double[] a = new double[s * s];
        double[] f = new double[s * s];
        double[] exact = new double[s * s];
        double[] g = Generator.closedGrid(s);
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                double x = g[i], y = g[j];
                a[i * s + j] = 1;
                f[i * s + j] = 2 * y * (1 - y) + 2 * x * (1 - x);
                exact[i * s + j] = x * (1 - x) * y * (1 - y);
            }
        }
        double[] u = DarcySolver.solve(s, a, f);
        for (int k = 0; k < u.length; k++) {
            assertThat(u[k]).isCloseTo(exact[k], org.assertj.core.data.Offset.offset(1e-13));
        }
    }

    @Test
    void darcyConvergesAtSecondOrderWithAVariableCoefficient() {
        // u = sin(pi x) sin(pi y), a = 1 + x + y^2: f = -div(a grad u) computed by hand.
        int[] sizes = {17, 33, 65};
        double[] err = new double[sizes.length];
        for (int t = 0; t < sizes.length; t++) {
            int s = sizes[t];
            double[] g = Generator.closedGrid(s);
            double[] a = new double[s * s];
            double[] f = new double[s * s];
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    double x = g[i], y = g[j], pi = Math.PI;
                    double c = 1 + x + y * y;
                    double ux = pi * Math.cos(pi * x) * Math.sin(pi * y);
                    double uy = pi * Math.sin(pi * x) * Math.cos(pi * y);
                    double lap = -2 * pi * pi * Math.sin(pi * x) * Math.sin(pi * y);
                    a[i * s + j] = c;
                    f[i * s + j] = -(ux * 1 + uy * 2 * y + c * lap);
                }
            }
            double[] u = DarcySolver.solve(s, a, f);
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    err[t] = Math.max(err[t], Math.abs(u[i * s + j] - Math.sin(Math.PI * g[i]) * Math.sin(Math.PI * g[j])));
                }
            }
        }
        assertThat(Math.log(err[0] / err[1]) / Math.log(2)).isBetween(1.8, 2.2);
        assertThat(Math.log(err[1] / err[2]) / Math.log(2)).isBetween(1.8, 2.2);
    }

    @Test
    void darcyRejectsNonPositiveCoefficients() {
        double[] a = new double[25];
        assertThatThrownBy(() -> DarcySolver.solve(5, a, new double[25])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void advectionShiftsSinesExactly() {
        int n = 64;
        double[] x = Generator.periodicGrid(n);
        double[] u0 = new double[n];
        for (int i = 0; i < n; i++) {
            u0[i] = 0.7 * Math.sin(2 * Math.PI * 3 * x[i] + 0.4) + 0.2 * Math.sin(2 * Math.PI * 7 * x[i] + 2);
        }
        double beta = 0.4, t = 2.0;
        double[] u = new AdvectionSolver(n, beta).solve(u0, t);
        for (int i = 0; i < n; i++) {
            double xs = x[i] - beta * t;
            double exact = 0.7 * Math.sin(2 * Math.PI * 3 * xs + 0.4) + 0.2 * Math.sin(2 * Math.PI * 7 * xs + 2);
            assertThat(u[i]).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-13));
        }
    }

    @Test
    void diffusionReactionLimitsAreExact() {
        int n = 64;
        double[] x = Generator.periodicGrid(n);
        double[] u0 = new double[n];
        for (int i = 0; i < n; i++) {
            u0[i] = 0.5 + 0.3 * Math.sin(2 * Math.PI * 2 * x[i]);
        }
        double t = 0.3;
        double[] diffusion = new DiffusionReactionSolver(n, 0.05, 0).solve(u0, t, 7);
        double[] logistic = new DiffusionReactionSolver(n, 0, 2.0).solve(u0, t, 7);
        for (int i = 0; i < n; i++) {
            double d = 0.5 + 0.3 * Math.sin(2 * Math.PI * 2 * x[i]) * Math.exp(-0.05 * 16 * Math.PI * Math.PI * t);
            double e = Math.exp(2.0 * t);
            double l = u0[i] * e / (1 - u0[i] + u0[i] * e);
            assertThat(diffusion[i]).isCloseTo(d, org.assertj.core.data.Offset.offset(1e-13));
            assertThat(logistic[i]).isCloseTo(l, org.assertj.core.data.Offset.offset(1e-13));
        }
    }

    @Test
    void diffusionReactionIsSecondOrderInTime() {
        int n = 64;
        double[] x = Generator.periodicGrid(n);
        double[] u0 = new double[n];
        for (int i = 0; i < n; i++) {
            u0[i] = 0.5 + 0.4 * Math.sin(2 * Math.PI * x[i]);
        }
        DiffusionReactionSolver s = new DiffusionReactionSolver(n, 0.05, 3.0);
        double[] reference = s.solve(u0, 1.0, 4096);
        int[] steps = {16, 32, 64};
        double[] err = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            err[k] = relL2(s.solve(u0, 1.0, steps[k]), reference);
        }
        assertThat(Math.log(err[0] / err[1]) / Math.log(2)).isBetween(1.9, 2.1);
        assertThat(Math.log(err[1] / err[2]) / Math.log(2)).isBetween(1.9, 2.1);
    }

    @Test
    void periodicGrfHasTheCovarianceItClaims() {
        // Var u(x) = sum_k 2 s_k^2 at every x.
        int n = 64, samples = 4000;
        double expected = 0;
        for (int k = 1; k < n / 2; k++) {
            double s = 25 * Math.pow(Math.pow(2 * Math.PI * k, 2) + 25, -1);
            expected += 2 * s * s;
        }
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            double v = Grf.periodic1d(n, 25, 5, 2, Generator.random(7, i))[5];
            sum += v * v;
        }
        assertThat(sum / samples / expected).isBetween(0.9, 1.1);
    }

    @Test
    void aSeedGivesTheSameFieldAtEveryResolution() {
        double[] coarse = Grf.periodic1d(64, 25, 5, 2, Generator.random(1, 4));
        double[] fine = Grf.periodic1d(256, 25, 5, 2, Generator.random(1, 4));
        // Up to the modes 32..127 that only the finer grid holds (about 1% of the field's norm).
        assertThat(relL2(coarse, Generator.subsample(fine, 4))).isLessThan(2e-2);
        // With the same modes the draws coincide exactly, whatever the grid.
        double[] c2 = Grf.neumann2d(9, 9, 3, 2, Generator.random(1, 4));
        double[] f2 = Generators.Darcy.subsample2d(Grf.neumann2d(33, 9, 3, 2, Generator.random(1, 4)), 33, 4);
        assertThat(relL2(c2, f2)).isLessThan(1e-12);
    }

    static double relL2(double[] a, double[] b) {
        double num = 0, den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.sqrt(num / den);
    }
}
