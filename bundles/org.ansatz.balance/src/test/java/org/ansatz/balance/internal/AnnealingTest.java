package org.ansatz.balance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import org.ansatz.api.balance.Balance;
import org.ansatz.api.balance.Balancer;
import org.junit.jupiter.api.Test;

class AnnealingTest {

    private static final List<String> TERMS = List.of("pde", "bc", "ic");

    // max |g0| = 3; mean |g1| = 1; mean |g2| = 0.25.
    private static FakeTerms maxCase() {
        return new FakeTerms("pde", "bc", "ic").gradients(new double[] {3, -1, 0.5, 2},
                new double[] {1, -1, 1, -1}, new double[] {0.5, 0, -0.5, 0});
    }

    @Test
    void maxStatisticAgainstHandComputedValues() {
        Balancer b = new Annealing().create(TERMS, new double[] {1, 1, 1}, Map.of());
        FakeTerms t = maxCase();
        // Step 1 updates: lambda_hat = (3/1, 3/0.25) = (3, 12);
        // lambda = 0.9 * 1 + 0.1 * lambda_hat = (1.2, 2.1); the pde weight stays 1.
        Balance first = b.balance(1, t);
        assertThat(first.weights()).containsExactly(new double[] {1, 1.2, 2.1}, within(1e-15));
        assertThat(first.direction()).isNull();
        assertThat(t.gradientCalls).isEqualTo(3);
        for (long step = 2; step <= 10; step++) {
            assertThat(b.balance(step, t).weights()).containsExactly(new double[] {1, 1.2, 2.1}, within(1e-15));
        }
        assertThat(t.gradientCalls).as("no gradients between updates").isEqualTo(3);
        // Step 11: lambda = 0.9 * (1.2, 2.1) + 0.1 * (3, 12) = (1.38, 3.09).
        assertThat(b.balance(11, t).weights()).containsExactly(new double[] {1, 1.38, 3.09}, within(1e-14));
        assertThat(t.gradientCalls).isEqualTo(6);
        assertThat(t.weightedGradientCalls).isZero();
    }

    @Test
    void residualWeightScalesTheOthers() {
        Balancer b = new Annealing().create(TERMS, new double[] {2, 1, 1}, Map.of());
        // lambda_hat = 2 * (3, 12) = (6, 24); lambda = 0.9 + 0.1 * lambda_hat = (1.5, 3.3).
        assertThat(b.balance(1, maxCase()).weights()).containsExactly(new double[] {2, 1.5, 3.3}, within(1e-14));
    }

    @Test
    void normStatisticUpdatesEveryTerm() {
        Balancer b = new Annealing().create(TERMS, new double[] {1, 1, 1},
                Map.of("statistic", "norm", "alpha", "0.5", "every", 1));
        // |g| = (5, 2, 3), sum 10: lambda_hat = (2, 5, 10/3).
        FakeTerms t = new FakeTerms("pde", "bc", "ic").gradients(new double[] {3, 4}, new double[] {0, 2},
                new double[] {-3, 0});
        assertThat(b.balance(1, t).weights()).containsExactly(new double[] {1.5, 3, 0.5 + 5.0 / 3}, within(1e-14));
        assertThat(b.balance(2, t).weights()).containsExactly(new double[] {1.75, 4, 0.25 + 2.5 / 3 + 5.0 / 3},
                within(1e-14));
        assertThat(t.gradientCalls).isEqualTo(6);
    }

    @Test
    void zeroGradientKeepsItsWeightAndNonFiniteGradientsSkipTheUpdate() {
        Balancer b = new Annealing().create(TERMS, new double[] {1, 1, 1}, Map.of("every", 1));
        FakeTerms t = new FakeTerms("pde", "bc", "ic").gradients(new double[] {3, -1, 0.5, 2},
                new double[] {1, -1, 1, -1}, new double[4]);
        assertThat(b.balance(1, t).weights()).containsExactly(new double[] {1, 1.2, 1}, within(1e-15));
        t.gradients[1] = new double[] {Double.NaN, 0, 0, 0};
        assertThat(b.balance(2, t).weights()).containsExactly(new double[] {1, 1.2, 1}, within(1e-15));
    }

    @Test
    void singleTermNeedsNoGradient() {
        Balancer b = new Annealing().create(List.of("pde"), new double[] {3}, Map.of("every", 1));
        FakeTerms t = new FakeTerms("pde").gradients(new double[] {1});
        assertThat(b.balance(1, t).weights()).containsExactly(3);
        assertThat(t.gradientCalls).isZero();
    }

    @Test
    void mismatchedGradientLengthsAreNamed() {
        Balancer b = new Annealing().create(List.of("pde", "bc"), new double[] {1, 1}, Map.of());
        FakeTerms t = new FakeTerms("pde", "bc").gradients(new double[] {1, 2}, new double[] {1});
        assertThatThrownBy(() -> b.balance(1, t)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bc' has 1 entries, expected 2");
    }

    @Test
    void badOptionsNameOptionAndValue() {
        Annealing f = new Annealing();
        assertThatThrownBy(() -> f.create(TERMS, new double[] {1, 1, 1}, Map.of("statistic", "mean")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.statistic")
                .hasMessageContaining("'mean'");
        assertThatThrownBy(() -> f.create(TERMS, new double[] {1, 1, 1}, Map.of("alpha", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.alpha")
                .hasMessageContaining("'1.5'");
        assertThatThrownBy(() -> f.create(TERMS, new double[] {1, 1, 1}, Map.of("every", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.every")
                .hasMessageContaining("'0'");
    }

    @Test
    void configurationSetsDefaultsThatRunOptionsOverride() {
        Annealing f = new Annealing();
        f.activate(config(1, 1.0, "norm"));
        FakeTerms t = new FakeTerms("pde", "bc", "ic").gradients(new double[] {3, 4}, new double[] {0, 2},
                new double[] {-3, 0});
        // alpha = 1: the weights are the estimates (2, 5, 10/3), at every step.
        Balancer b = f.create(TERMS, new double[] {1, 1, 1}, Map.of());
        assertThat(b.balance(1, t).weights()).containsExactly(new double[] {2, 5, 10.0 / 3}, within(1e-14));
        b.balance(2, t);
        assertThat(t.gradientCalls).isEqualTo(6);
        // A run option replaces one default and keeps the others.
        Balancer half = f.create(TERMS, new double[] {1, 1, 1}, Map.of("alpha", 0.5));
        assertThat(half.balance(1, t).weights()).containsExactly(new double[] {1.5, 3, 0.5 + 5.0 / 3}, within(1e-14));

        assertThatThrownBy(() -> new Annealing().activate(config(0, 0.1, "max")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org.ansatz.balance.annealing.every");
    }

    private static Annealing.Config config(int every, double alpha, String statistic) {
        return new Annealing.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Annealing.Config.class;
            }

            @Override
            public int every() {
                return every;
            }

            @Override
            public double alpha() {
                return alpha;
            }

            @Override
            public String statistic() {
                return statistic;
            }
        };
    }
}
