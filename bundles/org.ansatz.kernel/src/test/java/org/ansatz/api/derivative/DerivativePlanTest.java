package org.ansatz.api.derivative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DerivativePlanTest {

    @Test
    void burgersPlanHoldsExactlyWhatTheResidualNeeds() {
        // u_t + u u_x - nu u_xx on (t, x)
        DerivativePlan p = DerivativePlan.of(2, MultiIndex.of(0), MultiIndex.of(1), MultiIndex.of(1, 1));
        assertThat(p.streams()).containsExactly(MultiIndex.VALUE, MultiIndex.of(0), MultiIndex.of(1),
                MultiIndex.of(1, 1));
        assertThat(p.maxOrder()).isEqualTo(2);
    }

    @Test
    void mixedPartialsPullInTheirSubIndices() {
        DerivativePlan p = DerivativePlan.of(2, MultiIndex.of(0, 0, 1));
        assertThat(p.streams()).containsExactly(MultiIndex.VALUE, MultiIndex.of(0), MultiIndex.of(1),
                MultiIndex.of(0, 0), MultiIndex.of(0, 1), MultiIndex.of(0, 0, 1));
    }

    @Test
    void faaDiBrunoTermCountsAreBellNumbers() {
        DerivativePlan p = DerivativePlan.of(1, MultiIndex.of(0, 0, 0, 0));
        // Partitions of 4 positions: 15 = 1 + 4 + 3 + 6 + 1 (by block structure 4, 3+1, 2+2, 2+1+1, 1+1+1+1)
        int u4 = p.indexOf(MultiIndex.of(0, 0, 0, 0));
        assertThat(p.chainTerms(u4).stream().mapToInt(DerivativePlan.ChainTerm::coefficient).sum()).isEqualTo(15);
        assertThat(p.chainTerms(u4)).hasSize(5);
        // Leibniz: (fg)'''' has 2^4 = 16 subset terms merging into binomials 1 4 6 4 1
        assertThat(p.productTerms(u4).stream().map(DerivativePlan.ProductTerm::coefficient).toList())
                .containsExactlyInAnyOrder(1, 4, 6, 4, 1);
    }

    @Test
    void badIndicesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> DerivativePlan.of(2, MultiIndex.of(2))).hasMessageContaining("only 2 inputs");
        assertThatThrownBy(() -> MultiIndex.parse("xz", List.of("t", "x")))
                .hasMessageContaining("'z'").hasMessageContaining("not an input");
        assertThat(MultiIndex.parse("xt", List.of("t", "x"))).isEqualTo(MultiIndex.of(0, 1));
        assertThat(MultiIndex.of(1, 1).name("u", List.of("t", "x"))).isEqualTo("u_xx");
    }
}
