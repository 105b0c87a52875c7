package org.ansatz.examples.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedHostTest {

    @TempDir
    Path tmp;

    @Test
    void theHostTrainsItsOwnProblemMatchesTheShellAndTakesAPluginAtRuntime() throws Exception {
        EmbeddedHost.Result r = EmbeddedHost.run(AnsatzShell.RUNTIME, tmp.resolve("host"),
                Paths.get(System.getProperty("ansatz.test.plugin")));
        // The host's own nonlinear problem is learned (a 16x16 network, 1000 Adam + 300 L-BFGS steps).
        assertThat(r.ownError()).isLessThan(1e-2);
        assertThat(r.ownMaxPointError()).isLessThan(1e-2);
        assertThat(r.pluginMethods()).containsExactly("test-chebyshev");
        // Same spec, same seed, the same number to the last bit as a user typing ansatz:solve.
        double shell = AnsatzShell.solve(EmbeddedHost.HEAT, tmp.resolve("shell"));
        assertThat(r.heatError()).isEqualTo(shell);
    }
}
