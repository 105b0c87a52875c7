package org.ansatz.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PythonBaselineTest {

    @Test
    void theLastJsonLineIsTheResultEvenAfterWarnings() throws Exception {
        String out = "UserWarning: something\n{\"times_ms\": [1]}\n  {\"torch\": \"1.13\", \"times_ms\": [2.5, 1.5]}\n";
        var o = PythonBaseline.parse(out);
        assertThat(o.get("torch").getAsString()).isEqualTo("1.13");
        assertThat(PythonBaseline.times(o)).containsExactly(2.5, 1.5);
    }

    @Test
    void outputWithoutResultOrTimesIsReported() throws Exception {
        assertThatThrownBy(() -> PythonBaseline.parse("Traceback\nImportError: x\n"))
                .isInstanceOf(PythonBaseline.BaselineException.class).hasMessageContaining("ImportError: x");
        var o = PythonBaseline.parse("{\"VmHWM\": 3}");
        assertThatThrownBy(() -> PythonBaseline.times(o)).hasMessageContaining("no times_ms");
    }
}
