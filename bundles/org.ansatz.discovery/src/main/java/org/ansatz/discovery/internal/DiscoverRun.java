package org.ansatz.discovery.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.ansatz.api.discovery.Discoverer;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Observations;

/** The {@code discover} command without OSGi: parse, load or generate data, discover, print, write. */
public final class DiscoverRun {

    static final String USAGE = "usage: discover (--system lorenz|vanderpol|burgers|ks | --csv FILE --columns t,x,y,z "
            + "[--space x] [--periodic]) [--method NAME] [--noise F] [--seed N] [--gen key=value]... "
            + "[--set key=value]... [--library poly:2|fourier:N|...] [--out DIR]";

    private DiscoverRun() {
    }

    /** A parsed command line. */
    record Invocation(String system, Path csv, List<String> columns, String space, boolean periodic, String method,
            Map<String, Object> generator, Map<String, Object> options, Path out) {
    }

    static Invocation parse(String... args) {
        String system = null;
        Path csv = null;
        List<String> columns = null;
        String space = null;
        boolean periodic = false;
        String method = "sindy";
        Map<String, Object> gen = new LinkedHashMap<>();
        Map<String, Object> opts = new LinkedHashMap<>();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--periodic")) {
                periodic = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value. " + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--system" -> system = v;
                case "--csv", "--data" -> csv = Paths.get(v);
                case "--columns" -> columns = Arrays.stream(v.split(",")).map(String::trim).toList();
                case "--space" -> space = v;
                case "--method" -> method = v;
                case "--noise" -> gen.put("noise", v);
                case "--seed" -> {
                    gen.put("seed", v);
                    opts.put("seed", v);
                }
                case "--gen" -> put(gen, v, a);
                case "--set" -> put(opts, v, a);
                case "--library" -> library(opts, v);
                case "--derivative" -> opts.put("derivative", v);
                case "--threshold" -> opts.put("threshold", v);
                case "--model" -> opts.put("model", v);
                case "--out" -> out = Paths.get(v);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'. " + USAGE);
            }
        }
        if ((system == null) == (csv == null)) {
            throw new IllegalArgumentException("give exactly one of --system and --csv. " + USAGE);
        }
        if (csv != null && columns == null) {
            throw new IllegalArgumentException("--csv needs --columns naming the time column first, e.g. t,x,y,z. " + USAGE);
        }
        if (out == null) {
            String base = system != null ? system : csv.getFileName().toString().replaceAll("\\.csv$", "");
            out = Paths.get("runs", "discover-" + base + "-" + method + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        return new Invocation(system, csv, columns, space, periodic, method, gen, opts, out);
    }

    private static void put(Map<String, Object> m, String kv, String flag) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(flag + " needs key=value, got '" + kv + "'. " + USAGE);
        }
        m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
    }

    /** {@code poly:3,fourier:2,derivatives:4,custom:sin(x)*y;exp(x)} as library options. */
    private static void library(Map<String, Object> opts, String spec) {
        for (String part : spec.split(",(?![^(]*\\))")) {
            String[] kv = part.split(":", 2);
            String key = kv[0].trim();
            String value = kv.length > 1 ? kv[1].trim() : null;
            switch (key) {
                case "poly", "polynomial" -> opts.put("library.degree", value == null ? "2" : value);
                case "fourier" -> opts.put("library.fourier", value == null ? "1" : value);
                case "derivatives", "pde" -> opts.put("library.derivatives", value == null ? "3" : value);
                case "custom" -> opts.put("library.custom", value == null ? "" : value);
                case "noconstant" -> opts.put("library.constant", "false");
                default -> throw new IllegalArgumentException("unknown library part '" + key
                        + "'; known: poly:DEGREE, fourier:N, derivatives:ORDER, custom:EXPR;EXPR, noconstant");
            }
        }
    }

    /** Loads or generates the data. */
    static Observations data(Invocation inv) throws IOException {
        if (inv.system() != null) {
            return Systems.generate(inv.system(), inv.generator());
        }
        java.util.Set<String> extra = new java.util.TreeSet<>(inv.generator().keySet());
        extra.removeAll(List.of("noise", "seed"));
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("--gen options apply to --system only, got " + extra);
        }
        Observations obs = CsvData.read(inv.csv(), inv.columns(), inv.space(), inv.periodic());
        Object noise = inv.generator().get("noise");
        if (noise != null) {
            obs = Systems.addNoise(obs, Double.parseDouble(noise.toString()),
                    (long) Double.parseDouble(String.valueOf(inv.generator().getOrDefault("seed", "0"))));
        }
        return obs;
    }

    /** Runs the command, printing to {@code out}; returns the discovery. */
    public static Discovery run(Function<String, Discoverer> methods, PrintStream out, String... args) throws IOException {
        Invocation inv = parse(args);
        Discoverer d = methods.apply(inv.method());
        Observations data = data(inv);
        out.println("Discovering " + data.variables() + " from " + (inv.system() != null ? "system " + inv.system()
                + (inv.generator().containsKey("noise") ? " with noise " + inv.generator().get("noise") : "") : inv.csv())
                + " (" + data + ") with " + inv.method());
        long start = System.nanoTime();
        Discovery result = d.discover(data, inv.options());
        double seconds = (System.nanoTime() - start) / 1e9;
        out.print(Results.text(result));
        if (inv.system() != null) {
            out.println("  truth: " + Systems.truth(inv.system()));
        }
        Map<String, String> run = new LinkedHashMap<>();
        run.put("method", inv.method());
        run.put("source", inv.system() != null ? "system:" + inv.system() : inv.csv().toString());
        run.put("generator", String.valueOf(new TreeMap<>(inv.generator())));
        run.put("options", String.valueOf(new TreeMap<>(inv.options())));
        run.put("seconds", String.format(Locale.ROOT, "%.3f", seconds));
        Results.write(inv.out(), result, run);
        out.printf(Locale.ROOT, "Done in %.2f s. Results: %s%n", seconds, inv.out().toAbsolutePath());
        return result;
    }
}
