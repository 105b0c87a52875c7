package org.ansatz.bench.cases;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the time-to-accuracy case reads back from a run directory of {@code ansatz solve}: the final
 * relative L2 error (metrics.json), the solver's own seconds (status.json) and where training stopped
 * (last row of history.csv).
 *
 * @param relL2     final relative L2 error against the reference
 * @param seconds   solver seconds from status.json, NaN when absent
 * @param lastStage stage of the last history row ("" when there is none)
 * @param lastStep  step of that row (-1 when there is none)
 */
public record RunMetrics(double relL2, double seconds, String lastStage, int lastStep) {

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
        return new RunMetrics(m.get("rel-l2").getAsDouble(), seconds, stage, step);
    }
}
