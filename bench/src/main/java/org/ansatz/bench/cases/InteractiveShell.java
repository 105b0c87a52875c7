package org.ansatz.bench.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An interactive Ansatz shell fed through stdin. Each command is followed by an {@code echo} of a fresh
 * marker, so the caller knows where the command's output ends without guessing from timing; commands
 * go one at a time, so the shell is never flooded while it starts.
 */
final class InteractiveShell implements AutoCloseable {

    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private int marker;

    InteractiveShell(List<String> command, Path dir) throws IOException {
        process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        stdin = process.getOutputStream();
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the shell ended: ask() then times out
            }
        }, "shell-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Sends one command and returns its output lines.
     *
     * @throws IOException when the output's end did not arrive within {@code timeoutMillis}
     */
    List<String> ask(String command, long timeoutMillis) throws IOException, InterruptedException {
        String mark = "bench-mark-" + (++marker);
        stdin.write((command + "\necho " + mark + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException("no answer to '" + command + "' within " + timeoutMillis + " ms; output: " + out);
            }
            // A terminal that echoes input would show the echo command itself; only its output ends the answer.
            if (line.endsWith(mark) && !line.contains("echo ")) {
                return out;
            }
            out.add(line);
        }
    }

    /**
     * Repeats {@code command} until a line of its output contains {@code expected}.
     *
     * @return milliseconds from {@code sinceNanos} until that answer arrived
     */
    double awaitOutput(String command, String expected, long sinceNanos, long timeoutMillis)
            throws IOException, InterruptedException {
        long deadline = sinceNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            if (ask(command, left).stream().anyMatch(l -> l.contains(expected))) {
                return (System.nanoTime() - sinceNanos) / 1e6;
            }
            Thread.sleep(20);
        }
        throw new IOException("'" + expected + "' not in the output of '" + command + "' within " + timeoutMillis + " ms");
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stdin.write("exit 0\n".getBytes(StandardCharsets.UTF_8));
            stdin.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5000);
    }
}
