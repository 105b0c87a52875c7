package org.ansatz.balance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ansatz.api.balance.Balance;
import org.ansatz.api.balance.Balancer;
import org.junit.jupiter.api.Test;

class MConFIGTest {

    private static final List<String> TERMS = List.of("pde", "bc", "ic");

    @Test
    void oneBackwardPassPerStepCyclingTheTerms() {
        Balancer b = new MConFIG().create(TERMS, new double[] {1, 2, 3}, Map.of());
        FakeTerms t = new FakeTerms("pde", "bc", "ic").gradients(new double[] {1, 0}, new double[] {0, 1},
                new double[] {-1, 2});
        for (long step = 1; step <= 7; step++) {
            Balance out = b.balance(step, t);
            assertThat(t.gradientCalls).isEqualTo(step);
            assertThat(out.weights()).as("reported with the initial weights").containsExactly(1, 2, 3);
        }
        assertThat(t.gradientTerms).containsExactly(0, 1, 2, 0, 1, 2, 0);
        assertThat(t.weightedGradientCalls).isZero();
    }

    @Test
    void firstStepDescendsTheBiasCorrectedFirstGradient() {
        Balancer b = new MConFIG().create(TERMS, new double[] {1, 1, 1}, Map.of());
        FakeTerms t = new FakeTerms("pde", "bc", "ic").gradients(new double[] {3, -4}, new double[] {0, 1},
                new double[] {1, 1});
        // m = 0.1 g, corrected by 1 / (1 - 0.9): g itself.
        assertThat(b.balance(1, t).direction()).containsExactly(new double[] {3, -4}, within(1e-14));
    }

    @Test
    void directionIsConflictFreeWithRespectToTheMomenta() {
        int n = 40;
        double beta1 = 0.8;
        Random r = new Random(5);
        Balancer b = new MConFIG().create(TERMS, new double[] {1, 1, 1}, Map.of("beta1", beta1));
        double[][] m = new double[3][n];
        int[] updates = new int[3];
        double[] base = ConFIGTest.gaussian(r, n);
        for (int step = 1; step <= 30; step++) {
            double[][] g = new double[3][];
            for (int k = 0; k < 3; k++) {
                double[] noise = ConFIGTest.gaussian(r, n);
                g[k] = new double[n];
                for (int i = 0; i < n; i++) {
                    g[k][i] = (k == 0 ? 1 : -0.6) * base[i] + noise[i];
                }
            }
            FakeTerms t = new FakeTerms("pde", "bc", "ic").gradients(g);
            double[] d = b.balance(step, t).direction();

            // Reference momenta, kept independently of the implementation.
            int k = (step - 1) % 3;
            for (int i = 0; i < n; i++) {
                m[k][i] = beta1 * m[k][i] + (1 - beta1) * g[k][i];
            }
            updates[k]++;
            int seen = Math.min(step, 3);
            double[] cos = new double[seen];
            for (int j = 0; j < seen; j++) {
                double[] hat = m[j].clone();
                for (int i = 0; i < n; i++) {
                    hat[i] /= 1 - Math.pow(beta1, updates[j]);
                }
                assertThat(LinAlg.dot(d, hat)).as("step %d, d . m_%d", step, j).isPositive();
                cos[j] = LinAlg.dot(d, hat) / (LinAlg.norm(d) * LinAlg.norm(hat));
            }
            double spread = Arrays.stream(cos).max().getAsDouble() - Arrays.stream(cos).min().getAsDouble();
            assertThat(spread).as("step %d cosines %s", step, Arrays.toString(cos)).isLessThan(1e-10);
        }
    }

    @Test
    void withoutMomentumItIsConfigOnTheLatestGradients() {
        double[][] g = {{1, 0.2, -1}, {-1, 1, 0.5}, {0.3, -0.2, 2}};
        Balancer b = new MConFIG().create(TERMS, new double[] {1, 1, 1}, Map.of("beta1", 0));
        FakeTerms t = new FakeTerms("pde", "bc", "ic").gradients(g);
        b.balance(1, t);
        b.balance(2, t);
        double[] d = b.balance(3, t).direction();
        double[] expected = new ConFIG().create(TERMS, new double[] {1, 1, 1}, Map.of())
                .balance(1, new FakeTerms("pde", "bc", "ic").gradients(g)).direction();
        assertThat(d).containsExactly(expected, within(1e-14));
    }

    @Test
    void nonFiniteGradientIsNotFoldedIntoTheMomentum() {
        Balancer b = new MConFIG().create(List.of("pde", "bc"), new double[] {1, 1}, Map.of());
        FakeTerms t = new FakeTerms("pde", "bc").gradients(new double[] {1, 0}, new double[] {Double.NaN, 1});
        b.balance(1, t);
        Balance bad = b.balance(2, t);
        assertThat(bad.weights()).containsOnly(Double.NaN);
        assertThat(bad.direction()).containsOnly(Double.NaN);
        // bc was never folded in: step 3 (pde again) sees only pde's momentum, (1, 0).
        assertThat(b.balance(3, t).direction()).containsExactly(new double[] {1, 0}, within(1e-14));
        t.gradients[1] = new double[] {0, 1};
        double[] d = b.balance(4, t).direction();
        assertThat(d).containsExactly(new double[] {1, 1}, within(1e-14));
    }

    @Test
    void badOptions() {
        assertThatThrownBy(() -> new MConFIG().create(TERMS, new double[] {1, 1, 1}, Map.of("beta1", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.beta1")
                .hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new MConFIG().create(TERMS, new double[] {1, 1, 1}, Map.of("beta1", -0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.beta1")
                .hasMessageContaining("'-0.1'");
    }
}
