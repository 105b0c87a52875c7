package org.ansatz.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported runtime as users run it: {@code ./ansatz <command>} and {@code java -jar ansatz.jar}
 * as separate processes, checked by their output and exit status.
 */
class LauncherIT {

    static final Path REPO = Paths.get(System.getProperty("ansatz.repo", "../..")).toAbsolutePath().normalize();
    static final Path JAR = REPO.resolve("runtime/target/ansatz.jar");
    static final Path PLUGIN = Paths.get(System.getProperty("ansatz.test.plugin"));

    @TempDir
    Path work;

    record Result(int exit, String out, String err) {
    }

    private Result run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished in time: " + command).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> java(String... args) {
        // As the ansatz launcher starts it: with the Vector API, so the MLP's fused kernel is exercised.
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Dgosh.args=--nointeractive --noshutdown", "-Dorg.jline.terminal.dumb=true",
                "-Dgosh.home=" + REPO.resolve("runtime/shell"), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void infoThroughTheLauncherScriptPrintsEngineAndBundles() throws Exception {
        Result r = run(List.of(REPO.resolve("ansatz").toString(), "info"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("PyTorch 2.7.1").contains("DJL 0.36.0").contains("Bundles:")
                .contains("org.ansatz.kernel").contains("org.ansatz.platform.djl.native.linux.x86_64")
                // The launcher gives the JVM the Vector API and shortens OpenMP's spin-wait.
                .contains("Vector API present: fused kernels on (GOMP_SPINCOUNT=" + System.getenv().getOrDefault("GOMP_SPINCOUNT", "10000") + ")");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void solveRunsThroughTheShellAndWritesTheRunDirectory() throws Exception {
        // A deliberately tiny budget: this checks the wiring (shell -> problem -> solver -> model), the
        // output and the files; accuracy is measured by the solver's own tests and the benchmarks.
        Result r = run(java("solve", "burgers", "--set", "adam.steps=30", "--set", "lbfgs.iterations=10",
                "--set", "points.domain=200", "--set", "model.layers=8,8", "--out", "run1"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Solving burgers").contains("adam").contains("lbfgs").contains("rel-l2")
                .contains("reference: exact (Cole-Hopf");
        for (String f : new String[] {"spec.json", "history.csv", "metrics.json", "model.bin", "model.json",
                "prediction.csv"}) {
            assertThat(work.resolve("run1").resolve(f)).exists();
        }
        Files.writeString(work.resolve("points.csv"), "x,t\n0.25,0.5\n-0.5,0.1\n");
        Result predicted = run(java("predict", "--run", "run1", "--points", "points.csv", "--with", "u_x,u_xx",
                "--out", "pred.csv"));
        assertThat(predicted.exit()).as(predicted.err()).isZero();
        List<String> rows = Files.readAllLines(work.resolve("pred.csv"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("t,x,u,u_x,u_xx");
        assertThat(rows.get(1)).startsWith("0.5,0.25,");
        Result missing = run(java("predict", "--run", "run1", "--points", "pred.csv", "--with", "u_y"));
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("derivative along 'y', which is not an input");

        Result bad = run(java("solve", "burgers", "--set", "adam.stpes=3", "--out", "run2"));
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("unknown setting [adam.stpes]");
        Result unknown = run(java("solve", "burgerz"));
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown problem 'burgerz'").contains("did you mean 'burgers'?");
    }

    @Test
    void methodsOfAKindAreListed() throws Exception {
        Result r = run(java("methods", "metric"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("metric\\s+rel-l2\\s+org\\.ansatz\\.kernel");
    }

    @Test
    void problemsAreListedWithDimensionConditionsReferenceAndUnknowns() throws Exception {
        Result r = run(java("problems"));
        assertThat(r.exit()).as(r.err()).isZero();
        // name, dimension, inputs, outputs, conditions (soft form), hard constraints, reference kind, unknowns
        assertThat(r.out()).containsPattern("burgers\\s+2\\s+t,x\\s+u\\s+ic,bc\\s+yes\\s+exact\\s+-");
        assertThat(r.out()).containsPattern("burgers-inverse\\s+2\\s+t,x\\s+u\\s+\\S+\\s+\\S+\\s+\\S+\\s+lambda1,lambda2");
        assertThat(r.out()).containsPattern("premixed-flame-1d\\s+1\\s+x\\s+T\\s+cold\\*,unburnt,hot\\*\\s+only");
    }

    @Test
    void badInputFailsWithAMessageOnStderrAndNonZeroStatus() throws Exception {
        Result unknownKind = run(java("methods", "nonsense"));
        assertThat(unknownKind.exit()).isEqualTo(1);
        assertThat(unknownKind.err()).contains("unknown method kind 'nonsense'").contains("sampler");

        Result unknownCommand = run(java("sovle", "burgers"));
        assertThat(unknownCommand.exit()).isEqualTo(1);
        assertThat(unknownCommand.err()).contains("unknown command 'sovle'");
    }

    @Test
    void pluginDroppedIntoAShellThatRunsShowsUpAndLeaves() throws Exception {
        List<String> cmd = new ArrayList<>(java());
        cmd.removeIf(a -> a.startsWith("-Dgosh.args"));
        Process shell = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // process ended
            }
        });
        reader.start();
        try (OutputStream stdin = shell.getOutputStream()) {
            Path plugins = work.resolve("plugins");
            awaitOutput(stdin, lines, "methods metric", "rel-l2", 60);
            Files.createDirectories(plugins);
            Path part = plugins.resolve("test-plugin.jar.part");
            Files.copy(PLUGIN, part);
            Files.move(part, plugins.resolve("test-plugin.jar"), StandardCopyOption.ATOMIC_MOVE);
            awaitOutput(stdin, lines, "methods metric", "test-chebyshev", 10);

            Files.delete(plugins.resolve("test-plugin.jar"));
            lines.clear();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            boolean gone = false;
            while (!gone && System.nanoTime() < deadline) {
                lines.clear();
                send(stdin, "methods metric");
                Thread.sleep(500);
                synchronized (lines) {
                    gone = lines.stream().anyMatch(l -> l.contains("rel-l2"))
                            && lines.stream().noneMatch(l -> l.contains("test-chebyshev"));
                }
            }
            assertThat(gone).as("plug-in withdrawn; output: " + lines).isTrue();
            send(stdin, "exit");
        } finally {
            if (!shell.waitFor(30, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
            }
            reader.join(5000);
        }
    }

    private static void send(OutputStream stdin, String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static void awaitOutput(OutputStream stdin, List<String> lines, String command, String expected,
            int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            send(stdin, command);
            Thread.sleep(500);
            synchronized (lines) {
                if (lines.stream().anyMatch(l -> l.contains(expected))) {
                    return;
                }
            }
        }
        throw new AssertionError("no '" + expected + "' in the shell's output within " + seconds + " s: " + lines);
    }
}
