package org.ansatz.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The reference is trusted only as far as it is checked: convergence, the PDE, data and symmetry. */
class BurgersColeHopfTest {

    private final BurgersColeHopf ref = new BurgersColeHopf(Burgers.NU, 8001);
    private final BurgersColeHopf fine = new BurgersColeHopf(Burgers.NU, 32001);

    @Test
    void quadratureHasConverged() {
        double worst = 0;
        for (double t : new double[] {0.01, 0.1, 0.3, 0.5, 0.75, 0.99}) {
            for (double x = -1; x <= 1; x += 0.0625) {
                worst = Math.max(worst, Math.abs(ref.u(t, x) - fine.u(t, x)));
            }
        }
        assertThat(worst).isLessThan(1e-12);
    }

    @Test
    void satisfiesTheInitialAndBoundaryValues() {
        for (double x = -1; x <= 1; x += 0.1) {
            assertThat(ref.u(0, x)).isCloseTo(-Math.sin(Math.PI * x), within(1e-15));
            assertThat(ref.u(1e-6, x)).isCloseTo(-Math.sin(Math.PI * x), within(1e-5));
        }
        for (double t : new double[] {0.1, 0.5, 1.0}) {
            assertThat(ref.u(t, -1)).isCloseTo(0, within(1e-12));
            assertThat(ref.u(t, 1)).isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void isOddInX() {
        for (double t : new double[] {0.2, 0.7}) {
            for (double x = 0.05; x < 1; x += 0.1) {
                assertThat(ref.u(t, -x)).isCloseTo(-ref.u(t, x), within(1e-12));
            }
        }
    }

    @Test
    void satisfiesBurgersAwayFromTheShock() {
        // Fourth-order central differences; the residual is relative to the size of the terms.
        double h = 1e-3;
        for (double t : new double[] {0.2, 0.5, 0.8}) {
            for (double x : new double[] {-0.8, -0.5, -0.3, 0.4, 0.7}) {
                double ut = (-ref.u(t + 2 * h, x) + 8 * ref.u(t + h, x) - 8 * ref.u(t - h, x) + ref.u(t - 2 * h, x)) / (12 * h);
                double ux = (-ref.u(t, x + 2 * h) + 8 * ref.u(t, x + h) - 8 * ref.u(t, x - h) + ref.u(t, x - 2 * h)) / (12 * h);
                double uxx = (-ref.u(t, x + 2 * h) + 16 * ref.u(t, x + h) - 30 * ref.u(t, x)
                        + 16 * ref.u(t, x - h) - ref.u(t, x - 2 * h)) / (12 * h * h);
                double u = ref.u(t, x);
                double scale = Math.abs(ut) + Math.abs(u * ux) + Math.abs(Burgers.NU * uxx);
                assertThat(Math.abs(ut + u * ux - Burgers.NU * uxx)).as("t=%s x=%s", t, x).isLessThan(1e-6 * scale + 1e-9);
            }
        }
    }

    @Test
    void formsTheShock() {
        // The published benchmark (Basdevant et al. 1986, Computers & Fluids 14): for nu = 0.01/pi the
        // slope at x = 0 peaks at |u_x| = 152.00516 at t = 1.6037/pi.
        double t = 1.6037 / Math.PI;
        double h = 1e-5;
        double ux = (ref.u(t, h) - ref.u(t, -h)) / (2 * h);
        assertThat(ux).isCloseTo(-152.00516, within(0.01));
    }
}
