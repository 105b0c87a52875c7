package org.ansatz.examples.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.ansatz.examples.embedded.AnsatzShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuiceHostTest {

    @TempDir
    Path tmp;

    @Test
    void theHostTrainsItsOwnProblemAndMatchesTheShell() throws Exception {
        GuiceHost.Result r = GuiceHost.run(tmp.resolve("host"));
        assertThat(r.problems()).contains("burgers", "heat", "allen-cahn");
        assertThat(r.ownError()).isLessThan(1e-2);
        assertThat(r.ownValueNearLayer()).isCloseTo(new BoundaryLayer(0.1).exact(0.95), within(1e-2));
        // Same spec, same seed, the same number to the last bit as ansatz:solve inside OSGi.
        double shell = AnsatzShell.solve(GuiceHost.HEAT, tmp.resolve("shell"));
        assertThat(r.heatError()).isEqualTo(shell);
    }
}
