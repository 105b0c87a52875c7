package org.ansatz.balance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ansatz.api.balance.Balancer;
import org.ansatz.api.balance.BalancerFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every balancer factory must do with bad arguments. */
class FactoryContractTest {

    static Stream<BalancerFactory> factories() {
        return Stream.of(new Fixed(), new Annealing(), new SoftAdapt(), new ReLoBRaLo(), new NtkWeights(),
                new ConFIG(), new MConFIG());
    }

    private static final List<String> TERMS = List.of("pde", "bc");

    @ParameterizedTest
    @MethodSource("factories")
    void unknownOptionIsNamed(BalancerFactory f) {
        assertThatThrownBy(() -> f.create(TERMS, new double[] {1, 1}, Map.of("bogus", 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("balance.bogus").hasMessageContaining("balancer ");
    }

    @ParameterizedTest
    @MethodSource("factories")
    void initialWeightsMustMatchTheTerms(BalancerFactory f) {
        assertThatThrownBy(() -> f.create(TERMS, new double[] {1, 1, 1}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 initial weights for 2 terms [pde, bc]");
        assertThatThrownBy(() -> f.create(TERMS, new double[] {1, -2}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bc'").hasMessageContaining("-2");
        assertThatThrownBy(() -> f.create(TERMS, new double[] {Double.NaN, 1}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'pde'");
        assertThatThrownBy(() -> f.create(List.of(), new double[0], Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no loss terms");
    }

    @ParameterizedTest
    @MethodSource("factories")
    void termsMustBeThoseTheBalancerWasCreatedFor(BalancerFactory f) {
        Balancer b = f.create(TERMS, new double[] {1, 1}, null);
        FakeTerms other = new FakeTerms("pde", "bc", "ic").gradients(new double[] {1}, new double[] {1},
                new double[] {1});
        assertThatThrownBy(() -> b.balance(1, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[pde, bc]").hasMessageContaining("[pde, bc, ic]");
        FakeTerms same = new FakeTerms("pde", "bc");
        assertThatThrownBy(() -> b.balance(0, same)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1");
        assertThat(other.gradientCalls).isZero();
    }

    @ParameterizedTest
    @MethodSource("factories")
    void initialWeightsAreCopied(BalancerFactory f) {
        double[] initial = {1, 1};
        f.create(TERMS, initial, Map.of());
        assertThat(initial).containsExactly(1, 1);
    }
}
