package org.ansatz.pinn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    @Test
    void findsTheRosenbrockMinimum() {
        // f = sum 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, minimum 0 at (1, ..., 1)
        Lbfgs.Function f = (x, g) -> {
            double v = 0;
            java.util.Arrays.fill(g, 0);
            for (int i = 0; i + 1 < x.length; i++) {
                double a = x[i + 1] - x[i] * x[i];
                double b = 1 - x[i];
                v += 100 * a * a + b * b;
                g[i] += -400 * a * x[i] - 2 * b;
                g[i + 1] += 200 * a;
            }
            return v;
        };
        double[] x = new double[10];
        java.util.Arrays.fill(x, -1.2);
        double end = new Lbfgs(10).minimize(f, x, 500, 1e-10, (k, loss, evals) -> true);
        assertThat(end).isLessThan(1e-16);
        for (double xi : x) {
            assertThat(xi).isCloseTo(1, within(1e-7));
        }
    }
}
