package org.ansatz.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.Map;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.method.UnknownMethodException;
import org.ansatz.api.optim.OptimizerFactory;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.Runs;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.Solver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel, pinn, mlp, problems, optimizers and shell jars of the build, wired without OSGi. */
class AnsatzModuleTest {

    static Injector injector;

    @BeforeAll
    static void wire() {
        injector = Guice.createInjector(new AnsatzModule().configure("org.ansatz.engine", Map.of("intraOpThreads", 1)));
    }

    @AfterAll
    static void close() {
        injector.getInstance(AnsatzComponents.class).close();
    }

    @TempDir
    Path tmp;

    @Test
    void familiesOnTheClassPathAreRegisteredByName() {
        MethodRegistry registry = injector.getInstance(MethodRegistry.class);
        assertThat(registry.find(MethodKind.SOLVER, "pinn")).hasValueSatisfying(d -> {
            assertThat(d.bundle()).isEqualTo("org.ansatz.pinn");
            assertThat(d.description()).contains("Physics-informed");
        });
        assertThat(registry.find(MethodKind.PROBLEM, "burgers")).isPresent();
        assertThat(registry.find(MethodKind.MODEL, "mlp")).isPresent();
        assertThat(registry.find(MethodKind.METRIC, "rel-l2")).isPresent();
        // The samplers bundle is not on this class path: its methods are simply absent.
        assertThat(registry.find(MethodKind.SAMPLER, "r3")).isEmpty();
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, Solver>>() { })))
                .containsOnlyKeys("pinn").containsValue(registry.get(Solver.class, "pinn"));
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Map<String, OptimizerFactory>>() { })))
                .containsKeys("adam", "lbfgs", "multiadam");
    }

    @Test
    void componentsThatNeedOsgiAreLeftOutWithTheReason() {
        Map<String, String> skipped = injector.getInstance(AnsatzComponents.class).skipped();
        assertThat(skipped).containsEntry("org.ansatz.shell.internal.SolveCommands", "a shell command");
        assertThat(skipped.get("org.ansatz.kernel.internal.registry.MethodRegistryComponent"))
                .contains("registry is the class path's own");
        assertThat(injector.getInstance(AnsatzComponents.class).active())
                .contains("org.ansatz.pinn.internal.PinnSolver", "org.ansatz.kernel.internal.run.RunsComponent");
    }

    @Test
    void configurationReachesComponentsAsConfigAdminWould() {
        assertThat(injector.getInstance(TensorEngine.class).intraOpThreads()).isEqualTo(1);
    }

    @Test
    void aRunIsReproducibleAndReopens() {
        RunSpec spec = RunSpec.of("heat").with("adam.steps", 40).with("lbfgs.iterations", 0)
                .with("model.layers", "8,8").with("points.domain", 200).seed(5);
        Runs runs = injector.getInstance(Runs.class);
        double first;
        try (Solution s = runs.solve(spec.directory(tmp.resolve("a")), Progress.NONE)) {
            first = s.metrics().get("rel-l2");
        }
        try (Solution s = runs.solve(spec.directory(tmp.resolve("b")), Progress.NONE)) {
            assertThat(s.metrics().get("rel-l2")).isEqualTo(first);
        }
        try (Solution s = runs.open(tmp.resolve("a"))) {
            assertThat(s.metrics()).isNotNull();
        }
        assertThatThrownBy(() -> runs.solve(RunSpec.of("heat").with("solver", "gp-hfm"), Progress.NONE))
                .isInstanceOf(UnknownMethodException.class).hasMessageContaining("gp-hfm");
    }
}
