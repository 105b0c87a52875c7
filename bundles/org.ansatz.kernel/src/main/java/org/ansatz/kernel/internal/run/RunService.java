package org.ansatz.kernel.internal.run;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.run.AtomicFiles;
import org.ansatz.api.run.Resumable;
import org.ansatz.api.run.RunOutputs;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.RunSpecReader;
import org.ansatz.api.run.Runs;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.ansatz.api.solver.Solver;

/**
 * {@link Runs} over a method registry. Free of OSGi types: the DS component and Guice both wrap it.
 * Spec files and outputs (plots, exports) come from optional services, so that a kernel without the
 * runs bundle still solves.
 */
public final class RunService implements Runs {

    static final String DEFAULT_SOLVER = "pinn";
    static final String OUTPUT = "output.";
    /** run.properties keys: settings are stored as {@code setting.<key>}. */
    static final String SETTING = "setting.";

    private final MethodRegistry registry;
    private final Supplier<RunSpecReader> reader;
    private final Supplier<RunOutputs> outputs;

    public RunService(MethodRegistry registry) {
        this(registry, () -> null, () -> null);
    }

    /**
     * @param reader  the registered spec reader, or null when none is
     * @param outputs the registered output writer, or null when none is
     */
    public RunService(MethodRegistry registry, Supplier<RunSpecReader> reader, Supplier<RunOutputs> outputs) {
        this.registry = registry;
        this.reader = reader;
        this.outputs = outputs;
    }

