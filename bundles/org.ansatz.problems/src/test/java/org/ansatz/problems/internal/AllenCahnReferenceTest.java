package org.ansatz.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The spectral ETDRK4 reference of Allen-Cahn, checked as BurgersColeHopf is: its coefficients, its
 * order in time, its resolution in space, the PDE on its output, the known shape of the solution.
 */
class AllenCahnReferenceTest {

    private static final AllenCahn PROBLEM = new AllenCahn();

    private static double[] solveTo(int n, double dt, double t) {
        int steps = (int) Math.round(t / dt);
        double[][] rows = new AllenCahnEtdrk4(n, 2, AllenCahn.EPS, AllenCahn.A).solve(AllenCahn.initial(n), dt, steps, steps);
        return rows[1];
    }

    /** Largest difference on the coarser grid (the finer one has it as every other point). */
    private static double difference(double[] coarse, double[] fine) {
        int stride = fine.length / coarse.length;
        double worst = 0;
        for (int j = 0; j < coarse.length; j++) {
            worst = Math.max(worst, Math.abs(coarse[j] - fine[j * stride]));
        }
        return worst;
    }

    @Test
    void contourMeansMatchTheLimitsAndTheDirectFormulas() {
        // z -> 0: (e^{z/2} - 1)/z -> 1/2 and the three ETDRK4 weights -> 1/6, where direct evaluation
        // would cancel completely.
        double[] zero = AllenCahnEtdrk4.contourMeans(0);
        assertThat(zero[0]).isCloseTo(0.5, within(1e-14));
        for (int i = 1; i < 4; i++) {
            assertThat(zero[i]).isCloseTo(1.0 / 6, within(1e-14));
        }
        // Far from 0 the direct formulas are accurate.
        double z = -40;
        double ez = Math.exp(z);
        double[] far = AllenCahnEtdrk4.contourMeans(z);
        assertThat(far[0]).isCloseTo((Math.exp(z / 2) - 1) / z, within(1e-14));
        assertThat(far[1]).isCloseTo((-4 - z + ez * (4 - 3 * z + z * z)) / (z * z * z), within(1e-14));
        assertThat(far[2]).isCloseTo((2 + z + ez * (z - 2)) / (z * z * z), within(1e-14));
        assertThat(far[3]).isCloseTo((-4 - 3 * z - z * z + ez * (4 - z)) / (z * z * z), within(1e-14));
    }

    @Test
    void convergesAtFourthOrderInTime() {
        // Short horizon, the production resolution; errors against dt = T/256 stay far above rounding
        // (measured 2.1e-9, 1.3e-10, 8.0e-12; ratios 16.6, 16.3).
        double horizon = 0.05;
        double[] fine = solveTo(AllenCahn.MODES, horizon / 256, horizon);
        double[] error = new double[3];
        for (int i = 0; i < 3; i++) {
            error[i] = difference(solveTo(AllenCahn.MODES, horizon / (8 << i), horizon), fine);
        }
        System.out.printf("ETDRK4 errors at dt = T/8, T/16, T/32: %.3e %.3e %.3e; ratios %.2f %.2f%n",
                error[0], error[1], error[2], error[0] / error[1], error[1] / error[2]);
        assertThat(error[0] / error[1]).isBetween(10.0, 22.0);
        assertThat(error[1] / error[2]).isBetween(10.0, 22.0);
    }

    @Test
    void isResolvedInSpace() {
        // Spectral convergence: each doubling of the modes wins orders of magnitude (measured at t = 1:
        // 256 vs 512 6e-4, 512 vs 1024 1.4e-6). The 512-mode reference is good to about 1e-5 at t = 1.
        double[] coarse = solveTo(256, AllenCahn.DT, 1);
        double[] reference = PROBLEM.solution().snapshot(AllenCahn.SNAPSHOTS - 1);
        double[] fine = solveTo(1024, AllenCahn.DT, 1);
        double production = difference(reference, fine);
        double coarser = difference(coarse, reference);
        System.out.printf("Allen-Cahn at t = 1: |u256 - u512| = %.3e, |u512 - u1024| = %.3e%n", coarser, production);
        assertThat(production).isLessThan(1e-5);
        assertThat(coarser).isGreaterThan(100 * production);
    }

