package org.ansatz.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.junit.jupiter.api.Test;

class AnsatzCommandsTest {

    @Test
    void methodTableAlignsColumnsAndListsEveryMethod() {
        String t = AnsatzCommands.methodTable(List.of(
                new MethodDescriptor("r3", MethodKind.SAMPLER, "Retain-resample-release", "org.ansatz.samplers", "0.2.0", 7),
                new MethodDescriptor("rel-l2", MethodKind.METRIC, "", "org.ansatz.kernel", "0.1.0", 3)));
        assertThat(t.lines().toList()).containsExactly(
                "KIND     NAME    BUNDLE               VERSION  DESCRIPTION",
                "sampler  r3      org.ansatz.samplers  0.2.0    Retain-resample-release",
                "metric   rel-l2  org.ansatz.kernel    0.1.0");
    }

    @Test
    void emptyRegistryIsSaidInWords() {
        assertThat(AnsatzCommands.methodTable(List.of())).isEqualTo("no methods registered\n");
    }

    @Test
    void unknownCommandMessageNamesTheCommand() {
        class CommandNotFoundException extends Exception {
        }
        assertThat(CommandLineRunner.describe(new CommandNotFoundException(), "sovle burgers"))
                .isEqualTo("unknown command 'sovle'. Run './ansatz help' for the list of commands.");
        assertThat(CommandLineRunner.describe(new RuntimeException(new IllegalStateException("boom")), "x"))
                .isEqualTo("java.lang.IllegalStateException: boom");
    }
}
