package org.ansatz.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Child processes of the suite: run to completion, output captured, wall time from start to exit. */
public final class Processes {

    /** Exit status, stdout and stderr merged, and milliseconds from {@code start()} until exit. */
    public record Result(int exit, String output, double millis) {

        public String lastLine() {
            return output.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output").strip();
        }
    }

    private Processes() {
    }

    public static Result run(List<String> cmd) throws IOException {
        return run(cmd, null, Map.of());
    }

    /**
     * @param dir working directory, or null for the suite's
     * @param env variables to set; a null value removes the variable from the child's environment
     */
    public static Result run(List<String> cmd, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        long t0 = System.nanoTime();
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int exit = p.waitFor();
            return new Result(exit, out, (System.nanoTime() - t0) / 1e6);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The java executable of this JVM, so children run the same Java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
