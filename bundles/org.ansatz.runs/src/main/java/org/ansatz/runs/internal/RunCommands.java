package org.ansatz.runs.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ansatz.api.run.AtomicFiles;
import org.ansatz.api.run.Runs;
import org.apache.felix.service.command.Descriptor;
import org.jfree.chart.JFreeChart;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ansatz:runs} and {@code ansatz:compare}. */
@Component(service = RunCommands.class, property = {
    "osgi.command.scope=ansatz",
    "osgi.command.function=runs",
    "osgi.command.function=compare"
})
public class RunCommands {

    static final String COMPARE_USAGE = "usage: compare DIR DIR... [--out FILE.png]";

    @Reference
    Runs runs;

    /** One run directory as listed and compared. */
    record RunInfo(Path dir, String problem, String solver, long seed, Runs.RunStatus status,
            Map<String, Double> metrics, Map<String, String> settings) {
    }

    static RunInfo info(Runs runs, Path dir) {
        Runs.RunRecord r = runs.record(dir);
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve(Runs.RUN_FILE))) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + dir.resolve(Runs.RUN_FILE) + ": " + e.getMessage(), e);
        }
        Map<String, String> settings = new TreeMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("setting.")).forEach(k -> settings.put(
                k.substring("setting.".length()), p.getProperty(k)));
        return new RunInfo(dir, r.problem(), r.solver(), r.seed(), runs.status(dir), metrics(dir), settings);
    }

    static Map<String, Double> metrics(Path dir) {
        Map<String, Double> out = new LinkedHashMap<>();
        Path file = dir.resolve("metrics.json");
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            Matcher m = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"?([-+0-9.eEInfinityNa]+)\"?").matcher(
                    Files.readString(file));
            while (m.find()) {
                try {
                    out.put(m.group(1), Double.parseDouble(m.group(2)));
                } catch (NumberFormatException e) {
                    // not a metric
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The run directories under {@code root} (those with run.properties), newest first. */
    static List<RunInfo> list(Runs runs, Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a directory");
        }
        List<RunInfo> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                if (Files.isRegularFile(d.resolve(Runs.RUN_FILE))) {
                    try {
                        out.add(info(runs, d));
                    } catch (RuntimeException e) {
                        // a damaged directory is listed with its problem instead of hiding the others
                        out.add(new RunInfo(d, "?", "?", 0, new Runs.RunStatus("unreadable", e.getMessage(), null, 0,
                                0), Map.of(), Map.of()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + root + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing((RunInfo i) -> Objects.toString(i.status().started(), "")).reversed()
                .thenComparing(i -> i.dir().getFileName().toString()));
        return out;
    }

    @Descriptor("List the runs under a directory (default runs/) with status, duration, error and rel-l2")
    public void runs(@Descriptor("root directory of runs (default runs)") String... args) {
        if (args.length > 1) {
            throw new IllegalArgumentException("usage: runs [ROOT]");
        }
        Path root = Paths.get(args.length == 1 ? args[0] : "runs");
        List<RunInfo> all = list(runs, root);
        if (all.isEmpty()) {
            System.out.println("No runs under " + root.toAbsolutePath());
            return;
        }
        TextTable t = new TextTable().row("RUN", "PROBLEM", "SOLVER", "STATUS", "DURATION", "REL-L2", "ERROR");
        for (RunInfo i : all) {
            Double l2 = i.metrics().get("rel-l2");
            String status = i.status().state() + (i.status().parts() > 1 ? " (" + i.status().parts() + " parts)" : "");
            String error = i.status().error() == null ? "" : i.status().error();
            t.row(i.dir().getFileName().toString(), i.problem(), i.solver(), status, duration(i.status().seconds()),
                    l2 == null ? "-" : String.format(Locale.ROOT, "%.3e", l2),
                    error.length() > 70 ? error.substring(0, 67) + "..." : error);
        }
        System.out.print(t.render());
        if (all.stream().anyMatch(i -> i.status().state().equals("killed"))) {
            System.out.println("A killed run continues with: resume <dir>");
        }
    }

    @Descriptor("Compare runs: metrics, the settings that differ, and an overlay plot of their loss curves")
    public void compare(@Descriptor("run directories, then optionally --out FILE.png") String... args) {
        List<Path> dirs = new ArrayList<>();
        Path out = Paths.get("compare-loss.png");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--out needs a file. " + COMPARE_USAGE);
                }
                out = Paths.get(args[++i]);
            } else if (args[i].startsWith("--")) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "'. " + COMPARE_USAGE);
            } else {
                dirs.add(Paths.get(args[i]));
            }
        }
        if (dirs.size() < 2) {
            throw new IllegalArgumentException(COMPARE_USAGE);
        }
        Comparison c = comparison(runs, dirs);
        System.out.print(c.text());
        AtomicFiles.write(out, c.png());
        System.out.println("Loss curves: " + out.toAbsolutePath());
    }

    /** What {@code compare} prints and draws. */
    record Comparison(String text, byte[] png) {
    }

    static Comparison comparison(Runs runs, List<Path> dirs) {
        List<RunInfo> infos = dirs.stream().map(d -> info(runs, d)).toList();
        List<String> names = names(dirs);
        StringBuilder text = new StringBuilder();
        Set<String> metrics = new LinkedHashSet<>();
        infos.forEach(i -> metrics.addAll(i.metrics().keySet()));
        TextTable m = new TextTable();
        List<String> header = new ArrayList<>(List.of("METRIC"));
        header.addAll(names);
        m.row(header.toArray(String[]::new));
        m.row(row("status", infos, i -> i.status().state()));
        m.row(row("duration", infos, i -> duration(i.status().seconds())));
        for (String k : metrics) {
            m.row(row(k, infos, i -> i.metrics().containsKey(k) ? String.format(Locale.ROOT, "%.4e",
                    i.metrics().get(k)) : "-"));
        }
        text.append(m.render());
        Set<String> keys = new LinkedHashSet<>(List.of("problem", "seed"));
        infos.forEach(i -> keys.addAll(i.settings().keySet()));
        TextTable s = new TextTable();
        s.row(header.toArray(String[]::new)).cell(0, "SETTING");
        int differing = 0;
        for (String k : keys) {
            List<String> values = infos.stream().map(i -> k.equals("problem") ? i.problem() : k.equals("seed")
                    ? Long.toString(i.seed()) : i.settings().getOrDefault(k, "-")).toList();
            if (new LinkedHashSet<>(values).size() > 1) {
                List<String> r = new ArrayList<>(List.of(k));
                r.addAll(values);
                s.row(r.toArray(String[]::new));
                differing++;
            }
        }
        text.append('\n').append(differing == 0 ? "The runs have the same settings and seed.\n" : s.render());
        Map<String, double[][]> curves = new LinkedHashMap<>();
        for (int i = 0; i < infos.size(); i++) {
            Path h = infos.get(i).dir().resolve("history.csv");
            if (Files.isRegularFile(h)) {
                History history = History.read(h);
                curves.put(names.get(i), new double[][] {history.x.stream().mapToDouble(Double::doubleValue).toArray(),
                        history.column("loss")});
            }
        }
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("none of the runs has a history.csv to plot");
        }
        JFreeChart chart = Plots.logCurves("Loss of " + String.join(" vs ", names), "step (all stages)", curves,
                Map.of());
        return new Comparison(text.toString(), Plots.png(List.of(chart), 900, 560));
    }

    /** Short unique names: the directory names, with their parents when two are alike. */
    static List<String> names(List<Path> dirs) {
        List<String> n = dirs.stream().map(d -> d.toAbsolutePath().normalize().getFileName().toString()).toList();
        if (new LinkedHashSet<>(n).size() == n.size()) {
            return n;
        }
        return dirs.stream().map(Path::toString).toList();
    }

    private static String[] row(String first, List<RunInfo> infos, java.util.function.Function<RunInfo, String> f) {
        List<String> r = new ArrayList<>(List.of(first));
        infos.forEach(i -> r.add(f.apply(i)));
        return r.toArray(String[]::new);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Left-aligned columns. */
    static final class TextTable {
        private final List<String[]> rows = new ArrayList<>();

        TextTable row(String... cells) {
            rows.add(cells);
            return this;
        }

        TextTable cell(int column, String value) {
            rows.get(rows.size() - 1)[column] = value;
            return this;
        }

        String render() {
            int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
            int[] width = new int[columns];
            rows.forEach(r -> {
                for (int i = 0; i < r.length; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            });
            StringBuilder b = new StringBuilder();
            for (String[] r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    line.append(i == 0 ? "" : "  ").append(i + 1 < r.length ? String.format("%-" + width[i] + "s", r[i])
                            : r[i]);
                }
                b.append(line.toString().stripTrailing()).append('\n');
            }
            return b.toString();
        }
    }
}
