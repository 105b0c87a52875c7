package org.ansatz.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.ansatz.bench.report.Results;
import org.ansatz.bench.report.Table;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;

/** What every case needs: options, the engine (started on first use), the baselines, the results. */
public final class Context {

    private final Options options;
    private final Path repo;
    private final PythonBaseline python;
    private final Results results;
    private DjlTensorEngine engine;

    public Context(Options options, Path repo, PythonBaseline python, Results results) {
        this.options = options;
        this.repo = repo;
        this.python = python;
        this.results = results;
    }

    public Options options() {
        return options;
    }

    public Path repo() {
        return repo;
    }

    public PythonBaseline python() {
        return python;
    }

    public Results results() {
        return results;
    }

    public int threads() {
        return options.threads();
    }

    /** Registers a table and notes the thread pinning and the baseline's availability under it. */
    public Table table(Table table) {
        Table t = results.table(table);
        python.unavailable().ifPresent(t::note);
        return t;
    }

    /** One intra-op pool of {@link #threads()} and one inter-op thread, as the baselines pin them. */
    public synchronized DjlTensorEngine engine() {
        if (engine == null) {
            engine = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, threads(), 1));
        }
        return engine;
    }

    public void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
        System.out.flush();
    }
}
