package org.ansatz.dynamics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.kernel.internal.registry.MethodCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitDynamicsCommandTest {

    private static FitDynamicsCommand command() {
        // The kernel's registry, fed by hand as the OSGi service tracker would.
        MethodCatalog registry = new MethodCatalog();
        long[] id = {1};
        Systems.all().forEach((n, s) -> registry.add(
                new MethodDescriptor(n, MethodKind.SYSTEM, s.description(), "test", "1", id[0]++), () -> s));
        Edmd edmd = new Edmd();
        registry.add(new MethodDescriptor("edmd", MethodKind.LEARNER, "", "test", "1", id[0]++), () -> edmd);
        Rk4 rk4 = new Rk4();
        registry.add(new MethodDescriptor("rk4", MethodKind.INTEGRATOR, "", "test", "1", id[0]++), () -> rk4);
        FitDynamicsCommand c = new FitDynamicsCommand();
        c.registry = registry;
        return c;
    }

    @Test
    void fitsWritesTheRunDirectoryAndReportsMetrics(@TempDir Path dir) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            command().execute(null, List.of("--system", "slow-manifold", "--model", "edmd", "--set", "degree=2",
                    "--set", "test.periods=3", "--seed", "2", "--out", dir.resolve("r").toString()));
            command().execute(null, List.of("--list"));
        } finally {
            System.setOut(old);
        }
        String out = buf.toString();
        assertThat(out).contains("rmse.median").contains("run directory").contains("slow-manifold")
                .contains("edmd").contains("rk4");
        assertThat(dir.resolve("r/forecast.csv")).isRegularFile();
    }

    @Test
    void badArgumentsAreNamed() {
        FitDynamicsCommand c = command();
        assertThatThrownBy(() -> c.fitDynamics("--system", "lorenz")).hasMessageContaining("usage");
        assertThatThrownBy(() -> c.fitDynamics("--system", "lorenz", "--model", "hnnn"))
                .hasMessageContaining("unknown learner 'hnnn'").hasMessageContaining("edmd");
        assertThatThrownBy(() -> c.fitDynamics("--system", "lorenzz", "--model", "edmd"))
                .hasMessageContaining("unknown system 'lorenzz'");
        assertThatThrownBy(() -> c.fitDynamics("--system", "lorenz", "--model", "edmd", "--set", "degree"))
                .hasMessageContaining("key=value");
        assertThatThrownBy(() -> c.fitDynamics("--system", "lorenz", "--model", "edmd", "--seed", "x"))
                .hasMessageContaining("--seed");
        assertThatThrownBy(() -> c.fitDynamics("--sytem", "lorenz")).hasMessageContaining("unknown option '--sytem'");
    }
}
