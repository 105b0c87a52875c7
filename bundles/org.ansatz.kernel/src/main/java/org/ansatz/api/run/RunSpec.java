package org.ansatz.api.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ansatz.api.problem.Problem;

/**
 * What to run: a problem (registered, by name, or a host's own instance), settings that override the
 * problem's defaults (flat dotted keys as with {@code --set}), a seed and a run directory.
 *
 * <pre>
 * RunSpec spec = RunSpec.of("burgers").with("adam.steps", 2000).seed(1).directory(Path.of("runs/b1"));
 * </pre>
 *
 * @param problemName the name the run directory records (a registered problem's {@code ansatz.name})
 * @param problem     the host's own problem, or {@code null} to look {@code problemName} up in the registry
 * @param settings    the run's settings; {@code solver} picks the solver (default {@code pinn})
 * @param seed        the seed every random choice of the run derives from
 * @param directory   where the run writes its outputs, or {@code null} for {@code runs/<name>-<time>}
 */
public record RunSpec(String problemName, Problem problem, Map<String, Object> settings, long seed, Path directory) {

    public RunSpec {
        Objects.requireNonNull(problemName, "problemName");
        if (problemName.isBlank()) {
            throw new IllegalArgumentException("a run needs a problem name");
        }
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A run of the registered problem with this name, seed 0, its default settings. */
    public static RunSpec of(String problemName) {
        return new RunSpec(problemName, null, Map.of(), 0, null);
    }

    /** A run of the host's own problem, recorded under {@code name}. */
    public static RunSpec of(String name, Problem problem) {
        return new RunSpec(name, Objects.requireNonNull(problem, "problem"), Map.of(), 0, null);
    }

    /** This spec with one more setting (a later value for the same key wins). */
    public RunSpec with(String key, Object value) {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return new RunSpec(problemName, problem, s, seed, directory);
    }

    /** This spec with more settings. */
    public RunSpec with(Map<String, ?> more) {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.putAll(more);
        return new RunSpec(problemName, problem, s, seed, directory);
    }

    public RunSpec seed(long seed) {
        return new RunSpec(problemName, problem, settings, seed, directory);
    }

    public RunSpec directory(Path directory) {
        return new RunSpec(problemName, problem, settings, seed, directory);
    }
}
