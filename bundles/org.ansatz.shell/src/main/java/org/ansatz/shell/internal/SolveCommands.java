package org.ansatz.shell.internal;

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
    "osgi.command.function=predict"
})
public class SolveCommands {

    static final String USAGE = "usage: solve <problem> [--set key=value]... [--model NAME] [--optimizer NAME] "
            + "[--balance NAME] [--sampler NAME] [--causal EPS,...] [--seed N] [--out DIR]";

    /** Options that name a plug-in method: shorthand for --set key=NAME. */
    private static final Map<String, String> SHORTHANDS = Map.of("--model", "model", "--optimizer", "optimizer",
            "--balance", "balance", "--sampler", "sampler", "--causal", "causal.epsilon");

    @Reference
    MethodRegistry registry;

    @Reference
    Runs runs;

    @Descriptor("Registered problems with their inputs, outputs and reference")
    public void problems() {
        Table t = new Table().row("NAME", "INPUTS", "OUTPUTS", "REFERENCE", "DESCRIPTION");
        for (MethodDescriptor d : registry.methods(MethodKind.PROBLEM)) {
            Problem p = registry.get(Problem.class, d.name());
            t.row(d.name(), String.join(",", p.inputs()), String.join(",", p.outputs()),
                    p.reference().map(r -> r.source().split(" ")[0]).orElse("-"), p.description());
        }
        System.out.print(t.render(""));
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
        Problem p = registry.get(Problem.class, runs.record(dir).problem());
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

    @Descriptor("Solve a problem: prints progress and the error against the reference, writes a run directory")
    public void solve(@Descriptor("problem name, see 'problems'") String problem,
            @Descriptor("--set key=value (repeatable), --model/--optimizer/--balance/--sampler NAME, --causal EPS,..., "
                    + "--seed N, --out DIR") String... args) throws Exception {
        Invocation inv = parse(problem, args);
        Problem p = registry.get(Problem.class, inv.problem());
        RunSpec spec = RunSpec.of(inv.problem()).with(inv.settings()).seed(inv.seed()).directory(inv.out());
        System.out.println("Solving " + inv.problem() + " (" + p.description() + ") with "
                + spec.settings().getOrDefault("solver", p.defaults().getOrDefault("solver", "pinn"))
                + ", seed " + inv.seed() + "; run directory " + inv.out());
        ConsoleProgress progress = new ConsoleProgress(System.out, System.console() != null, 5000);
        long start = System.nanoTime();
        try (Solution s = runs.solve(spec, progress)) {
            progress.finishLine();
            System.out.println();
            System.out.printf(Locale.ROOT, "Done in %s.%n", ConsoleProgress.duration((System.nanoTime() - start) / 1e9));
            Table t = new Table().row("METRIC", "VALUE");
            s.metrics().forEach((k, v) -> t.row(k, String.format(Locale.ROOT, "%.3e", v)));
            System.out.print(t.render("  "));
            p.reference().ifPresent(r -> System.out.println("  reference: " + r.source()));
            System.out.println("Run directory: " + inv.out().toAbsolutePath());
        }
    }
}
