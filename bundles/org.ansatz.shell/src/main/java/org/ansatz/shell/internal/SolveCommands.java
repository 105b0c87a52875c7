package org.ansatz.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.Runs;
import org.ansatz.api.solver.Solution;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ansatz:problems} and {@code ansatz:solve}. */
@Component(service = SolveCommands.class, property = {
    "osgi.command.scope=ansatz",
    "osgi.command.function=problems",
    "osgi.command.function=solve",
    "osgi.command.function=resume",
    "osgi.command.function=predict"
})
public class SolveCommands {

    static final String USAGE = "usage: solve <problem|spec.yaml|spec.json> [--set key=value]... [--solver NAME] [--model NAME] "
            + "[--optimizer NAME] [--balance NAME] [--sampler NAME] [--causal EPS,...] [--seed N] [--out DIR]";

    /** Options that name a plug-in method: shorthand for --set key=NAME. */
    private static final Map<String, String> SHORTHANDS = Map.of("--solver", "solver", "--model", "model",
            "--optimizer", "optimizer", "--balance", "balance", "--sampler", "sampler", "--causal", "causal.epsilon");

    @Reference
    MethodRegistry registry;

    @Reference
    Runs runs;

    @Descriptor("Registered problems with their dimension, conditions, reference and unknowns")
    public void problems() {
        Table t = new Table().row("NAME", "DIM", "INPUTS", "OUTPUTS", "CONDITIONS", "HARD", "REFERENCE", "UNKNOWNS",
                "DESCRIPTION");
        for (MethodDescriptor d : registry.methods(MethodKind.PROBLEM)) {
            Problem p = registry.get(Problem.class, d.name());
            String conditions = "-";
            String hard = "-";
            String unknowns = "-";
            if (p instanceof PdeProblem pde) {
                conditions = conditions(pde);
                hard = hardConstraints(pde);
                unknowns = pde.unknowns().isEmpty() ? "-" : String.join(",", pde.unknowns().keySet());
            }
            t.row(d.name(), String.valueOf(p.inputs().size()), String.join(",", p.inputs()),
                    String.join(",", p.outputs()), conditions, hard,
                    p.reference().map(r -> r.source().split(" ")[0]).orElse("-"), unknowns, p.description());
        }
        System.out.print(t.render(""));
        System.out.println("CONDITIONS: loss terms with soft constraints; * marks those with derivatives (Neumann, "
                + "Robin, initial rate). HARD: yes = constraints=hard available, only = the problem needs it.");
    }

    /** The soft conditions' names, or the hard ones' when the problem has no soft form. */
    private static String conditions(PdeProblem p) {
        List<org.ansatz.api.pde.Condition> list;
        try {
            list = p.conditions(false);
        } catch (RuntimeException e) {
            list = p.conditions(true);
            if (list.isEmpty()) {
                return "(transform)";
            }
        }
        if (list.isEmpty()) {
            return "-";
        }
        return String.join(",", list.stream().map(c -> c.name() + (c.derivatives().isEmpty() ? "" : "*")).toList());
    }

    private static String hardConstraints(PdeProblem p) {
        if (p.hardConstraints().isEmpty()) {
            return "-";
        }
        try {
            p.conditions(false);
            return "yes";
        } catch (RuntimeException e) {
            return "only";
        }
    }

    static final String PREDICT_USAGE = "usage: predict --run DIR --points FILE.csv [--out FILE.csv] [--with u_x,u_xx,...]";

