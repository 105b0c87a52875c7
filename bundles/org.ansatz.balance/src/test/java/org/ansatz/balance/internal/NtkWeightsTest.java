package org.ansatz.balance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.ansatz.api.balance.Balancer;
import org.junit.jupiter.api.Test;

class NtkWeightsTest {

    private static final List<String> TERMS = List.of("pde", "bc", "ic");

    @Test
    void weightsAreTraceRatiosUpdatedEveryHundredSteps() {
        Balancer b = new NtkWeights().create(TERMS, new double[] {1, 1, 1}, Map.of());
        FakeTerms t = new FakeTerms("pde", "bc", "ic").traces(1, 4, 5);
        // sum = 10: lambda = (10/1, 10/4, 10/5).
        assertThat(b.balance(1, t).weights()).containsExactly(new double[] {10, 2.5, 2}, within(1e-15));
        assertThat(t.traceCalls).isEqualTo(3);
        assertThat(t.traceProbes).containsOnly(4);
        t.traces(2, 2, 4);
        for (long step = 2; step <= 100; step++) {
            assertThat(b.balance(step, t).weights()).containsExactly(new double[] {10, 2.5, 2}, within(1e-15));
        }
        assertThat(t.traceCalls).isEqualTo(3);
        assertThat(b.balance(101, t).weights()).containsExactly(new double[] {4, 4, 2}, within(1e-15));
        assertThat(t.traceCalls).isEqualTo(6);
        assertThat(t.gradientCalls + t.weightedGradientCalls).isZero();
    }

    @Test
    void optionsSetThePeriodAndProbes() {
        Balancer b = new NtkWeights().create(TERMS, new double[] {1, 1, 1}, Map.of("every", 2, "probes", 16));
        FakeTerms t = new FakeTerms("pde", "bc", "ic").traces(1, 1, 2);
        b.balance(1, t);
        b.balance(2, t);
        b.balance(3, t);
        assertThat(t.traceCalls).isEqualTo(6);
        assertThat(t.traceProbes).containsOnly(16);
    }

    @Test
    void zeroTraceKeepsItsWeightAndNonFiniteSkips() {
        Balancer b = new NtkWeights().create(TERMS, new double[] {1, 7, 1}, Map.of("every", 1));
        FakeTerms t = new FakeTerms("pde", "bc", "ic").traces(1, 0, 3);
        assertThat(b.balance(1, t).weights()).containsExactly(new double[] {4, 7, 4.0 / 3}, within(1e-15));
        t.traces(1, Double.NaN, 3);
        assertThat(b.balance(2, t).weights()).containsExactly(new double[] {4, 7, 4.0 / 3}, within(1e-15));
    }

    @Test
    void badOptions() {
        assertThatThrownBy(() -> new NtkWeights().create(TERMS, new double[] {1, 1, 1}, Map.of("probes", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.probes")
                .hasMessageContaining("'0'");
        assertThatThrownBy(() -> new NtkWeights().create(TERMS, new double[] {1, 1, 1}, Map.of("every", 2.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balance.every")
                .hasMessageContaining("'2.5'");
    }
}
