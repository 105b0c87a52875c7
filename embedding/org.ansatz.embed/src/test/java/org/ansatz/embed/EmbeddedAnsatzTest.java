package org.ansatz.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exported runtime started inside this JVM, the way a host application uses it. */
class EmbeddedAnsatzTest {

    static EmbeddedAnsatz ansatz;

    @BeforeAll
    static void start() {
        ansatz = EmbeddedAnsatz.builder().start();
    }

    @AfterAll
    static void stop() {
        if (ansatz != null) {
            ansatz.close();
        }
    }

    @TempDir
    Path tmp;

    @Test
    void theRuntimesMethodsAreVisibleToTheHost() {
        assertThat(ansatz.registry().find(MethodKind.PROBLEM, "burgers")).isPresent();
        assertThat(ansatz.registry().find(MethodKind.SOLVER, "pinn")).isPresent();
        assertThat(ansatz.registry().find(MethodKind.OPTIMIZER, "lbfgs")).isPresent();
    }

    @Test
    void aRegisteredProblemIsSolvedAndReopened() {
        Path dir = tmp.resolve("heat");
        RunSpec spec = RunSpec.of("heat").with("adam.steps", 50).with("lbfgs.iterations", 0)
                .with("model.layers", "8,8").with("points.domain", 200).seed(3).directory(dir);
        double error;
        try (Solution s = ansatz.runs().solve(spec, Progress.NONE)) {
            error = s.metrics().get("rel-l2");
            assertThat(error).isFinite().isPositive();
        }
        try (Solution reopened = ansatz.runs().open(dir)) {
            PointSet at = new PointSet(List.of("t", "x"), new double[] {0.5, 0.25});
            assertThat(reopened.predict(at).size()).isEqualTo(1);
        }
    }

    @Test
    void aPluginInstalledAtRuntimeProvidesItsMethodsAndWithdrawsThem() {
        Path jar = Paths.get(System.getProperty("ansatz.test.plugin"));
        try (EmbeddedAnsatz.Plugin plugin = ansatz.install(jar)) {
            assertThat(plugin.symbolicName()).isEqualTo("org.ansatz.test.plugin");
            assertThat(ansatz.awaitMethod(MethodKind.METRIC, "test-chebyshev").bundle()).isEqualTo("org.ansatz.test.plugin");
        }
        assertThat(ansatz.registry().find(MethodKind.METRIC, "test-chebyshev")).isEmpty();
    }

    @Test
    void aBundleDroppedIntoThePluginDirectoryIsPickedUpAndItsRemovalWithdrawsIt() throws Exception {
        Path plugins = java.nio.file.Files.createDirectories(tmp.resolve("plugins"));
        try (EmbeddedAnsatz second = EmbeddedAnsatz.builder().plugins(plugins).start()) {
            assertThat(second.registry().find(MethodKind.METRIC, "test-chebyshev")).isEmpty();
            Path dropped = plugins.resolve("chebyshev.jar");
            java.nio.file.Files.copy(Paths.get(System.getProperty("ansatz.test.plugin")), dropped);
            assertThat(second.awaitMethod(MethodKind.METRIC, "test-chebyshev").name()).isEqualTo("test-chebyshev");
            java.nio.file.Files.delete(dropped);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (second.registry().find(MethodKind.METRIC, "test-chebyshev").isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(second.registry().find(MethodKind.METRIC, "test-chebyshev")).isEmpty();
        }
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> ansatz.install(tmp.resolve("missing.jar")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.jar");
        assertThatThrownBy(() -> EmbeddedAnsatz.builder().runtime(tmp.resolve("nope.jar")).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nope.jar");
    }
}
