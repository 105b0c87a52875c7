package org.ansatz.examples.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ansatz.api.run.RunSpec;

/** Runs a spec through {@code ansatz:solve} of the exported runtime, as a user at the command line would. */
public final class AnsatzShell {

    public static final Path REPO = Paths.get(System.getProperty("ansatz.repo", "../..")).toAbsolutePath().normalize();
    public static final Path RUNTIME = REPO.resolve("runtime/target/ansatz.jar");

    private AnsatzShell() {
    }

    /** The rel-l2 error {@code ansatz:solve} reports in the run's metrics.json. */
    public static double solve(RunSpec spec, Path out) throws IOException, InterruptedException {
        // As the ansatz launcher starts it: with the Vector API, so the MLP's fused kernel runs here as it
        // does in this (Surefire) JVM, and both compute the same numbers.
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Dgosh.args=--nointeractive --noshutdown", "-Dorg.jline.terminal.dumb=true",
                "-Dgosh.home=" + REPO.resolve("runtime/shell"), "-jar", RUNTIME.toString(), "solve", spec.problemName()));
        spec.settings().forEach((k, v) -> cmd.addAll(List.of("--set", k + "=" + v)));
        cmd.addAll(List.of("--seed", Long.toString(spec.seed()), "--out", out.toString()));
        Files.createDirectories(out);
        Path log = out.resolveSibling(out.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ansatz:solve failed: " + Files.readString(log));
        }
        Matcher m = Pattern.compile("\"rel-l2\"\\s*:\\s*([-+0-9.eE]+)").matcher(Files.readString(out.resolve("metrics.json")));
        if (!m.find()) {
            throw new IllegalStateException("no rel-l2 in " + out.resolve("metrics.json"));
        }
        return Double.parseDouble(m.group(1));
    }
}
