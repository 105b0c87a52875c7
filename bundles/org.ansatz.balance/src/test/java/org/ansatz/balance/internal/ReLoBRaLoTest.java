package org.ansatz.balance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ansatz.api.balance.Balancer;
import org.junit.jupiter.api.Test;

class ReLoBRaLoTest {

    private static final List<String> TWO = List.of("pde", "bc");

    // With T = 0.1, reference (1, 1) and L = (0.5, 1): z = (5, 10), bal = 2 softmax(z) =
    // (2 / (1 + e^5), 2 e^5 / (1 + e^5)).
    private static final double[] BAL_STEP2 = {0.013385701848569713, 1.9866142981514305};
    // L = (0.25, 0.5) against (1, 1): z = (2.5, 5).
    private static final double[] BAL_STEP3_FROM_START = {0.15171636004248712, 1.848283639957513};

    @Test
    void saudadeOneAlwaysKeepsTheHistory() {
        Balancer b = new ReLoBRaLo().create(TWO, new double[] {1, 1}, Map.of("alpha", 0.5, "saudade", 1));
        FakeTerms t = new FakeTerms("pde", "bc").losses(1, 1);
        assertThat(b.balance(1, t).weights()).containsExactly(1, 1);
        // lambda = 0.5 * lambda(t-1) + 0.5 * bal(t, t-1)
        assertThat(b.balance(2, t.losses(0.5, 1)).weights())
                .containsExactly(new double[] {0.5066928509242848, 1.4933071490757153}, within(1e-15));
        // Both halved since the last step: bal(t, t-1) = (1, 1).
        assertThat(b.balance(3, t.losses(0.25, 0.5)).weights())
                .containsExactly(new double[] {0.7533464254621425, 1.2466535745378575}, within(1e-15));
        assertThat(t.gradientCalls + t.weightedGradientCalls + t.traceCalls).isZero();
    }

    @Test
    void saudadeZeroAlwaysLooksBackToTheStart() {
        Balancer b = new ReLoBRaLo().create(TWO, new double[] {1, 1}, Map.of("alpha", 0.5, "saudade", 0));
        FakeTerms t = new FakeTerms("pde", "bc").losses(1, 1);
        b.balance(1, t);
        // lambda = 0.5 * bal(t, 0) + 0.5 * bal(t, t-1); at step 2 both references are (1, 1).
        assertThat(b.balance(2, t.losses(0.5, 1)).weights()).containsExactly(BAL_STEP2, within(1e-15));
        double[] w = b.balance(3, t.losses(0.25, 0.5)).weights();
        assertThat(w).containsExactly(new double[] {0.5 * BAL_STEP3_FROM_START[0] + 0.5,
                0.5 * BAL_STEP3_FROM_START[1] + 0.5}, within(1e-15));
        assertThat(w[0] + w[1]).isCloseTo(2, within(1e-14));
        // The term that fell faster gets less weight.
        assertThat(w[0]).isLessThan(w[1]);
    }

    @Test
    void defaultsFollowThePaper() {
        Balancer b = new ReLoBRaLo().create(TWO, new double[] {1, 1}, Map.of("saudade", 1));
        FakeTerms t = new FakeTerms("pde", "bc").losses(1, 1);
        b.balance(1, t);
        // alpha = 0.999: lambda = 0.999 * 1 + 0.001 * bal.
        assertThat(b.balance(2, t.losses(0.5, 1)).weights()).containsExactly(
                new double[] {0.999 + 0.001 * BAL_STEP2[0], 0.999 + 0.001 * BAL_STEP2[1]}, within(1e-15));
    }

    @Test
    void seededDrawsRepeat() {
        double[] a = run(Map.of("saudade", 0.5, "alpha", 0.5, "seed", 42));
        double[] again = run(Map.of("saudade", 0.5, "alpha", 0.5, "seed", 42));
        double[] other = run(Map.of("saudade", 0.5, "alpha", 0.5, "seed", 43));
        assertThat(again).containsExactly(a);
        assertThat(other).isNotEqualTo(a);
    }

    @Test
    void hugeRatiosStayFinite() {
        Balancer b = new ReLoBRaLo().create(TWO, new double[] {1, 1}, Map.of("alpha", 0, "temperature", 1e-300));
        FakeTerms t = new FakeTerms("pde", "bc").losses(1e-300, 1);
        b.balance(1, t);
        // L(t) / L(t-1) = 1e300 for pde, / T = 1e-300: overflows to +inf; the softmax gives it all.
        assertThat(b.balance(2, t.losses(1, 1)).weights()).containsExactly(2, 0);
    }

    @Test
    void badOptions() {
        ReLoBRaLo f = new ReLoBRaLo();
        assertThatThrownBy(() -> f.create(TWO, new double[] {1, 1}, Map.of("temperature", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.temperature")
                .hasMessageContaining("'0.0'");
        assertThatThrownBy(() -> f.create(TWO, new double[] {1, 1}, Map.of("saudade", 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.saudade")
                .hasMessageContaining("'2'");
        assertThatThrownBy(() -> f.create(TWO, new double[] {1, 1}, Map.of("seed", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.seed");
    }

    /** 60 steps of slowly changing losses; all weights, concatenated. */
    private static double[] run(Map<String, Object> options) {
        Balancer b = new ReLoBRaLo().create(TWO, new double[] {1, 1}, options);
        FakeTerms t = new FakeTerms("pde", "bc");
        double[] all = new double[120];
        for (int s = 1; s <= 60; s++) {
            double[] w = b.balance(s, t.losses(1.0 / s, 1 + 0.01 * s)).weights();
            all[2 * s - 2] = w[0];
            all[2 * s - 1] = w[1];
            assertThat(Arrays.stream(w).allMatch(Double::isFinite)).isTrue();
        }
        return all;
    }
}
