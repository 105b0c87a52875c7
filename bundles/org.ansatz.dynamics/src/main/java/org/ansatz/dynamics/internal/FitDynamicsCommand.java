package org.ansatz.dynamics.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.DynamicsLearner;
import org.ansatz.api.dynamics.FitRequest.FitProgress;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code ansatz:fit-dynamics}. Gogo maps command names to method names and a Java method cannot be
 * called {@code fit-dynamics}, so the command is a Gogo {@link Function}, which Gogo calls directly.
 */
@Component(service = Function.class, property = {
    "osgi.command.scope=ansatz",
    "osgi.command.function=fit-dynamics"
})
public class FitDynamicsCommand implements Function {

    static final String USAGE = "usage: fit-dynamics --system NAME --model NAME [--set key=value]... [--seed N] "
            + "[--out DIR]   |   fit-dynamics --list   (systems, models, integrators)";

    @Reference
    MethodRegistry registry;

    public FitDynamicsCommand() {
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) {
        String[] args = arguments.stream().map(String::valueOf).toArray(String[]::new);
        if (args.length == 1 && ("--list".equals(args[0]) || "--help".equals(args[0]))) {
            if ("--help".equals(args[0])) {
                System.out.println(USAGE);
            }
            list();
            return null;
        }
        fitDynamics(args);
        return null;
    }

    /** Registered systems, models and integrators with their descriptions. */
    public void list() {
        for (MethodKind kind : List.of(MethodKind.SYSTEM, MethodKind.LEARNER, MethodKind.INTEGRATOR)) {
            System.out.println((kind == MethodKind.LEARNER ? "model" : kind.label()) + "s:");
            for (MethodDescriptor m : registry.methods(kind)) {
                System.out.printf(Locale.ROOT, "  %-16s %s%n", m.name(), m.description());
            }
        }
    }

    /** Learns a system's dynamics from generated trajectories and forecasts fresh initial states. */
    public void fitDynamics(String... args) {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, Object> settings = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length || !a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected '" + a + "'. " + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--system", "--model", "--seed", "--out" -> opts.put(a, v);
                case "--set" -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--set needs key=value, got '" + v + "'");
                    }
                    settings.put(v.substring(0, eq).trim(), v.substring(eq + 1).trim());
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'. " + USAGE);
            }
        }
        String systemName = opts.get("--system");
        String modelName = opts.get("--model");
        if (systemName == null || modelName == null) {
            throw new IllegalArgumentException(USAGE);
        }
        // Unknown names get the registry's message: the nearest name and the available ones.
        DynamicalSystem system = registry.get(DynamicalSystem.class, systemName);
        DynamicsLearner learner = registry.get(DynamicsLearner.class, modelName);
        long seed;
        try {
            seed = Long.parseLong(opts.getOrDefault("--seed", "1"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be an integer, got '" + opts.get("--seed") + "'");
        }
        Path out = opts.containsKey("--out") ? Paths.get(opts.get("--out"))
                : Paths.get("runs", systemName + "-" + modelName + "-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        System.out.println("fit-dynamics " + systemName + " with " + modelName + " (seed " + seed + ") -> " + out);
        DynamicsRun.Result r = DynamicsRun.run(systemName, system, modelName, learner, settings, seed, out,
                new ProgressPrinter());
        r.metrics().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-30s %.6g%n", k, v));
        System.out.println("run directory: " + out.toAbsolutePath());
    }

    /** One line per report with loss, rate and ETA. */
    static final class ProgressPrinter implements java.util.function.Consumer<FitProgress> {
        private final long start = System.nanoTime();

        @Override
        public void accept(FitProgress p) {
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = seconds > 0 ? p.step() / seconds : 0;
            String eta = rate > 0 ? duration((p.totalSteps() - p.step()) / rate) : "?";
            if (p.step() % Math.max(1, p.totalSteps() / 10) == 0 || p.step() == p.totalSteps() || p.step() == 1) {
                System.out.printf(Locale.ROOT, "  step %d/%d  loss %.4g  | %.1f steps/s  ETA %s%n", p.step(),
                        p.totalSteps(), p.loss(), rate, eta);
            }
        }

        static String duration(double s) {
            long t = Math.round(s);
            return t >= 60 ? (t / 60) + "m" + String.format(Locale.ROOT, "%02d", t % 60) + "s" : t + "s";
        }
    }
}
