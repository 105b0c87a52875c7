package org.ansatz.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The phase-plane shooting reference of the premixed flame: its order in the step, the equation and the
 * conditions on the production profile, an exact solution, and the Zeldovich-Frank-Kamenetskii limit.
 */
class FlameShootingTest {

    private static FlameShooting flame(int steps) {
        return new FlameShooting(PremixedFlame1d::rate, PremixedFlame1d.IGNITION, PremixedFlame1d.PIN, steps);
    }

    /** Largest difference of two profiles on 401 points of the problem's domain. */
    private static double difference(FlameShooting a, FlameShooting b) {
        double worst = 0;
        for (int i = 0; i <= 400; i++) {
            double x = -1 + i / 200.0;
            worst = Math.max(worst, Math.abs(a.temperature(x) - b.temperature(x)));
        }
        return worst;
    }

    private static double w(double t) {
        return (1 - t) * PremixedFlame1d.rate(1 - t);
    }

    @Test
    void convergesAtFourthOrderInTheStep() {
        // Against 32 000 steps. Measured: m 8.7e-7, 5.1e-8, 3.0e-9; T 1.4e-6, 8.7e-8, 5.4e-9.
        FlameShooting fine = flame(32_000);
        int[] steps = {500, 1000, 2000};
        double[] dm = new double[3];
        double[] dt = new double[3];
        for (int i = 0; i < 3; i++) {
            FlameShooting f = flame(steps[i]);
            dm[i] = Math.abs(f.burningRate() - fine.burningRate());
            dt[i] = difference(f, fine);
        }
        System.out.printf("flame: |m_n - m_32000| = %.3e %.3e %.3e, max |T_n - T_32000| = %.3e %.3e %.3e (n = 500, 1000, 2000)%n",
                dm[0], dm[1], dm[2], dt[0], dt[1], dt[2]);
        for (int i = 0; i < 2; i++) {
            assertThat(Math.log(dm[i] / dm[i + 1]) / Math.log(2)).as("order of m").isBetween(3.3, 4.7);
            assertThat(Math.log(dt[i] / dt[i + 1]) / Math.log(2)).as("order of T").isBetween(3.3, 4.7);
        }
        // The production resolution is converged far below anything a network reaches.
        FlameShooting production = flame(PremixedFlame1d.STEPS);
        assertThat(Math.abs(production.burningRate() - fine.burningRate())).isLessThan(1e-10);
        assertThat(difference(production, fine)).isLessThan(1e-9);
    }

    @Test
    void productionProfileSatisfiesTheEquationAndTheConditions() {
        FlameShooting f = new PremixedFlame1d().solution();
        double m = f.burningRate();
        assertThat(m).isCloseTo(3.189652790, within(1e-9));
        // Fourth-order differences, h = 1e-3, for the rate without its cut-off: what the network is asked.
        double h = 1e-3;
        double worst = 0;
        double worstWrong = 0;
        double scale = 0;
        for (int i = -990; i <= 990; i++) {
            double x = i * h;
            double[] d = derivatives(f, x, h);
            double r = m * d[1] - d[2] - w(d[0]);
            worst = Math.max(worst, Math.abs(r));
            worstWrong = Math.max(worstWrong, Math.abs(1.01 * m * d[1] - d[2] - w(d[0])));
            scale = Math.max(scale, Math.abs(d[2]));
        }
        System.out.printf("flame: FD residual %.3e, %.3e with m 1 %% off, max |T''| %.3e%n", worst, worstWrong, scale);
        assertThat(worst / scale).isLessThan(1e-7);
        assertThat(worstWrong / scale).isGreaterThan(1e-3);
        // The pin, the cold side (unburnt, exponential: T' = m T, (ln T)'' = 0), the hot side (T' = 0).
        assertThat(f.temperature(0)).isCloseTo(PremixedFlame1d.PIN, within(1e-15));
        double[] cold = derivatives(f, PremixedFlame1d.COLD, 1e-3);
        assertThat(cold[0]).isBetween(0.01, PremixedFlame1d.IGNITION);
        assertThat(cold[1] / (m * cold[0])).isCloseTo(1, within(1e-10));
        assertThat(cold[2] / cold[0] - Math.pow(cold[1] / cold[0], 2)).isCloseTo(0, within(1e-8));
        double[] hot = derivatives(f, PremixedFlame1d.HOT, 1e-3);
        assertThat(Math.abs(hot[1])).isLessThan(2e-6);
        assertThat(1 - hot[0]).isBetween(0.0, 1e-7);
        // The cut-off the reference uses changes the rate by a negligible amount.
        double peak = 0;
        for (int i = 1; i < 1000; i++) {
            peak = Math.max(peak, w(i / 1000.0));
        }
        assertThat(w(PremixedFlame1d.IGNITION) / peak).isLessThan(2e-10);
        // Monotone, between the end states.
        for (int i = -1000; i < 1000; i++) {
            assertThat(f.temperature((i + 1) / 1000.0)).isGreaterThan(f.temperature(i / 1000.0));
        }
    }

