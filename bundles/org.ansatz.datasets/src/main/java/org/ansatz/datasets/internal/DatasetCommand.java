package org.ansatz.datasets.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.data.DatasetProvider;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ansatz:dataset generate|list|info}. */
@Component(service = DatasetCommand.class, property = {
    "osgi.command.scope=ansatz",
    "osgi.command.function=dataset"
})
public class DatasetCommand {

    static final String USAGE = "usage: dataset generate <name> [--n N] [--resolution R] [--seed S] [--out DIR] "
            + "[--threads T] [--set key=value]...   |   dataset list   |   dataset info FILE.npz";

    @Reference
    MethodRegistry registry;

    public DatasetCommand() {
    }

    DatasetCommand(MethodRegistry registry) {
        this.registry = registry;
    }

    @Descriptor("Generate a function dataset (cached as NPZ), list the dataset providers, or describe a dataset file")
    public void dataset(@Descriptor("generate <name> [--n N] [--resolution R] [--seed S] [--out DIR] [--threads T] "
            + "[--set key=value]... | list | info FILE.npz") String... args) {
        if (args.length == 0) {
            throw new IllegalArgumentException(USAGE);
        }
        switch (args[0]) {
            case "generate" -> generate(Arrays.copyOfRange(args, 1, args.length));
            case "list" -> list();
            case "info" -> {
                if (args.length != 2) {
                    throw new IllegalArgumentException("usage: dataset info FILE.npz");
                }
                info(Path.of(args[1]));
            }
            default -> throw new IllegalArgumentException("unknown subcommand '" + args[0] + "'. " + USAGE);
        }
    }

    void list() {
        for (MethodDescriptor m : registry.methods(MethodKind.DATASET)) {
            System.out.printf(Locale.ROOT, "  %-20s %s%n", m.name(), m.description());
        }
    }

    /** Parses the options of {@code generate}; the name comes first. */
    static Map<String, Object> options(String... args) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected '" + a + "'. " + USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value. " + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--n" -> o.put("n", v);
                case "--resolution" -> o.put("resolution", v);
                case "--seed" -> o.put("seed", v);
                case "--out" -> o.put("cache", v);
                case "--threads" -> o.put("threads", v);
                case "--set" -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--set needs key=value, got '" + v + "'");
                    }
                    o.put(v.substring(0, eq).trim(), v.substring(eq + 1).trim());
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'. " + USAGE);
            }
        }
        return o;
    }

    void generate(String... args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new IllegalArgumentException("dataset generate needs a name. " + USAGE);
        }
        String name = args[0];
        Map<String, Object> options = options(args);
        DatasetProvider provider = registry.get(DatasetProvider.class, name);
        long start = System.nanoTime();
        if (provider instanceof GeneratorProvider g) {
            options.putIfAbsent("cache", "datasets");
            int n = Integer.parseInt(String.valueOf(options.getOrDefault("n", "100")).trim().replaceAll("\\.0+$", ""));
            long[] last = {start};
            GeneratorProvider.Result r = g.load(options, done -> {
                long now = System.nanoTime();
                if (done == n || now - last[0] > 5_000_000_000L) {
                    last[0] = now;
                    double s = (now - start) / 1e9;
                    double rate = done / s;
                    System.out.printf(Locale.ROOT, "  %d/%d samples  %.1f samples/s  ETA %s%n", done, n, rate,
                            duration((n - done) / rate));
                }
            });
            System.out.printf(Locale.ROOT, "%s %d samples of %s at %s in %s%n", r.cached() ? "Found" : "Generated",
                    r.data().size(), name, shape(r.data().shape()), duration((System.nanoTime() - start) / 1e9));
            if (r.file() != null) {
                System.out.println("  file: " + r.file().toAbsolutePath());
            }
            System.out.println("  parameters: " + r.data().parameters());
        } else {
            if (options.containsKey("cache")) {
                throw new IllegalArgumentException("--out applies to generated datasets; '" + name
                        + "' reads an existing file");
            }
            try (var d = provider.open(options)) {
                System.out.printf(Locale.ROOT, "Opened %d samples of %s in %s: %s%n", d.size(), name,
                        duration((System.nanoTime() - start) / 1e9), d.schema().fields().keySet());
            }
        }
    }

    void info(Path file) {
        FunctionData d = DatasetFiles.read(file, 0);
        System.out.printf(Locale.ROOT, "%s: %d samples, %s -> %s on %s%s%n", file, d.size(), d.inputName(),
                d.outputName(), shape(d.shape()), d.periodic() ? " (periodic)" : "");
        System.out.println("  equation: " + (d.equation().isEmpty() ? "(unknown)" : d.equation()));
        System.out.println("  parameters: " + d.parameters());
        if (d.seed() >= 0) {
            System.out.println("  seed: " + d.seed());
        }
    }

    static String shape(int[] s) {
        return String.join("x", Arrays.stream(s).mapToObj(Integer::toString).toList());
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60) : String.format(Locale.ROOT, "%.1fs", seconds);
    }
}
