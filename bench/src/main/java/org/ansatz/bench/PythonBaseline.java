package org.ansatz.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the PyTorch scripts in {@code bench/baselines} with the interpreter that has torch: Debian's
 * python3-torch installs into /usr/bin/python3, which a pyenv or venv python3 on the PATH would hide;
 * {@code ANSATZ_PYTHON} overrides. Availability is probed once, so a missing torch is reported once
 * with the reason and every baseline is then skipped.
 *
 * <p>Debian's torch does its matrix products through whatever {@code libblas.so.3} the system provides:
 * the reference BLAS when the package was installed without its recommendations, OpenBLAS (pthreads)
 * otherwise, and the two differ about fifteenfold on the tall-skinny products of a PINN. OpenBLAS keeps
 * its own thread pool beside torch's OpenMP pool, and with both on two cores the steps became erratic
 * (a median of 178 ms, range 50-919 ms, for the 10 000-point Burgers step) while one BLAS thread gave
 * 37 ms (30-73). The baselines therefore run with {@code OPENBLAS_NUM_THREADS=1} unless the environment
 * sets it, and the probe records which BLAS library torch actually loaded, for the report.
 */
public final class PythonBaseline {

    private final String python;
    private final Path scripts;
    private final String unavailable;
    private final String torchVersion;
    private final String blas;

    /** Environment of every baseline process: the BLAS thread setting above. */
    private static final Map<String, String> ENV = environmentOfBaselines();

    private static Map<String, String> environmentOfBaselines() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("OPENBLAS_NUM_THREADS", System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "1"));
        // bench/run shortens OpenMP's spin-wait for the Java side (see there); the baselines keep torch's
        // default unless the user set it.
        if ("1".equals(System.getenv("ANSATZ_GOMP_SPINCOUNT_SET"))) {
            env.put("GOMP_SPINCOUNT", null);
        }
        return java.util.Collections.unmodifiableMap(env);
    }

    /** Prints torch's version, then the BLAS library mapped after a matrix product (or "unknown"). */
    private static final String PROBE = String.join("\n",
            "import torch",
            "torch.ones(64, 64) @ torch.ones(64, 64)",
            "print(torch.__version__)",
            "libs = sorted({l.split()[-1] for l in open('/proc/self/maps')",
            "               if any(k in l for k in ('blas', 'mkl', 'blis', 'atlas'))})",
            "print(', '.join(libs) or 'unknown')");

    PythonBaseline(String python, Path scripts) {
        this.python = python;
        this.scripts = scripts;
        String probe;
        String version = null;
        String library = null;
        try {
            Processes.Result r = Processes.run(List.of(python, "-c", PROBE), null, ENV);
            List<String> lines = r.output().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (r.exit() == 0 && lines.size() >= 2) {
                probe = null;
                version = lines.get(lines.size() - 2);
                library = lines.get(lines.size() - 1);
            } else {
                probe = python + " cannot import torch (" + r.lastLine() + ")";
            }
        } catch (IOException e) {
            probe = python + " not found (" + e.getMessage() + ")";
        }
        this.unavailable = probe == null ? null
                : probe + "; PyTorch baselines skipped (Debian: apt-get install python3-torch, or set ANSATZ_PYTHON)";
        this.torchVersion = version;
        this.blas = library;
    }

    static PythonBaseline locate(Path scripts) {
        String python = System.getenv().getOrDefault("ANSATZ_PYTHON",
                Files.isExecutable(Paths.get("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
        return new PythonBaseline(python, scripts);
    }

    public String python() {
        return python;
    }

    /** Why baselines are skipped, or empty when torch is importable. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    public String torchVersion() {
        return torchVersion == null ? "n/a" : torchVersion;
    }

    /** The BLAS the baseline's torch loaded and its thread setting, for report headers. */
    public String blas() {
        return blas == null ? "n/a" : blas + " with OPENBLAS_NUM_THREADS=" + ENV.get("OPENBLAS_NUM_THREADS");
    }

    /** The environment the baselines run in (also for start-up timings of the interpreter). */
    public Map<String, String> environment() {
        return ENV;
    }

    /**
     * Runs {@code script} with {@code args} and returns the JSON object it prints last.
     *
     * @throws BaselineException when torch is missing or the script fails, with the reason
     */
    public JsonObject run(String script, List<String> args) throws BaselineException {
        if (unavailable != null) {
            throw new BaselineException(unavailable);
        }
        List<String> cmd = new ArrayList<>(List.of(python, scripts.resolve(script).toString()));
        cmd.addAll(args);
        try {
            Processes.Result r = Processes.run(cmd, null, ENV);
            if (r.exit() != 0) {
                throw new BaselineException(script + " failed: " + r.lastLine());
            }
            JsonObject o = parse(r.output());
            if (o.has("skipped")) {
                throw new BaselineException(o.get("skipped").getAsString());
            }
            return o;
        } catch (IOException e) {
            throw new BaselineException(python + " not runnable: " + e.getMessage());
        }
    }

    /** The last line of the output that is a JSON object (scripts may warn before it). */
    public static JsonObject parse(String output) throws BaselineException {
        List<String> lines = output.lines().map(String::strip).filter(l -> l.startsWith("{")).toList();
        if (lines.isEmpty()) {
            throw new BaselineException("no JSON result in the output: "
                    + new Processes.Result(0, output, 0).lastLine());
        }
        try {
            return JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new BaselineException("unreadable JSON result: " + e.getMessage());
        }
    }

    /** The {@code times_ms} array of a timing result. */
    public static List<Double> times(JsonObject o) throws BaselineException {
        if (!o.has("times_ms") || !o.get("times_ms").isJsonArray()) {
            throw new BaselineException("result has no times_ms: " + o);
        }
        List<Double> t = new ArrayList<>();
        o.getAsJsonArray("times_ms").forEach(e -> t.add(e.getAsDouble()));
        return t;
    }

    /** A baseline that could not produce a number, with the reason to show instead. */
    public static final class BaselineException extends Exception {
        private static final long serialVersionUID = 1L;

        public BaselineException(String message) {
            super(message);
        }
    }
}
