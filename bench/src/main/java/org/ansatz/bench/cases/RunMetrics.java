package org.ansatz.bench.cases;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the time-to-accuracy and accuracy cases read back from a run directory of {@code ansatz solve}: the
 * final relative L2 error and recovered unknowns (metrics.json), the solver's own seconds (status.json) and
 * where training stopped (last row of history.csv).
 *
 * @param relL2     final relative L2 error against the reference
 * @param seconds   solver seconds from status.json, NaN when absent
 * @param lastStage stage of the last history row ("" when there is none)
 * @param lastStep  step of that row (-1 when there is none)
 * @param unknowns  each recovered unknown of an inverse problem ({@code unknown.NAME}) with its relative
 *                  error ({@code unknown.NAME.rel-error}), in the file's order; empty for forward problems
 */
public record RunMetrics(double relL2, double seconds, String lastStage, int lastStep,
        Map<String, double[]> unknowns) {

    public RunMetrics {
        unknowns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unknowns));
    }

    public static RunMetrics read(Path runDirectory) throws IOException {
        Path metrics = runDirectory.resolve("metrics.json");
        if (!Files.isRegularFile(metrics)) {
            throw new IOException("no metrics.json in " + runDirectory);
        }
        JsonObject m = JsonParser.parseString(Files.readString(metrics)).getAsJsonObject();
        if (!m.has("rel-l2")) {
            throw new IOException("metrics.json has no rel-l2: " + m.keySet());
        }
        double seconds = Double.NaN;
        Path status = runDirectory.resolve("status.json");
        if (Files.isRegularFile(status)) {
            JsonObject s = JsonParser.parseString(Files.readString(status)).getAsJsonObject();
            if (s.has("seconds")) {
                seconds = s.get("seconds").getAsDouble();
            }
        }
        String stage = "";
        int step = -1;
        Path history = runDirectory.resolve("history.csv");
        if (Files.isRegularFile(history)) {
            List<String> rows = Files.readAllLines(history);
            if (rows.size() > 1) {
                List<String> header = List.of(rows.get(0).split(","));
                String[] last = rows.get(rows.size() - 1).split(",", -1);
                int stageCol = header.indexOf("stage");
                int stepCol = header.indexOf("step");
                stage = stageCol >= 0 ? last[stageCol] : "";
                step = stepCol >= 0 ? Integer.parseInt(last[stepCol]) : -1;
            }
        }
        Map<String, double[]> unknowns = new LinkedHashMap<>();
        for (String key : m.keySet()) {
            String name = key.startsWith("unknown.") ? key.substring("unknown.".length()) : "";
            if (!name.isEmpty() && !name.contains(".") && m.has(key + ".rel-error")) {
                unknowns.put(name, new double[] {m.get(key).getAsDouble(), m.get(key + ".rel-error").getAsDouble()});
            }
        }
        return new RunMetrics(m.get("rel-l2").getAsDouble(), seconds, stage, step, unknowns);
    }
}
