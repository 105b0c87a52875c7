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
    void detailsListDeclaredOptionsWithConfiguredDefaultsAndHowToSetThem() {
        MethodDescriptor m = new MethodDescriptor("relobralo", MethodKind.BALANCER, "Relative loss balancing",
                "org.ansatz.balance", "0.1.0", 9);
        String d = MethodDetails.render(m, "org.ansatz.balance.relobralo", List.of(
                new MethodDetails.Option("alpha", "number", "0.999", "History weight"),
                new MethodDetails.Option("seed", "integer", "0", "Seed of the lookback draws")),
                java.util.Map.of("alpha", 0.9), AnsatzCommands.settingsPrefix(m.kind()));
        assertThat(d.lines().toList()).containsSubsequence(
                "relobralo (balancer) from org.ansatz.balance 0.1.0",
                "  Relative loss balancing",
                "  OPTION  TYPE     DEFAULT  CONFIGURED  DESCRIPTION",
                "  alpha   number   0.999    0.9         History weight",
                "  seed    integer  0                    Seed of the lookback draws",
                "  Per run: --set balance.OPTION=VALUE (or the same key in a run spec).",
                "  Defaults for every run: ConfigAdmin PID org.ansatz.balance.relobralo (e.g. a file "
                        + "plugins/org.ansatz.balance.relobralo.cfg).");
    }

    @Test
    void detailsSayWhenABundleDeclaresNoOptions() {
        MethodDescriptor m = new MethodDescriptor("sobol", MethodKind.SAMPLER, "", "org.ansatz.samplers", "0.1.0", 4);
        assertThat(MethodDetails.render(m, null, null, java.util.Map.of(), "sampler."))
                .isEqualTo("sobol (sampler) from org.ansatz.samplers 0.1.0\n  No options declared in metatype by "
                        + "org.ansatz.samplers. Options it reads are set per run with --set sampler.KEY=VALUE; an "
                        + "unknown key is reported by name.\n");
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
