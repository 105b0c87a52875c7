package org.ansatz.api.run;

import java.nio.file.Path;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads run spec files (YAML or JSON: problem or an inline PDE, model, sampler, balancing, optimizer
 * stages, budget, seed, dtype, outputs) and writes the effective spec of a run. Registered as a
 * service by the bundle that parses them; {@link Runs#read} and {@link Runs#resume} use it.
 */
@ConsumerType
public interface RunSpecReader {

    /** Name of the effective spec a run directory holds. */
    String EFFECTIVE_SPEC = "run.yaml";

    /**
     * @param file      a {@code .yaml}, {@code .yml} or {@code .json} file
     * @param overrides dotted keys with values, applied over the file's values as {@code --set} does
     *                  (e.g. {@code model.layers=32,32}, {@code adam.steps=500}, {@code seed=3})
     * @throws IllegalArgumentException naming the file and the key's path, e.g.
     *                                  {@code model.layers[2]: expected an integer, got "x"}
     */
    RunSpec read(Path file, Map<String, String> overrides);

    /**
     * Writes {@value #EFFECTIVE_SPEC} to the run directory: the whole spec with every override
     * applied, so that the run can be repeated from it and resumed.
     *
     * @param settings the effective flat settings (the problem's defaults overridden by the spec's)
     */
    void write(RunSpec spec, Map<String, Object> settings, Path runDirectory);
}