    /** T, T', T'' by fourth-order central differences. */
    private static double[] derivatives(FlameShooting f, double x, double h) {
        double m2 = f.temperature(x - 2 * h);
        double m1 = f.temperature(x - h);
        double c = f.temperature(x);
        double p1 = f.temperature(x + h);
        double p2 = f.temperature(x + 2 * h);
        return new double[] {c, (m2 - 8 * m1 + 8 * p1 - p2) / (12 * h),
                (-m2 + 16 * m1 - 30 * c + 16 * p1 - p2) / (12 * h * h)};
    }

    @Test
    void matchesTheClosedFormOfAFirstOrderRateWithIgnitionCutOff() {
        // w = A (1 - T) above T_i: behind ignition theta'' - m theta' - A theta = 0, so
        // theta = theta_pin exp(-mu x), mu = (sqrt(m^2 + 4A) - m)/2; ahead T = T_i exp(m (x - x_i)).
        // Matching T' at T_i, mu (1 - T_i) = m T_i, gives m = (1 - T_i) sqrt(A / T_i).
        double a = 7;
        double ti = 0.2;
        double pin = 0.6;
        FlameShooting f = new FlameShooting(theta -> a, ti, pin, 2000);
        double m = (1 - ti) * Math.sqrt(a / ti);
        double mu = (Math.sqrt(m * m + 4 * a) - m) / 2;
        double xi = -Math.log((1 - ti) / (1 - pin)) / mu;
        assertThat(f.burningRate()).isCloseTo(m, within(1e-13 * m));
        assertThat(f.hotDecay()).isCloseTo(mu, within(1e-12));
        // x is a sum over 1000 steps: its rounding adds up.
        assertThat(f.ignitionPosition()).isCloseTo(xi, within(1e-11));
        for (int i = -30; i <= 30; i++) {
            double x = i / 10.0;
            double exact = x >= xi ? 1 - (1 - pin) * Math.exp(-mu * x) : ti * Math.exp(m * (x - xi));
            assertThat(f.temperature(x)).as("x = " + x).isCloseTo(exact, within(1e-11));
        }
    }

    @Test
    void approachesTheZfkBurningRateAsTheZeldovichNumberGrows() {
        // Zeldovich and Frank-Kamenetskii (1938); e.g. Williams, Combustion Theory, 2nd ed., ch. 5: for
        // large Ze the reaction sits in a layer of width 1/Ze at T = 1 where convection is negligible,
        // q^2 = 2 int w dT = 2 A / Ze^2 there, and q = m T in the preheat zone, so m -> sqrt(2A)/Ze, with
        // a relative error O(1/Ze). With A = Ze^2/2, m - 1 must halve as Ze doubles.
        double alpha = PremixedFlame1d.ALPHA;
        double[] ze = {20, 40, 80};
        double[] error = new double[ze.length];
        for (int i = 0; i < ze.length; i++) {
            double z = ze[i];
            DoubleUnaryOperator r = theta -> z * z / 2 * Math.exp(-z * theta / (1 - alpha * theta));
            error[i] = new FlameShooting(r, 0.1, 0.5, 4000).burningRate() - 1;
        }
        System.out.printf("flame: m - m_ZFK at Ze = 20, 40, 80: %.4e %.4e %.4e%n", error[0], error[1], error[2]);
        assertThat(error[0] / error[1]).isBetween(1.8, 2.1);
        assertThat(error[1] / error[2]).isBetween(1.8, 2.1);
        assertThat(Math.abs(error[2])).isLessThan(0.015);
    }

    @Test
    void rejectsAPinBelowIgnition() {
        assertThatThrownBy(() -> new FlameShooting(theta -> 1, 0.3, 0.2, 100)).hasMessageContaining("ignition");
    }
}
