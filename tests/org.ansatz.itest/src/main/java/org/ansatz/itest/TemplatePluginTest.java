package org.ansatz.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.Runs;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;
import org.ansatz.api.solver.Solution;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

/**
 * The template plug-in of examples/plugin-template, as a user would use it: copied into a watched
 * plugins directory its model trains at once; its options show in {@code methods --details}; deleting
 * the jar while a run uses the model stops that run with a checkpoint and a message, the shell goes
 * on, and putting the jar back lets the run resume.
 */
class TemplatePluginTest {

    static final String JAR = "/plugins/siren-plugin.jar";

    @InjectService(timeout = 10_000)
    MethodRegistry registry;

    @InjectService(timeout = 10_000)
    Runs runs;

    @InjectService(timeout = 10_000)
    CommandProcessor processor;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @TempDir
    Path plugins;

    @TempDir
    Path work;

    private void dropIn() throws Exception {
        Path partial = plugins.resolve("siren-plugin.jar.part");
        try (InputStream in = TemplatePluginTest.class.getResourceAsStream(JAR)) {
            assertThat(in).as(JAR + " inside the test bundle").isNotNull();
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(partial, plugins.resolve("siren-plugin.jar"), StandardCopyOption.ATOMIC_MOVE);
        Plugins.await(() -> registry.find(MethodKind.MODEL, "siren").isPresent(), Duration.ofSeconds(20),
                "model siren from the dropped-in template plug-in");
    }

    @Test
    void templatePluginTrainsShowsItsOptionsAndItsRemovalStopsARunCleanly() throws Exception {
        Configuration watcher = configAdmin.createFactoryConfiguration("org.apache.felix.fileinstall", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("felix.fileinstall.dir", plugins.toString());
        props.put("felix.fileinstall.poll", "200");
        props.put("felix.fileinstall.noInitialDelay", "true");
        watcher.update(props);
        try {
            Thread.sleep(500);
            dropIn();

            String details = Plugins.run(processor, "ansatz:methods --details siren");
            assertThat(details).contains("siren (model) from org.example.ansatz.siren 1.0.0")
                    .containsPattern("omega0\\s+number\\s+3\\.0")
                    .contains("ConfigAdmin PID org.example.ansatz.siren");

            // A small Poisson problem: the plug-in's model must actually learn, not just load.
            RunSpec small = RunSpec.of("poisson-square").with("model", "siren").with("points.domain", 300)
                    .with("points.conditions", 100).with("adam.steps", 300).with("lbfgs.iterations", 300);
            try (Solution s = runs.solve(small.directory(work.resolve("learned")), Progress.NONE)) {
                System.out.println("template plug-in siren on poisson-square: " + s.metrics());
                assertThat(s.metrics().get("rel-l2")).isLessThan(2e-2);
            }

            // Remove the jar while a long run uses the model.
            AtomicLong step = new AtomicLong();
            Progress watch = new Progress() {
                @Override
                public void report(ProgressUpdate u) {
                    step.set(u.step());
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            };
            Path dir = work.resolve("interrupted");
            RunSpec longRun = small.with("adam.steps", 1_000_000).with("progress.every", 10)
                    .with("checkpoint.every", 100_000).directory(dir);
            CompletableFuture<Solution> running = CompletableFuture.supplyAsync(() -> runs.solve(longRun, watch));
            Plugins.await(() -> step.get() >= 50, Duration.ofSeconds(60), "50 training steps");
            Files.delete(plugins.resolve("siren-plugin.jar"));
            Throwable failure = null;
            try {
                running.get(60, TimeUnit.SECONDS).close();
            } catch (ExecutionException e) {
                failure = e.getCause();
            }
            assertThat(failure).as("the run must stop when its model's plug-in goes").isNotNull();
            System.out.println("run stopped: " + failure.getMessage());
            assertThat(failure).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("model 'siren' (bundle org.example.ansatz.siren 1.0.0) was removed")
                    .hasMessageContaining("resume " + dir);
            assertThat(dir.resolve("checkpoint.json")).exists();
            assertThat(runs.status(dir).state()).isEqualTo("stopped");
            assertThat(registry.find(MethodKind.MODEL, "siren")).isEmpty();
            // The shell and the rest of the system go on.
            assertThat(Plugins.run(processor, "ansatz:methods model")).contains("mlp").doesNotContain("siren");

            dropIn();
            try (Solution resumed = runs.resume(dir, new Progress() {
                @Override
                public void report(ProgressUpdate u) {
                    if (u.stage().equals("resume")) {
                        step.set(-u.step());
                    }
                }

                @Override
                public boolean cancelled() {
                    return true; // stop at once: resuming from the checkpoint is what is tested
                }
            })) {
                assertThat(-step.get()).as("resumed from the step where the run stopped").isGreaterThanOrEqualTo(50);
            }
        } finally {
            watcher.delete();
        }
    }
}