    @Descriptor("Evaluate a trained run at the points of a CSV file (header names the inputs), optionally with derivatives")
    public void predict(@Descriptor("--run DIR --points FILE.csv [--out FILE.csv] [--with u_x,u_xx]") String... args)
            throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!List.of("--run", "--points", "--out", "--with").contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected '" + args[i] + "'. " + PREDICT_USAGE);
            }
            opts.put(args[i], args[++i]);
        }
        if (!opts.containsKey("--run") || !opts.containsKey("--points")) {
            throw new IllegalArgumentException(PREDICT_USAGE);
        }
        Path dir = Paths.get(opts.get("--run"));
        String name = runs.record(dir).problem();
        Path effective = dir.resolve(org.ansatz.api.run.RunSpecReader.EFFECTIVE_SPEC);
        // A problem defined in a spec file is not registered: its definition is in the run's run.yaml.
        Problem p = registry.find(MethodKind.PROBLEM, name).isEmpty() && Files.isRegularFile(effective)
                && runs.read(effective, Map.of()).problem() != null ? runs.read(effective, Map.of()).problem()
                : registry.get(Problem.class, name);
        PointSet points = Csv.read(Paths.get(opts.get("--points")), p.inputs());
        List<String> with = opts.containsKey("--with") ? List.of(opts.get("--with").split(",")) : List.of();
        try (Solution s = runs.open(dir, p)) {
            PointSet values = s.predict(points, with.stream().map(String::trim).toList());
            String csv = Csv.write(points, values);
            if (opts.containsKey("--out")) {
                Csv.writeAtomically(Paths.get(opts.get("--out")), csv);
                System.out.println("Wrote " + points.size() + " rows to " + opts.get("--out"));
            } else {
                System.out.print(csv);
            }
        }
    }

    /** A parsed command line. */
    record Invocation(String problem, Map<String, Object> settings, long seed, Path out) {
    }

    static Invocation parse(String problem, String... args) {
        Map<String, Object> settings = new LinkedHashMap<>();
        long seed = 0;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--set" -> {
                    if (value == null || !value.contains("=") || value.startsWith("=")) {
                        throw new IllegalArgumentException("--set needs key=value, got '" + value + "'. " + USAGE);
                    }
                    settings.put(value.substring(0, value.indexOf('=')).trim(), value.substring(value.indexOf('=') + 1).trim());
                    i++;
                }
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(String.valueOf(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed needs an integer, got '" + value + "'. " + USAGE);
                    }
                    i++;
                }
                case "--out" -> {
                    if (value == null) {
                        throw new IllegalArgumentException("--out needs a directory. " + USAGE);
                    }
                    out = Paths.get(value);
                    i++;
                }
                default -> {
                    String key = SHORTHANDS.get(a);
                    if (key == null) {
                        throw new IllegalArgumentException("unknown option '" + a + "'. " + USAGE);
                    }
                    if (value == null || value.startsWith("--")) {
                        throw new IllegalArgumentException(a + " needs a value. " + USAGE);
                    }
                    settings.put(key, value.trim());
                    i++;
                }
            }
        }
        if (out == null) {
            out = Paths.get("runs", problem + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        return new Invocation(problem, settings, seed, out);
    }

    /** A spec file rather than a problem name: by its extension. */
    static boolean isSpecFile(String argument) {
        String a = argument.toLowerCase(Locale.ROOT);
        return a.endsWith(".yaml") || a.endsWith(".yml") || a.endsWith(".json");
    }

    @Descriptor("Solve a problem or a run spec file: prints progress and the error against the reference, writes a "
            + "run directory with plots and exports")
    public void solve(@Descriptor("problem name (see 'problems') or a spec file (.yaml, .yml, .json)") String problem,
            @Descriptor("--set key=value (repeatable), --model/--optimizer/--balance/--sampler NAME, --causal EPS,..., "
                    + "--seed N, --out DIR") String... args) throws Exception {
        RunSpec spec;
        Problem p;
        if (isSpecFile(problem)) {
            Path file = Paths.get(problem);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no spec file " + file.toAbsolutePath());
            }
            spec = runs.read(file, overrides(args));
            p = spec.problem() != null ? spec.problem() : registry.get(Problem.class, spec.problemName());
            if (spec.directory() == null) {
                spec = spec.directory(defaultDirectory(spec.problemName()));
            }
        } else {
            Invocation inv = parse(problem, args);
            p = registry.get(Problem.class, inv.problem());
            spec = RunSpec.of(inv.problem()).with(inv.settings()).seed(inv.seed()).directory(inv.out());
        }
        System.out.println("Solving " + spec.problemName() + " (" + p.description() + ") with "
                + spec.settings().getOrDefault("solver", p.defaults().getOrDefault("solver", "pinn"))
                + ", seed " + spec.seed() + "; run directory " + spec.directory());
        ConsoleProgress progress = new ConsoleProgress(System.out, System.console() != null, 5000);
        long start = System.nanoTime();
        try (Solution s = runs.solve(spec, progress)) {
            report(s, p, spec.directory(), progress, start);
        }
    }

    @Descriptor("Continue an interrupted run (killed, crashed, cancelled) from its last checkpoint")
    public void resume(@Descriptor("run directory") String directory) throws Exception {
        Path dir = Paths.get(directory);
        Runs.RunRecord r = runs.record(dir);
        Runs.RunStatus status = runs.status(dir);
        if (!status.state().equals("finished") && !status.state().equals("running")) {
            // finished and running runs are refused by Runs.resume with the reason
            System.out.println("Resuming " + r.problem() + " (" + status.state() + " after "
                    + ConsoleProgress.duration(status.seconds()) + ") in " + dir);
        }
        ConsoleProgress progress = new ConsoleProgress(System.out, System.console() != null, 5000);
        long start = System.nanoTime();
        try (Solution s = runs.resume(dir, progress)) {
            Problem p = registry.find(org.ansatz.api.method.MethodKind.PROBLEM, r.problem()).isPresent()
                    ? registry.get(Problem.class, r.problem()) : null;
            report(s, p, dir, progress, start);
        }
    }

    private static void report(Solution s, Problem p, Path dir, ConsoleProgress progress, long start)
            throws java.io.IOException {
        progress.finishLine();
        System.out.println();
        System.out.printf(Locale.ROOT, "Done in %s.%n", ConsoleProgress.duration((System.nanoTime() - start) / 1e9));
        Table t = new Table().row("METRIC", "VALUE");
        s.metrics().forEach((k, v) -> t.row(k, String.format(Locale.ROOT, "%.3e", v)));
        System.out.print(t.render("  "));
        if (p != null) {
            p.reference().ifPresent(r -> System.out.println("  reference: " + r.source()));
        }
        System.out.println("Run directory: " + dir.toAbsolutePath());
        try (var files = Files.list(dir)) {
            List<String> outputs = files.map(f -> f.getFileName().toString())
                    .filter(n -> !n.startsWith("checkpoint") && (n.endsWith(".png") || n.endsWith(".vtk") || n.endsWith(".npz")))
                    .sorted().toList();
            if (!outputs.isEmpty()) {
                System.out.println("  plots and exports: " + String.join(", ", outputs));
            }
        }
    }

    /** Options after a spec file: the same as after a problem name, as dotted keys over the file's. */
    static Map<String, String> overrides(String... args) {
        Invocation inv = parse("spec", args);
        Map<String, String> o = new LinkedHashMap<>();
        inv.settings().forEach((k, v) -> o.put(k, String.valueOf(v)));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seed")) {
                o.put("seed", Long.toString(inv.seed()));
            } else if (args[i].equals("--out")) {
                o.put("output.directory", inv.out().toString());
            }
        }
        return o;
    }

    static Path defaultDirectory(String problem) {
        return Paths.get("runs", problem + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss")));
    }
}
