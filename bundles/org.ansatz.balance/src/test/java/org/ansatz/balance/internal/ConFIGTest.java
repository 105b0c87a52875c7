package org.ansatz.balance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.ansatz.api.balance.Balance;
import org.ansatz.api.balance.Balancer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConFIGTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5})
    void conflictFreeOnRandomConflictingGradients(int m) {
        Random r = new Random(1000 + m);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50;
            double[][] g = new double[m][n];
            double[] base = gaussian(r, n);
            for (int k = 0; k < m; k++) {
                // Every condition partly opposes the residual; magnitudes spread over 6 decades.
                double pull = k == 0 ? 1 : -(0.2 + 0.8 * r.nextDouble());
                double scale = Math.pow(10, -3 + 6 * r.nextDouble());
                double[] noise = gaussian(r, n);
                for (int i = 0; i < n; i++) {
                    g[k][i] = scale * (pull * base[i] + 0.5 * noise[i]);
                }
            }
            assertThat(LinAlg.dot(g[0], g[1])).as("the test case conflicts").isNegative();

            FakeTerms t = terms(g);
            Balance out = create(m).balance(1, t);
            double[] d = out.direction();
            assertThat(t.gradientCalls).isEqualTo(m);
            assertThat(t.weightedGradientCalls).isZero();

            double[] cos = new double[m];
            double projections = 0;
            for (int k = 0; k < m; k++) {
                assertThat(LinAlg.dot(d, g[k])).as("d . g_%d", k).isPositive();
                cos[k] = LinAlg.dot(d, g[k]) / (LinAlg.norm(d) * LinAlg.norm(g[k]));
                projections += LinAlg.dot(d, g[k]) / LinAlg.norm(d);
            }
            double spread = Arrays.stream(cos).max().getAsDouble() - Arrays.stream(cos).min().getAsDouble();
            assertThat(spread).as("equal cosines %s", Arrays.toString(cos)).isLessThan(1e-10);
            // Length rule: |d| = sum_k g_k . d/|d|.
            assertThat(LinAlg.norm(d)).isCloseTo(projections, within(1e-12 * projections));
            assertReproduces(coefficients(g), g, d);
            assertThat(out.weights()).as("the initial weights define the reported loss").containsOnly(1.0);
        }
    }

    private static double[] coefficients(double[][] g) {
        return ConflictFree.combine(g, g[0].length).coefficients();
    }

    @Test
    void orthogonalGradientsAgainstHandComputedValues() {
        // u = (e1, e2), Gram = I, a = (1, 1), g_u = (1, 1); magnitude = (1 + 2)/sqrt 2;
        // direction = 1.5 (1, 1) = 1.5 g0 + 0.75 g1.
        Balance out = create(2).balance(1, terms(new double[][] {{1, 0}, {0, 2}}));
        assertThat(out.direction()).containsExactly(new double[] {1.5, 1.5}, within(1e-15));
        assertThat(coefficients(new double[][] {{1, 0}, {0, 2}})).containsExactly(new double[] {1.5, 0.75},
                within(1e-15));
    }

    @Test
    void nearlyOppositeGradientsStillGetACommonDescentDirection() {
        double[][] g = {{1, 0.05, 0}, {-2, 0.05, 0}};
        assertThat(LinAlg.dot(g[0], g[1]) / (LinAlg.norm(g[0]) * LinAlg.norm(g[1]))).isLessThan(-0.99);
        Balance out = create(2).balance(1, terms(g));
        double[] d = out.direction();
        assertThat(LinAlg.dot(d, g[0])).isPositive();
        assertThat(LinAlg.dot(d, g[1])).isPositive();
        double cos0 = LinAlg.dot(d, g[0]) / (LinAlg.norm(d) * LinAlg.norm(g[0]));
        double cos1 = LinAlg.dot(d, g[1]) / (LinAlg.norm(d) * LinAlg.norm(g[1]));
        assertThat(cos0).isCloseTo(cos1, within(1e-12));
        // Nearly everything conflicts: the common direction is short (plain sum would be length ~1).
        assertThat(LinAlg.norm(d)).isLessThan(0.2);
        assertReproduces(coefficients(g), g, d);
    }

    @Test
    void equalGradientsGiveTheirSum() {
        double[] g = {1, -2, 3};
        Balance out = create(3).balance(1, terms(new double[][] {g, g, g}));
        // Gram = all ones (rank 1), a = 1/3 each, g_u = u; magnitude = 3 |g|: the plain sum.
        assertThat(out.direction()).containsExactly(new double[] {3, -6, 9}, within(1e-13));
        assertThat(coefficients(new double[][] {g, g, g})).containsExactly(new double[] {1, 1, 1}, within(1e-13));
    }

    @Test
    void zeroGradientsAreSkipped() {
        double[] g0 = {1, 0.5, -2};
        Balance single = create(2).balance(1, terms(new double[][] {g0, {0, 0, 0}}));
        assertThat(single.direction()).containsExactly(g0, within(1e-15));
        assertThat(coefficients(new double[][] {g0, {0, 0, 0}})).containsExactly(new double[] {1, 0}, within(1e-15));

        double[][] g = {{1, 0, 0}, {0, 0, 0}, {0, 2, 0}};
        Balance out = create(3).balance(1, terms(g));
        assertThat(out.direction()).containsExactly(new double[] {1.5, 1.5, 0}, within(1e-15));
        assertThat(coefficients(g)).containsExactly(new double[] {1.5, 0, 0.75}, within(1e-15));
    }

    @Test
    void exactlyOppositeGradientsGiveNoStep() {
        Balancer b = new ConFIG().create(names(2), new double[] {2, 3}, Map.of());
        Balance out = b.balance(1, terms(new double[][] {{1, -1, 2}, {-3, 3, -6}}));
        assertThat(out.direction()).containsExactly(0, 0, 0);
        assertThat(out.weights()).containsExactly(2, 3);
        Balance none = b.balance(2, terms(new double[][] {{0, 0}, {0, 0}}));
        assertThat(none.direction()).containsExactly(0, 0);
        assertThat(none.weights()).containsExactly(2, 3);
    }

    @Test
    void nonFiniteGradientsSignalDivergence() {
        Balance out = create(2).balance(1, terms(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 0}}));
        assertThat(out.weights()).containsOnly(Double.NaN);
        assertThat(out.direction()).containsOnly(Double.NaN);
    }

    @Test
    void mismatchedGradientLengthsAreNamed() {
        assertThatThrownBy(() -> create(2).balance(1, terms(new double[][] {{1, 2}, {1, 2, 3}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'t1' has 3 entries, expected 2");
    }

    static void assertReproduces(double[] weights, double[][] g, double[] d) {
        double[] sum = new double[d.length];
        for (int k = 0; k < g.length; k++) {
            LinAlg.axpy(weights[k], g[k], sum);
        }
        double scale = LinAlg.norm(d);
        for (int i = 0; i < d.length; i++) {
            assertThat(sum[i]).isCloseTo(d[i], within(1e-12 * scale));
        }
    }

    static double[] gaussian(Random r, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextGaussian();
        }
        return out;
    }

    private static Balancer create(int m) {
        double[] ones = new double[m];
        Arrays.fill(ones, 1);
        return new ConFIG().create(names(m), ones, Map.of());
    }

    static List<String> names(int m) {
        return IntStream.range(0, m).mapToObj(k -> k == 0 ? "pde" : "t" + k).toList();
    }

    static FakeTerms terms(double[][] g) {
        return new FakeTerms(names(g.length).toArray(String[]::new)).gradients(g);
    }
}
