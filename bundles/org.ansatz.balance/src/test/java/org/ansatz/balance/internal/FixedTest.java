package org.ansatz.balance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.ansatz.api.balance.Balance;
import org.ansatz.api.balance.Balancer;
import org.junit.jupiter.api.Test;

class FixedTest {

    @Test
    void returnsTheInitialWeightsAndNeverAsksForGradients() {
        Balancer b = new Fixed().create(List.of("pde", "bc", "ic"), new double[] {1, 10, 0.5}, Map.of());
        FakeTerms t = new FakeTerms("pde", "bc", "ic").losses(3, 2, 1);
        for (long step = 1; step <= 5; step++) {
            t.losses(step, 1.0 / step, 7);
            Balance out = b.balance(step, t);
            assertThat(out.weights()).containsExactly(1, 10, 0.5);
            assertThat(out.direction()).isNull();
            out.weights()[1] = 99; // the caller's copy; must not leak into the next step
        }
        assertThat(t.gradientCalls + t.weightedGradientCalls + t.traceCalls).isZero();
    }
}