    @Test
    void satisfiesTheEquationOnItsGrid() {
        // Fourth-order differences on the 201 x 512 output grid, away from the first and last two times.
        // Their own error at the interfaces (dx = 0.0039 against a width of about 0.006) dominates: the
        // residual is measured against the diffusion term, the smallest one, so a wrong eps shows.
        PeriodicSnapshots s = PROBLEM.solution();
        int n = AllenCahn.MODES;
        double ht = AllenCahn.DT * AllenCahn.EVERY;
        double hx = 2.0 / n;
        double residual2 = 0;
        double diffusion2 = 0;
        double residualMax = 0;
        double diffusionMax = 0;
        for (int i = 2; i < s.times() - 2; i++) {
            for (int j = 0; j < n; j++) {
                double ut = (-s.snapshot(i + 2)[j] + 8 * s.snapshot(i + 1)[j] - 8 * s.snapshot(i - 1)[j]
                        + s.snapshot(i - 2)[j]) / (12 * ht);
                double[] row = s.snapshot(i);
                double uxx = (-row[(j + 2) % n] + 16 * row[(j + 1) % n] - 30 * row[j] + 16 * row[(j + n - 1) % n]
                        - row[(j + n - 2) % n]) / (12 * hx * hx);
                double u = row[j];
                double diffusion = AllenCahn.EPS * uxx;
                double r = ut - diffusion + AllenCahn.A * (u * u * u - u);
                residual2 += r * r;
                diffusion2 += diffusion * diffusion;
                residualMax = Math.max(residualMax, Math.abs(r));
                diffusionMax = Math.max(diffusionMax, Math.abs(diffusion));
            }
        }
        System.out.printf("Allen-Cahn FD residual: l2 %.3e of the diffusion's, max %.3e of its max%n",
                Math.sqrt(residual2 / diffusion2), residualMax / diffusionMax);
        assertThat(Math.sqrt(residual2 / diffusion2)).isLessThan(0.02);
        assertThat(residualMax / diffusionMax).isLessThan(0.05);
    }

    @Test
    void reachesTheMetastablePlateaus() {
        // By t = 1: -1 near the ends, +1 on either side of a dip at x = 0 (where u(0,x) has a double zero),
        // two interfaces near x = -0.5 and 0.5; even in x, as u(0,x) is; |u| <= 1 throughout.
        double[] last = PROBLEM.solution().snapshot(AllenCahn.SNAPSHOTS - 1);
        int n = last.length;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        int plateau = 0;
        int signChanges = 0;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, last[j]);
            min = Math.min(min, last[j]);
            plateau += Math.abs(last[j]) > 0.9 ? 1 : 0;
            signChanges += last[j] * last[(j + 1) % n] < 0 ? 1 : 0;
            if (j > 0) {
                assertThat(last[n - j]).isCloseTo(last[j], within(1e-10));
            }
        }
        assertThat(Math.max(max, -min)).isBetween(0.9, 1.05);
        assertThat(max).isGreaterThan(0.98);
        assertThat(min).isLessThan(-0.99);
        assertThat((double) plateau / n).isGreaterThan(0.75);
        assertThat(signChanges).isEqualTo(2);
        assertThat(PROBLEM.u(1, 0.5)).isBetween(-0.5, 0.5);
        for (int i = 0; i < PROBLEM.solution().times(); i++) {
            for (double v : PROBLEM.solution().snapshot(i)) {
                assertThat(Math.abs(v)).isLessThan(1 + 1e-3);
            }
        }
    }

    @Test
    void cubicInterpolationInTimeIsAccurateBetweenSnapshots() {
        // Snapshots twice as dense: the odd ones are what the interpolant must predict (measured 2.9e-7;
        // linear interpolation would miss by 2e-5).
        double[][] dense = new AllenCahnEtdrk4(AllenCahn.MODES, 2, AllenCahn.EPS, AllenCahn.A).solve(
                AllenCahn.initial(AllenCahn.MODES), AllenCahn.DT, AllenCahn.EVERY * (AllenCahn.SNAPSHOTS - 1),
                AllenCahn.EVERY / 2);
        PeriodicSnapshots s = PROBLEM.solution();
        double half = AllenCahn.DT * AllenCahn.EVERY / 2;
        double worst = 0;
        for (int i = 1; i < dense.length; i += 2) {
            for (int j = 0; j < AllenCahn.MODES; j += 4) {
                worst = Math.max(worst, Math.abs(s.at(i * half, -1 + 2.0 * j / AllenCahn.MODES) - dense[i][j]));
            }
        }
        assertThat(worst).isLessThan(1e-6);
        // ... and the grid values come back at the nodes.
        assertThat(s.at(0.5, -0.5)).isCloseTo(s.snapshot(100)[128], within(1e-13));
    }
}
