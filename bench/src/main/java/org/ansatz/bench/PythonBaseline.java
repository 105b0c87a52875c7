package org.ansatz.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the PyTorch scripts in {@code bench/baselines} with the interpreter that has torch: Debian's
 * python3-torch installs into /usr/bin/python3, which a pyenv or venv python3 on the PATH would hide;
 * {@code ANSATZ_PYTHON} overrides. Availability is probed once, so a missing torch is reported once
 * with the reason and every baseline is then skipped.
 */
public final class PythonBaseline {

    private final String python;
    private final Path scripts;
    private final String unavailable;
    private final String torchVersion;

    PythonBaseline(String python, Path scripts) {
        this.python = python;
        this.scripts = scripts;
        String probe;
        String version = null;
        try {
            Processes.Result r = Processes.run(List.of(python, "-c", "import torch; print(torch.__version__)"));
            if (r.exit() == 0) {
                probe = null;
                version = r.lastLine();
            } else {
                probe = python + " cannot import torch (" + r.lastLine() + ")";
            }
        } catch (IOException e) {
            probe = python + " not found (" + e.getMessage() + ")";
        }
        this.unavailable = probe == null ? null
                : probe + "; PyTorch baselines skipped (Debian: apt-get install python3-torch, or set ANSATZ_PYTHON)";
        this.torchVersion = version;
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
            Processes.Result r = Processes.run(cmd);
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
