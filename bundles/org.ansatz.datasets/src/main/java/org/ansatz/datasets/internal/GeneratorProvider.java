package org.ansatz.datasets.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.function.IntConsumer;
import org.ansatz.api.data.DatasetProvider;
import org.ansatz.api.method.Options;
import org.ansatz.datasets.FunctionDataset;

/**
 * A generated dataset family as a {@link DatasetProvider}. Options: {@code n} (samples, default 100),
 * {@code resolution}, {@code seed} (default 0), {@code cache} (a directory: reuse a cached set with
 * at least {@code n} samples, or write the new one there), {@code threads} (default 1), and the
 * generator's own parameters. Unknown options are rejected by name.
 */
public abstract class GeneratorProvider implements DatasetProvider {

    /** What a request produced and where it is stored, if anywhere. */
    record Result(FunctionData data, Path file, boolean cached) {
    }

    abstract Generator generator();

    @Override
    public FunctionDataset open(Map<String, Object> options) {
        return new ArrayDataset(load(options, null).data());
    }

    Result load(Map<String, Object> options, IntConsumer progress) {
        Generator g = generator();
        Options o = new Options(options);
        int n = o.integer("n", 100, 1);
        int resolution = o.integer("resolution", g.defaultResolution(), 1);
        long seed = o.integer("seed", 0, 0);
        String cache = o.string("cache", null);
        int threads = o.integer("threads", 1, 1);
        Map<String, Double> p = g.parameters(o, resolution);
        o.checkAllRead("dataset " + g.name());
        g.checkResolution(resolution);
        if (cache != null) {
            Path dir = Paths.get(cache);
            var hit = DatasetFiles.find(dir, g.name(), resolution, seed, p, n);
            if (hit.isPresent()) {
                FunctionData d = DatasetFiles.read(hit.get(), n);
                return new Result(new FunctionData(d.equation(), d.parameters(), d.grid(), d.periodic(),
                        d.inputName(), d.outputName(), d.inputs(), d.outputs(), d.seed(), g.solver(resolution, p)),
                        hit.get(), true);
            }
        }
        FunctionData d = g.generate(n, resolution, seed, p, threads, progress);
        Path file = null;
        if (cache != null) {
            file = DatasetFiles.file(Paths.get(cache), g.name(), resolution, seed, p, n);
            DatasetFiles.write(file, d);
        }
        return new Result(d, file, false);
    }
}
