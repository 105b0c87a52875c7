package org.ansatz.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputBoundsTest {

    @Test
    void parsesOnePairForAllInputsOrOnePerInputAndPrintsWhatItReads() {
        InputBounds b = InputBounds.parse("model.bounds", "0:1, -2:2.5", 2);
        assertThat(b.lower()).containsExactly(0, -2);
        assertThat(b.upper()).containsExactly(1, 2.5);
        assertThat(InputBounds.parse("k", b.toString(), 2)).isEqualTo(b);
        assertThat(InputBounds.parse("k", "-1:1", 3)).isEqualTo(InputBounds.symmetric(3));
    }

    @Test
    void malformedTextNamesTheKey() {
        for (String bad : new String[] {"1:0", "0:1,0:1,0:1", "0-1", "a:b", "0:inf", "0:1:2"}) {
            assertThatThrownBy(() -> InputBounds.parse("model.bounds", bad, 2)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model.bounds");
        }
    }

    @Test
    void anOptionOverridesTheCallersBoxWhichOverridesTheSymmetricDefault() {
        InputBounds domain = InputBounds.parse("k", "0:1,0:2", 2);
        ModelSpec none = new ModelSpec(2, 1, DataType.FLOAT64, 0, Map.of());
        ModelSpec known = new ModelSpec(2, 1, DataType.FLOAT64, 0, Map.of(), domain);
        assertThat(none.boundsOr("model.bounds", null)).isEqualTo(InputBounds.symmetric(2));
        assertThat(known.boundsOr("model.bounds", null)).isEqualTo(domain);
        assertThat(known.boundsOr("model.bounds", "-3:3")).isEqualTo(InputBounds.parse("k", "-3:3", 2));
        assertThatThrownBy(() -> new ModelSpec(3, 1, DataType.FLOAT64, 0, Map.of(), domain))
                .hasMessageContaining("2 inputs").hasMessageContaining("3 inputs");
    }
}
