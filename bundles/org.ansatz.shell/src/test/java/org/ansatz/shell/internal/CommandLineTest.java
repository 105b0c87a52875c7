package org.ansatz.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void plainArgumentsStayAsTheyAre() {
        assertThat(CommandLine.join(List.of("solve", "burgers", "--set", "model.width=20", "--out", "runs/b-1")))
                .isEqualTo("solve burgers --set model.width=20 --out runs/b-1");
    }

    @Test
    void argumentsTheShellWouldSplitOrExpandAreQuoted() {
        assertThat(CommandLine.quote("u_t + u*u_x")).isEqualTo("\"u_t + u*u_x\"");
        assertThat(CommandLine.quote("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(CommandLine.quote("$HOME")).isEqualTo("\"\\$HOME\"");
        assertThat(CommandLine.quote("x;y")).isEqualTo("\"x;y\"");
        assertThat(CommandLine.quote("")).isEqualTo("\"\"");
    }
}
