package org.ansatz.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's path through the exported runtime, each step a separate process: a YAML spec of a PDE
 * that is not in the library, run with progress; the JVM killed with SIGKILL after a checkpoint;
 * {@code resume}; the result bit for bit that of an uninterrupted run; {@code runs} and {@code compare}.
 */
class RunsProcessIT {

    static final Path REPO = Paths.get(System.getProperty("ansatz.repo", "../..")).toAbsolutePath().normalize();
    static final Path JAR = REPO.resolve("runtime/target/ansatz.jar");

    @TempDir
    Path work;

    record Result(int exit, String out, String err) {
    }

    private ProcessBuilder java(String... args) {
        // As the ansatz launcher starts it: with the Vector API, so the MLP's fused kernel is exercised.
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Dgosh.args=--nointeractive --noshutdown", "-Dorg.jline.terminal.dumb=true",
                "-Dgosh.home=" + REPO.resolve("runtime/shell"), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(work.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }

    private Result run(String name, String... args) throws Exception {
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        Process p = java(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("finished in time: " + List.of(args)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static final String SPEC = """
            problem:
              name: advection-diffusion
              inputs: [t, x]
              outputs: [u]
              constants: {a: 0.5, k: 0.05}
              domain: {t: [0, 1], x: [0, 1]}
              equation: u_t + a*u_x - k*u_xx
              conditions:
                - {name: ic, type: initial, expression: u - sin(pi*x)}
                - {name: bc, type: boundary, expression: u - exp(-k*pi^2*t)*sin(pi*(x - a*t))}
              exact: exp(-k*pi^2*t)*sin(pi*(x - a*t))
            model: {name: mlp, layers: [8, 8]}
            points: {domain: 100, conditions: 30}
            adam: {steps: 400, lr: 0.01}
            lbfgs: {iterations: 40}
            checkpoint: {every: 40}
            progress: {every: 20}
            output: {grid: [21, 21]}
            """;

    @Test
    void specRunKilledAfterACheckpointResumesToTheSameWeightsAndIsListedAndCompared() throws Exception {
        Files.writeString(work.resolve("spec.yaml"), SPEC);
        Result whole = run("whole", "solve", "spec.yaml", "--out", "runs/whole");
        assertThat(whole.exit()).as(whole.err()).isZero();
        assertThat(whole.out()).contains("Solving advection-diffusion").contains("adam").contains("lbfgs")
                .contains("rel-l2").contains("loss.png").contains("solution.vtk");
        Path wholeDir = work.resolve("runs/whole");
        assertThat(wholeDir.resolve("model.bin")).isRegularFile();
        // The collocation residual came from the MLP's fused kernel, so resuming covers it too.
        assertThat(Files.readString(wholeDir.resolve("metrics.json"))).containsPattern("\"evaluations.fused\": [1-9]");

        Path killedDir = work.resolve("runs/killed");
        Process p = java("solve", "spec.yaml", "--out", "runs/killed")
                .redirectOutput(work.resolve("killed.out").toFile()).redirectError(work.resolve("killed.err").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!Files.exists(killedDir.resolve("checkpoint.json")) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(p.isAlive()).as("still training when the first checkpoint appeared").isTrue();
        p.destroyForcibly();   // SIGKILL: no shutdown hook, no finally block runs
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killedDir.resolve("model.bin")).doesNotExist();

        Result listed = run("runs", "runs", "runs");
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).containsPattern("killed\\s+advection-diffusion\\s+pinn\\s+killed")
                .containsPattern("whole\\s+advection-diffusion\\s+pinn\\s+finished");

        Result resumed = run("resume", "resume", "runs/killed");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Resuming advection-diffusion (killed").contains("resuming from the checkpoint")
                .contains("lbfgs");
        assertThat(Files.readAllBytes(killedDir.resolve("model.bin")))
                .as("the resumed run's weights are those of the uninterrupted run, to the last bit")
                .isEqualTo(Files.readAllBytes(wholeDir.resolve("model.bin")));

        Result compared = run("compare", "compare", "runs/whole", "runs/killed", "--out", "both.png");
        assertThat(compared.exit()).as(compared.err()).isZero();
        assertThat(compared.out()).contains("The runs have the same settings and seed.").containsPattern("rel-l2\\s+(\\S+)\\s+\\1");
        assertThat(javax.imageio.ImageIO.read(work.resolve("both.png").toFile())).isNotNull();

        Files.writeString(work.resolve("bad.yaml"), SPEC.replace("layers: [8, 8]", "layers: [8, x]"));
        Result bad = run("bad", "solve", "bad.yaml");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("bad.yaml: model.layers[1]: expected an integer, got \"x\"");
    }
}
