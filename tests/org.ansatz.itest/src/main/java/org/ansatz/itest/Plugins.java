package org.ansatz.itest;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;

/** Helpers shared by the integration tests. */
final class Plugins {

    static final String PLUGIN_RESOURCE = "/plugins/test-plugin.jar";
    static final String PLUGIN_BSN = "org.ansatz.test.plugin";
    static final String PLUGIN_METHOD = "test-chebyshev";

    private Plugins() {
    }

    static InputStream testPlugin() {
        InputStream in = Plugins.class.getResourceAsStream(PLUGIN_RESOURCE);
        if (in == null) {
            throw new IllegalStateException(PLUGIN_RESOURCE + " is missing from the test bundle");
        }
        return in;
    }

    /** Runs one Gogo command and returns what it printed. */
    static String run(CommandProcessor processor, String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(InputStream.nullInputStream(), out, out)) {
            session.put("SCOPE", "ansatz:*");
            session.execute(command);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Polls until the condition holds; returns how long that took, or throws after the timeout. */
    static Duration await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > timeout.toNanos()) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
