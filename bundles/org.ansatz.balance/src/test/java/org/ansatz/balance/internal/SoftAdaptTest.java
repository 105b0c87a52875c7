package org.ansatz.balance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ansatz.api.balance.Balancer;
import org.junit.jupiter.api.Test;

class SoftAdaptTest {

    private static final List<String> TWO = List.of("pde", "bc");

    @Test
    void firstStepUsesTheInitialWeightsThenAGrowingLossGainsWeight() {
        List<String> three = List.of("pde", "bc", "ic");
        Balancer b = new SoftAdapt().create(three, new double[] {1, 5, 0.5}, Map.of());
        FakeTerms t = new FakeTerms("pde", "bc", "ic").losses(1, 1, 1);
        assertThat(b.balance(1, t).weights()).containsExactly(1, 5, 0.5);
        // s = (0.5, -0.5, 0), beta = 0.1: w = 3 softmax(0.05, -0.05, 0).
        t.losses(1.5, 0.5, 1);
        double[] w = b.balance(2, t).weights();
        assertThat(w).containsExactly(new double[] {1.0503955843468598, 0.9504372284567855, 0.9991671871963546},
                within(1e-14));
        assertThat(w[0]).isGreaterThan(w[2]).isGreaterThan(w[1]);
        assertThat(Arrays.stream(w).sum()).isCloseTo(3, within(1e-14));
        assertThat(t.gradientCalls + t.weightedGradientCalls + t.traceCalls).isZero();
    }

    @Test
    void rawNormalizedAndLossWeightedVariants() {
        // L(t-1) = (2, 0.5), L(t) = (1, 1).
        assertThat(second(Map.of(), 2, 0.5, 1, 1)) // s = (-1, 0.5), beta 0.1
                .containsExactly(new double[] {0.9251403093125008, 1.0748596906874992}, within(1e-14));
        assertThat(second(Map.of("beta", 1, "normalized", true), 2, 0.5, 1, 1)) // s = (-0.5, 1)
                .containsExactly(new double[] {0.3648510476127127, 1.6351489523872873}, within(1e-14));
        // L(t-1) = (1, 1), L(t) = (3, 0.5), beta 1: s = (2, -0.5); w ∝ (3 e^2, 0.5 e^-0.5) vs (e^2, e^-0.5).
        assertThat(second(Map.of("beta", "1", "loss_weighted", "true"), 1, 1, 3, 0.5))
                .containsExactly(new double[] {1.9730076121453513, 0.026992387854648834}, within(1e-14));
        assertThat(second(Map.of("beta", "1"), 1, 1, 3, 0.5))
                .containsExactly(new double[] {1.8482836399575129, 0.1517163600424871}, within(1e-14));
    }

    @Test
    void largeRatesDoNotOverflow() {
        double[] w = second(Map.of("beta", 1e6), 1, 1, 1e3, 1);
        assertThat(w).containsExactly(new double[] {2, 0}, within(1e-300));
    }

    @Test
    void zeroPreviousLossCountsAsNoChangeWhenNormalized() {
        assertThat(second(Map.of("normalized", "true", "beta", 5), 0, 1, 4, 1)).containsExactly(1, 1);
    }

    @Test
    void nonFiniteLossesRepeatTheLastWeights() {
        Balancer b = new SoftAdapt().create(TWO, new double[] {1, 1}, Map.of("beta", 1));
        FakeTerms t = new FakeTerms("pde", "bc").losses(1, 1);
        b.balance(1, t);
        double[] w = b.balance(2, t.losses(1, 2)).weights();
        assertThat(b.balance(3, t.losses(Double.NaN, 2)).weights()).containsExactly(w);
        // The NaN step did not become the reference: rates are again measured from (1, 2).
        assertThat(b.balance(4, t.losses(1, 2)).weights()).containsExactly(1, 1);
    }

    @Test
    void badOptions() {
        SoftAdapt f = new SoftAdapt();
        assertThatThrownBy(() -> f.create(TWO, new double[] {1, 1}, Map.of("normalized", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.normalized")
                .hasMessageContaining("'yes'");
        assertThatThrownBy(() -> f.create(TWO, new double[] {1, 1}, Map.of("beta", -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.beta")
                .hasMessageContaining("'-1'");
    }

    private static double[] second(Map<String, Object> options, double p0, double p1, double l0, double l1) {
        Balancer b = new SoftAdapt().create(TWO, new double[] {1, 1}, options);
        FakeTerms t = new FakeTerms("pde", "bc").losses(p0, p1);
        b.balance(1, t);
        return b.balance(2, t.losses(l0, l1)).weights();
    }
}
