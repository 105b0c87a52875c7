package org.ansatz.optimizers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.ansatz.api.optim.Optimizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MultiAdamTest {

    /** {@code scale (x0 + x1 - 2)^2}: zero on a line through (1, 1). */
    static TestObjective.Term sum(double scale) {
        return (x, g) -> {
            double r = x[0] + x[1] - 2;
            g[0] = 2 * scale * r;
            g[1] = 2 * scale * r;
            return scale * r * r;
        };
    }

    /** {@code scale (x0 - x1)^2}: zero on the crossing line; together with {@link #sum} minimal at (1, 1). */
    static TestObjective.Term difference(double scale) {
        return (x, g) -> {
            double r = x[0] - x[1];
            g[0] = 2 * scale * r;
            g[1] = -2 * scale * r;
            return scale * r * r;
        };
    }

    private static TestObjective twoTerms(double sumScale, double differenceScale) {
        return new TestObjective().term("pde", 1, sum(sumScale)).term("bc", 1, difference(differenceScale));
    }

    private static Optimizer multiadam(Map<String, Object> options) {
        return new MultiAdamFactory().create(2, options);
    }

    /** Largest distance between the iterates of two runs, relative to the size of the first. */
    private static double divergence(Optimizer a, TestObjective oa, Optimizer b, TestObjective ob, int steps) {
        double[] x = {0.3, 2.7};
        double[] y = x.clone();
        double worst = 0;
        for (int s = 0; s < steps; s++) {
            a.step(x, oa, 1e-2);
            b.step(y, ob, 1e-2);
            worst = Math.max(worst, Math.hypot(x[0] - y[0], x[1] - y[1]) / Math.hypot(x[0], x[1]));
        }
        return worst;
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e3, 1e-3})
    void scalingOneTermLeavesTheIteratesUnchanged(double c) {
        Map<String, Object> noEps = Map.of("eps", 0);
        double change = divergence(multiadam(noEps), twoTerms(1, 1), multiadam(noEps), twoTerms(c, 1), 200);
        assertThat(change).isLessThan(1e-12);
        // The property is not trivial on this problem: Adam on the summed loss does notice the scale.
        double adamChange = divergence(new AdamFactory().create(2, noEps), twoTerms(1, 1),
                new AdamFactory().create(2, noEps), twoTerms(c, 1), 200);
        assertThat(adamChange).isGreaterThan(1e-2);
    }

    @Test
    void firstStepAveragesTheTermsNormalisedSteps() {
        // Bias-corrected first step per group: g_k / |g_k| (eps aside). At (0, 3): pde pushes along
        // (-1, -1), bc along (+1, -1); the average moves x1 by -lr and leaves x0.
        double[] x = {0, 3};
        multiadam(Map.of()).step(x, twoTerms(1e6, 1), 0.1);
        assertThat(x).containsExactly(new double[] {0, 2.9}, within(1e-8));
    }

    @Test
    void convergesWhereAdamOnTheSumIsDominatedByTheLargeTerm() {
        TestObjective objective = twoTerms(1e6, 1);
        Optimizer multi = multiadam(Map.of());
        Optimizer adam = new AdamFactory().create(2, Map.of());
        double[] x = {0, 3};
        double[] y = x.clone();
        int steps = 5000;
        for (int s = 0; s < steps; s++) {
            double lr = 0.1 * Math.pow(1e-3, s / (double) steps);
            multi.step(x, objective, lr);
            adam.step(y, objective, lr);
        }
        assertThat(x).containsExactly(new double[] {1, 1}, within(1e-6));
        // Adam reaches the large term's zero line and then barely moves along it.
        assertThat(Math.abs(y[0] - 1)).isGreaterThan(1);
    }

    @Test
    void groupsGivesNamedTermsTheirOwnGroupAndMergesTheRest() {
        TestObjective.Term other = (x, g) -> {
            g[0] = -3 * x[0];
            g[1] = 0.5;
            return 0;
        };
        TestObjective three = new TestObjective().term("pde", 1, sum(1)).term("bc", 1, difference(1)).term("ic", 1,
                other);
        // Groups {pde} and {bc + ic}: at (1, 3) the merged gradient is (-4, 4) + (-3, 0.5) = (-7, 4.5),
        // so the first step is -lr/2 * (sign(pde) + sign(bc + ic)) = -lr/2 * ((1, 1) + (-1, 1)).
        double[] x = {1, 3};
        multiadam(Map.of("groups", "pde")).step(x, three, 0.1);
        assertThat(x).containsExactly(new double[] {1, 2.9}, within(1e-8));
        // One group per term instead: (1, 1) + (-1, 1) + (-1, 1), averaged over three.
        double[] y = {1, 3};
        multiadam(Map.of()).step(y, three, 0.1);
        assertThat(y).containsExactly(new double[] {1 + 0.1 / 3, 3 - 0.1}, within(1e-8));
    }

    @Test
    void groupsMustNameLossTerms() {
        double[] x = {0, 0};
        Optimizer optimizer = multiadam(Map.of("groups", "pde, boundary"));
        assertThatThrownBy(() -> optimizer.step(x, twoTerms(1, 1), 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("optimizer.groups").hasMessageContaining("'boundary'")
                .hasMessageContaining("[pde, bc]");
    }

    @Test
    void aNonFiniteTermGradientLeavesXUnchanged() {
        TestObjective broken = new TestObjective().term("pde", 1, sum(1)).term("bc", 1, (x, g) -> {
            g[0] = Double.NaN;
            return 1;
        });
        double[] x = {0.5, 0.5};
        Optimizer optimizer = multiadam(Map.of());
        assertThat(optimizer.step(x, broken, 0.1)).isNaN();
        assertThat(x).containsExactly(0.5, 0.5);
        assertThat(optimizer.step(x, new TestObjective().term("pde", 1, (y, g) -> Double.NaN), 0.1)).isNaN();
        assertThat(x).containsExactly(0.5, 0.5);
    }

    @Test
    void theTermsMayNotChangeBetweenSteps() {
        Optimizer optimizer = multiadam(Map.of());
        double[] x = {0.5, 0.5};
        optimizer.step(x, twoTerms(1, 1), 0.1);
        TestObjective other = new TestObjective().term("pde", 1, sum(1));
        assertThatThrownBy(() -> optimizer.step(x, other, 0.1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[pde, bc] to [pde]");
    }
}
