package org.ansatz.kernel.internal.run;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.run.AtomicFiles;
import org.ansatz.api.run.RunSpec;
import org.ansatz.api.run.Runs;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.ansatz.api.solver.Solver;

/** {@link Runs} over a method registry. Free of OSGi types: the DS component and Guice both wrap it. */
public final class RunService implements Runs {

    static final String DEFAULT_SOLVER = "pinn";

    private final MethodRegistry registry;

    public RunService(MethodRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Solution solve(RunSpec spec, Progress progress) {
        Problem problem = spec.problem() != null ? spec.problem() : registry.get(Problem.class, spec.problemName());
        Map<String, Object> settings = new LinkedHashMap<>(problem.defaults());
        settings.putAll(spec.settings());
        String solverName = String.valueOf(settings.getOrDefault("solver", DEFAULT_SOLVER)).trim();
        Solver solver = registry.get(Solver.class, solverName);
        if (!solver.supports(problem)) {
            throw new IllegalArgumentException("solver '" + solverName + "' cannot solve problem '" + spec.problemName() + "'");
        }
        Path dir = directory(spec);
        Properties run = new Properties();
        run.setProperty("problem", spec.problemName());
        run.setProperty("solver", solverName);
        run.setProperty("seed", Long.toString(spec.seed()));
        StringWriter text = new StringWriter();
        try {
            run.store(text, "Ansatz run: what ansatz:predict needs to reopen it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(dir.resolve(RUN_FILE), text.toString());
        return solver.solve(new SolveRequest(problem, settings, spec.seed(), dir), progress);
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
        return open(runDirectory, registry.get(Problem.class, r.problem()));
    }

    @Override
    public Solution open(Path runDirectory, Problem problem) {
        RunRecord r = record(runDirectory);
        return registry.get(Solver.class, r.solver()).load(problem, runDirectory);
    }

    @Override
    public RunRecord record(Path runDirectory) {
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
}