    @Override
    public Solution solve(RunSpec spec, Progress progress) {
        Problem problem = spec.problem() != null ? spec.problem() : registry.get(Problem.class, spec.problemName());
        Map<String, Object> settings = effectiveSettings(problem.defaults(), spec.settings());
        String solverName = String.valueOf(settings.getOrDefault("solver", DEFAULT_SOLVER)).trim();
        Solver solver = registry.get(Solver.class, solverName);
        if (!solver.supports(problem)) {
            throw new IllegalArgumentException("solver '" + solverName + "' cannot solve problem '" + spec.problemName() + "'");
        }
        Map<String, Object> output = outputSettings(settings);
        Path dir = directory(spec);
        Properties run = new Properties();
        run.setProperty("problem", spec.problemName());
        run.setProperty("solver", solverName);
        run.setProperty("seed", Long.toString(spec.seed()));
        run.setProperty("inline", Boolean.toString(spec.problem() != null));
        settings.forEach((k, v) -> run.setProperty(SETTING + k, String.valueOf(v)));
        StringWriter text = new StringWriter();
        try {
            run.store(text, "Ansatz run: what ansatz:predict and ansatz:resume need to reopen it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(dir.resolve(RUN_FILE), text.toString());
        RunSpecReader r = reader.get();
        if (r != null) {
            r.write(spec, settings, dir);
        }
        SolveRequest request = new SolveRequest(problem, solverSettings(settings), spec.seed(), dir);
        return execute(dir, problem, output, 0, 0, null, settings, p -> solver.solve(request, p), progress);
    }

    /** Settings that name a method, and the method a problem's defaults mean when they name none. */
    private static final Map<String, String> METHOD_SECTIONS = Map.of("model", "mlp", "sampler", "",
            "optimizer", "adam", "balance", "");

    /**
     * The problem's defaults overridden by the run's settings. A problem's defaults for a method's
     * options ({@code model.layers}, ...) are meant for the method those defaults choose; when the run
     * picks another one ({@code model=kan}), they are dropped instead of being reported as unknown
     * options of the new method.
     */
    public static Map<String, Object> effectiveSettings(Map<String, Object> defaults, Map<String, Object> given) {
        Map<String, Object> settings = new LinkedHashMap<>(defaults);
        METHOD_SECTIONS.forEach((section, fallback) -> {
            Object chosen = given.get(section);
            String meant = String.valueOf(defaults.getOrDefault(section, fallback)).trim();
            if (chosen != null && !chosen.toString().trim().equals(meant)) {
                settings.keySet().removeIf(k -> k.startsWith(section + "."));
            }
        });
        settings.putAll(given);
        return settings;
    }

    /** The output settings without prefix, checked now so that a typo fails before training, not after. */
    private Map<String, Object> outputSettings(Map<String, Object> settings) {
        Map<String, Object> output = new LinkedHashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith(OUTPUT)) {
                output.put(k.substring(OUTPUT.length()), v);
            }
        });
        RunOutputs out = outputs.get();
        if (out != null) {
            out.check(output);
        } else if (!output.isEmpty()) {
            throw new IllegalArgumentException("settings " + output.keySet().stream().map(k -> OUTPUT + k).toList()
                    + " need the bundle that writes plots and exports (org.ansatz.runs); it is not installed");
        }
        return output;
    }

    private static Map<String, Object> solverSettings(Map<String, Object> settings) {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.keySet().removeIf(k -> k.startsWith(OUTPUT));
        return s;
    }

    /** Status updates while running: often enough for a listing of killed runs, rarely enough to cost nothing. */
    static final long STATUS_EVERY_NANOS = 10_000_000_000L;

    /**
     * Runs the solver with the status file kept current (the progress reports refresh its duration, so
     * that a run killed later still shows how long it ran), then writes the outputs.
     */
    private Solution execute(Path dir, Problem problem, Map<String, Object> output, double earlierSeconds,
            int earlierParts, String started, Map<String, Object> settings,
            java.util.function.Function<Progress, Solution> solve, Progress progress) {
        try (PluginWatch watch = new PluginWatch(registry, settings)) {
            return execute(dir, problem, output, earlierSeconds, earlierParts, started, solve, progress, watch);
        }
    }

    private Solution execute(Path dir, Problem problem, Map<String, Object> output, double earlierSeconds,
            int earlierParts, String started, java.util.function.Function<Progress, Solution> solve,
            Progress progress, PluginWatch watch) {
        long t0 = System.nanoTime();
        String start = started != null ? started : Instant.now().toString();
        int parts = earlierParts + 1;
        writeStatus(dir, "running", null, start, earlierSeconds, parts);
        long[] last = {t0};
        Progress tracked = new Progress() {
            @Override
            public void report(org.ansatz.api.solver.ProgressUpdate update) {
                long now = System.nanoTime();
                if (now - last[0] > STATUS_EVERY_NANOS) {
                    last[0] = now;
                    writeStatus(dir, "running", null, start, earlierSeconds + (now - t0) / 1e9, parts);
                }
                progress.report(update);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled() || watch.withdrawn() != null;
            }
        };
        Solution solution;
        try {
            solution = solve.apply(tracked);
        } catch (RuntimeException | Error e) {
            if (watch.withdrawn() != null) {
                // Classes of a removed bundle can fail in odd ways; the cause users need is the removal.
                throw stopped(dir, watch, start, earlierSeconds + (System.nanoTime() - t0) / 1e9, parts, e);
            }
            writeStatus(dir, "failed", e.getMessage() == null ? e.toString() : e.getMessage(), start,
                    earlierSeconds + (System.nanoTime() - t0) / 1e9, parts);
            throw e;
        }
        if (watch.withdrawn() != null) {
            solution.close();
            throw stopped(dir, watch, start, earlierSeconds + (System.nanoTime() - t0) / 1e9, parts, null);
        }
        try {
            RunOutputs out = outputs.get();
            if (out != null) {
                out.write(dir, problem, solution, output);
            }
        } catch (RuntimeException e) {
            solution.close();
            writeStatus(dir, "failed", "writing outputs: " + e.getMessage(), start,
                    earlierSeconds + (System.nanoTime() - t0) / 1e9, parts);
            throw e;
        }
        // A cancelled run (Ctrl-C) ends early with usable outputs; it stays resumable from its checkpoint.
        writeStatus(dir, progress.cancelled() ? "cancelled" : "finished", null, start,
                earlierSeconds + (System.nanoTime() - t0) / 1e9, parts);
        return solution;
    }

    /** Status "stopped" and the exception that tells the user what was removed and how to go on. */
    private static IllegalStateException stopped(Path dir, PluginWatch watch, String start, double seconds,
            int parts, Throwable cause) {
        MethodDescriptor m = watch.withdrawn();
        String message = "the run stopped because the plug-in providing " + m.kind().label() + " '" + m.name()
                + "' (bundle " + m.bundle() + " " + m.bundleVersion() + ") was removed"
                + (Files.exists(dir.resolve("checkpoint.json")) ? "; its last checkpoint is in " + dir
                        + ": put the plug-in back and run 'resume " + dir + "'" : "; no checkpoint had been written");
        writeStatus(dir, "stopped", message, start, seconds, parts);
        return new IllegalStateException(message, cause);
    }

    private static void writeStatus(Path dir, String state, String error, String started, double seconds, int parts) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", state);
        s.put("pid", ProcessHandle.current().pid());
        s.put("started", started);
        s.put("updated", Instant.now().toString());
        s.put("seconds", seconds);
        s.put("parts", parts);
        if (error != null) {
            s.put("error", error);
        }
        AtomicFiles.write(dir.resolve(STATUS_FILE), FlatJson.write(s));
    }

    /** The spec's directory, or a new one under {@code runs/} named after the problem and the time. */
    static Path directory(RunSpec spec) {
        if (spec.directory() != null) {
            return spec.directory();
        }
        return Paths.get("runs", spec.problemName() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    @Override
    public Solution open(Path runDirectory) {
        RunRecord r = record(runDirectory);
        return open(runDirectory, problemOf(runDirectory, r));
    }

    @Override
    public Solution open(Path runDirectory, Problem problem) {
        RunRecord r = record(runDirectory);
        return registry.get(Solver.class, r.solver()).load(problem, runDirectory);
    }

    @Override
    public RunSpec read(Path specFile, Map<String, String> overrides) {
        RunSpecReader r = reader.get();
        if (r == null) {
            throw new IllegalStateException("reading " + specFile + " needs the bundle that reads run spec files "
                    + "(org.ansatz.runs); it is not installed");
        }
        return r.read(specFile, overrides);
    }

    @Override
    public Solution resume(Path runDirectory, Progress progress) {
        return resume(runDirectory, null, progress);
    }

    @Override
    public Solution resume(Path runDirectory, Problem given, Progress progress) {
        RunRecord r = record(runDirectory);
        Properties p = properties(runDirectory);
        Problem problem = given != null ? given : problemOf(runDirectory, r);
        Map<String, Object> settings = new LinkedHashMap<>();
        new TreeMap<>(p).forEach((k, v) -> {
            if (k.toString().startsWith(SETTING)) {
                settings.put(k.toString().substring(SETTING.length()), v);
            }
        });
        Solver solver = registry.get(Solver.class, r.solver());
        if (!(solver instanceof Resumable resumable)) {
            throw new IllegalArgumentException("solver '" + r.solver() + "' cannot resume runs");
        }
        RunStatus before = status(runDirectory);
        if (before.state().equals("finished")) {
            throw new IllegalArgumentException("run " + runDirectory + " has finished; there is nothing to resume");
        }
        if (before.state().equals("running")) {
            throw new IllegalArgumentException("run " + runDirectory + " is still running (process "
                    + statusFields(runDirectory).get("pid") + ")");
        }
        Map<String, Object> output = outputSettings(settings);
        SolveRequest request = new SolveRequest(problem, solverSettings(settings), r.seed(), runDirectory);
        return execute(runDirectory, problem, output, before.seconds(), before.parts(), before.started(), settings,
                tracked -> resumable.resume(request, tracked), progress);
    }

    /** The registered problem a run names, or the inline problem of its effective spec. */
    private Problem problemOf(Path dir, RunRecord r) {
        if (!"true".equals(properties(dir).getProperty("inline"))) {
            return registry.get(Problem.class, r.problem());
        }
        Path spec = dir.resolve(RunSpecReader.EFFECTIVE_SPEC);
        RunSpecReader rd = reader.get();
        RunSpec s = rd != null && Files.isRegularFile(spec) ? rd.read(spec, Map.of()) : null;
        if (s == null || s.problem() == null) {
            // A host's own problem: only the registry could know it (and says which names it knows).
            return registry.get(Problem.class, r.problem());
        }
        return s.problem();
    }

    @Override
    public RunRecord record(Path runDirectory) {
        Path file = runDirectory.resolve(RUN_FILE);
        Properties p = properties(runDirectory);
        String problem = p.getProperty("problem");
        String solver = p.getProperty("solver", DEFAULT_SOLVER);
        if (problem == null || problem.isBlank()) {
            throw new IllegalArgumentException(file + " names no problem");
        }
        long seed;
        try {
            seed = Long.parseLong(p.getProperty("seed", "0").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": seed '" + p.getProperty("seed") + "' is not an integer");
        }
        return new RunRecord(problem, solver, seed);
    }

    private static Properties properties(Path runDirectory) {
        Path file = runDirectory.resolve(RUN_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(runDirectory + " is not a run directory (no " + RUN_FILE + ")");
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return p;
    }

    @Override
    public RunStatus status(Path runDirectory) {
        Map<String, String> s = statusFields(runDirectory);
        if (s.isEmpty()) {
            return new RunStatus("unknown", null, null, 0, 0);
        }
        String state = s.getOrDefault("status", "unknown");
        if (state.equals("running")) {
            long pid = parseLong(s.get("pid"), -1);
            boolean alive = pid == ProcessHandle.current().pid()
                    || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                state = "killed";
            }
        }
        double seconds;
        try {
            seconds = Double.parseDouble(s.getOrDefault("seconds", "0"));
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        return new RunStatus(state, s.get("error"), s.get("started"), seconds, (int) parseLong(s.get("parts"), 1));
    }

    private static long parseLong(String s, long fallback) {
        try {
            return s == null ? fallback : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Map<String, String> statusFields(Path runDirectory) {
        Path file = runDirectory.resolve(STATUS_FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return FlatJson.read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The flat JSON objects of status files; the kernel carries no JSON library. */
    static final class FlatJson {
        private static final Pattern ENTRY = Pattern.compile(
                "\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,\\n}]+)");

        private FlatJson() {
        }

        static String write(Map<String, Object> map) {
            StringBuilder b = new StringBuilder("{\n");
            int i = 0;
            for (Map.Entry<String, Object> e : map.entrySet()) {
                Object v = e.getValue();
                String value = v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.toString()
                        : quote(String.valueOf(v));
                b.append("  ").append(quote(e.getKey())).append(": ").append(value)
                        .append(++i < map.size() ? ",\n" : "\n");
            }
            return b.append("}\n").toString();
        }

        static Map<String, String> read(String text) {
            Map<String, String> out = new LinkedHashMap<>();
            Matcher m = ENTRY.matcher(text);
            while (m.find()) {
                out.put(unquote(m.group(1)), m.group(3) != null ? unquote(m.group(3)) : m.group(2).trim());
            }
            return out;
        }

        static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }

        static String unquote(String s) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c != '\\' || i + 1 == s.length()) {
                    b.append(c);
                    continue;
                }
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> b.append(n);
                }
            }
            return b.toString();
        }
    }
}
