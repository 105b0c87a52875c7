package org.ansatz.bench.cases;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.ansatz.bench.Context;
import org.ansatz.bench.Processes;
import org.ansatz.bench.report.ReportWriter;
import org.ansatz.bench.report.Sample;
import org.ansatz.bench.report.Table;

/**
 * Case 5: start-up. The runtime jar from process start to exit of one command (through the launcher
 * script, as users run it), the bare JVM, the interactive shell until it lists methods, and a plug-in
 * dropped into the watched {@code plugins/} of a running shell until its method is listed. The Python
 * rows are the counterparts a PyTorch user waits for: the interpreter, and importing torch.
 */
public final class StartupCase implements Case {

    static final String ANSATZ = "ansatz";
    static final String PYTORCH = "pytorch";
    static final String PLUGIN_METHOD = "siren";
    private static final long TIMEOUT_MS = 120_000;

    @Override
    public String id() {
        return "startup";
    }

    @Override
    public void run(Context ctx) throws Exception {
        Table table = ctx.table(new Table(id(), "Start-up: process start until ready (wall time)", "what",
                List.of(new Table.Column(ANSATZ, "Ansatz (ms)"), new Table.Column(PYTORCH, "Python + PyTorch (ms)")),
                List.of(new Table.Ratio("Ansatz / PyTorch", ANSATZ, PYTORCH))));
        int repeats = ctx.options().processRepeats();
        Path jar = ctx.repo().resolve("runtime/target/ansatz.jar");
        table.note(String.format(Locale.ROOT, "Median (min–max) of %d runs, each a fresh process; the runtime uses its "
                + "defaults (intra-op threads = cores, 1 inter-op); the Python import row pins torch to %d thread(s). "
                + "Drop-in: FileInstall polls plugins/ every 500 ms, so expect 0-500 ms of that in the figure; the "
                + "polling of `methods model` adds one command round trip.", repeats, ctx.threads()));
        if (!Files.isRegularFile(jar)) {
            table.note("skipped: no runtime jar at " + jar + " (bench/run builds it)");
            ctx.results().add(Sample.skipped(id(), "runtime", ANSATZ, "ms", "skipped: no runtime jar"));
            return;
        }
        Map<String, String> env = Map.of("ANSATZ_JAR", jar.toString());
        String command = "`ansatz methods model` (launcher script) vs `python3 -c 'import torch'`";
        timeCommand(ctx, command, ANSATZ, repeats, List.of(ctx.repo().resolve("ansatz").toString(), "methods", "model"),
                env);
        String jvm = "JVM alone: `java -version` vs `python3 -c pass`";
        timeCommand(ctx, jvm, ANSATZ, repeats, List.of(Processes.java(), "-version"), Map.of());
        if (ctx.python().unavailable().isEmpty()) {
            timeCommand(ctx, command, PYTORCH, repeats, List.of(ctx.python().python(), "-c",
                    "import torch; torch.set_num_threads(" + ctx.threads() + "); torch.set_num_interop_threads(1)"),
                    ctx.python().environment());
            timeCommand(ctx, jvm, PYTORCH, repeats, List.of(ctx.python().python(), "-c", "pass"), Map.of());
        } else {
            ctx.results().add(Sample.skipped(id(), command, PYTORCH, "ms", "skipped"));
            ctx.results().add(Sample.skipped(id(), jvm, PYTORCH, "ms", "skipped"));
        }
        shellAndDropIn(ctx, jar, repeats);
        ctx.log("%n%s", ReportWriter.table(ctx.results(), table));
    }

    private void timeCommand(Context ctx, String row, String column, int repeats, List<String> cmd,
            Map<String, String> env) throws IOException {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            Path dir = Files.createTempDirectory("ansatz-bench-startup");
            try {
                Processes.Result r = Processes.run(cmd, dir, env);
                if (r.exit() != 0) {
                    ctx.results().add(Sample.skipped(id(), row, column, "ms", "failed: " + r.lastLine()));
                    return;
                }
                ms.add(r.millis());
            } finally {
                deleteTree(dir);
            }
        }
        ctx.results().add(Sample.of(id(), row, column, "ms", 0, ms));
    }

    /** Per repeat a fresh shell in a fresh directory: time to the first method listing, then the drop-in. */
    private void shellAndDropIn(Context ctx, Path jar, int repeats) throws Exception {
        String readyRow = "interactive shell: start until `methods model` lists mlp";
        String dropRow = "plug-in drop-in: siren jar moved into plugins/ until `methods model` lists siren";
        Path plugin = plugin(ctx.repo());
        List<Double> ready = new ArrayList<>();
        List<Double> dropIn = new ArrayList<>();
        String failure = null;
        for (int i = 0; i < repeats && failure == null; i++) {
            Path dir = Files.createTempDirectory("ansatz-bench-shell");
            List<String> cmd = List.of(Processes.java(), "-Dorg.jline.terminal.dumb=true",
                    "-Dgosh.home=" + ctx.repo().resolve("runtime/shell"), "-jar", jar.toString());
            long t0 = System.nanoTime();
            try (InteractiveShell shell = new InteractiveShell(cmd, dir)) {
                ready.add(shell.awaitOutput("methods model", "mlp", t0, TIMEOUT_MS));
                if (plugin != null) {
                    Path plugins = Files.createDirectories(dir.resolve("plugins"));
                    // Copied under a name the watcher ignores, then moved: it never sees half a jar.
                    Path part = Files.copy(plugin, plugins.resolve("plugin.jar.part"));
                    Files.move(part, plugins.resolve(plugin.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                    dropIn.add(shell.awaitOutput("methods model", PLUGIN_METHOD, System.nanoTime(), TIMEOUT_MS));
                }
            } catch (IOException e) {
                failure = e.getMessage();
            } finally {
                deleteTree(dir);
            }
        }
        ctx.results().add(failure == null ? Sample.of(id(), readyRow, ANSATZ, "ms", 0, ready)
                : Sample.skipped(id(), readyRow, ANSATZ, "ms", "failed: " + failure));
        if (plugin == null) {
            ctx.results().add(Sample.skipped(id(), dropRow, ANSATZ, "ms",
                    "skipped: no examples/plugin-template/target/siren-plugin-*.jar (bench/run builds it)"));
        } else {
            ctx.results().add(failure == null ? Sample.of(id(), dropRow, ANSATZ, "ms", 0, dropIn)
                    : Sample.skipped(id(), dropRow, ANSATZ, "ms", "failed: " + failure));
        }
    }

    static Path plugin(Path repo) throws IOException {
        Path target = repo.resolve("examples/plugin-template/target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "siren-plugin-*.jar")) {
            for (Path p : jars) {
                return p;
            }
        }
        return null;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
