package org.ansatz.pinn.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.balance.Balancer;
import org.ansatz.api.run.AtomicFiles;
import org.ansatz.api.run.NumpyFiles;
import org.ansatz.api.sampler.Resampler;

/**
 * Checkpoints of a pinn run: {@code checkpoint-<stage>-<step>.npz} holds the arrays (parameters,
 * optimizer moments or curvature pairs, loss weights, collocation points), {@code checkpoint.json}
 * describes them and holds the rest (stage, step, counters, the plug-ins' scalar state, history).
 * The data file is written first and the description second, each atomically, and only then are
 * older data files deleted: whenever the process dies, {@code checkpoint.json} names a complete file.
 */
final class CheckpointFiles {

    static final String FORMAT = "ansatz-checkpoint/2";
    static final String DESCRIPTION = "checkpoint.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckpointFiles() {
    }

    static void write(Path dir, PinnTrainer.Checkpoint c, PinnTrainer trainer, PinnObjective objective, Causal causal) {
        Map<String, NumpyFiles.Array> arrays = new LinkedHashMap<>();
        StateCodec codec = new StateCodec(arrays);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("stage", c.stage());
        root.put("stageIndex", c.stageIndex());
        root.put("step", c.step());
        putDouble(root, "loss", c.loss());
        String data = "checkpoint-" + c.stage() + "-" + c.step() + ".npz";
        root.put("data", data);
        root.put("parameters", c.x().length);
        arrays.put("parameters", NumpyFiles.Array.of(c.x()));
        arrays.put("good", NumpyFiles.Array.of(c.good()));
        arrays.put("loss_weights", NumpyFiles.Array.of(trainer.weights()));
        int d = objective.problem().inputs().size();
        double[] points = objective.domainPoints();
        arrays.put("domain_points", NumpyFiles.Array.of(points.clone(), points.length / d, d));
        if (objective.pointWeights() != null) {
            arrays.put("point_weights", NumpyFiles.Array.of(objective.pointWeights()));
        }
        ObjectNode t = root.putObject("trainer");
        putDouble(t, "scale", c.scale());
        t.put("rescues", c.rescues());
        t.put("firstEvaluation", c.firstEvaluation());
        t.put("evaluations", objective.evaluations());
        putDouble(t, "seconds", trainer.seconds());
        if (causal != null) {
            ObjectNode cn = root.putObject("causal");
            cn.put("level", causal.level());
            double[] w = causal.weights();
            if (w != null) {
                arrays.put("causal_weights", NumpyFiles.Array.of(w));
            }
            cn.put("weights", w != null);
        }
        String reason = null;
        try {
            root.set("optimizer", codec.save("optimizer", c.optimizer()));
            if (c.balancer() != null) {
                root.set("balancer", codec.save("balancer", c.balancer()));
            }
            if (c.resampler() != null) {
                root.set("resampler", codec.save("resampler", c.resampler()));
            }
        } catch (StateCodec.NotSaveable e) {
            reason = e.getMessage();
        }
        root.put("resumable", reason == null);
        if (reason != null) {
            root.put("reason", reason);
        }
        ArrayNode history = root.putArray("history");
        for (PinnTrainer.Row r : trainer.history()) {
            ObjectNode row = history.addObject();
            row.put("stage", r.stage());
            row.put("step", r.step());
            row.put("seconds", r.seconds());
            ObjectNode values = row.putObject("values");
            r.values().forEach((k, v) -> putDouble(values, k, v));
        }
        AtomicFiles.write(dir.resolve(data), NumpyFiles.npz(arrays));
        try {
            AtomicFiles.write(dir.resolve(DESCRIPTION), JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "checkpoint-*.{npz,bin}")) {
            for (Path p : old) {
                if (!p.getFileName().toString().equals(data)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // an old checkpoint left behind costs disk space only
        }
    }

    private static void putDouble(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.put(key, Double.toString(v));
        }
    }

    private static double getDouble(JsonNode n) {
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.doubleValue();
    }

    /** A checkpoint read back. */
    record Saved(JsonNode root, Map<String, NumpyFiles.Array> arrays, Path dir) {

        int stageIndex() {
            return root.get("stageIndex").intValue();
        }

        long step() {
            return root.get("step").longValue();
        }

        double loss() {
            return getDouble(root.get("loss"));
        }

        double[] array(String name) {
            NumpyFiles.Array a = arrays.get(name);
            if (a == null) {
                throw new IllegalArgumentException(dir.resolve(root.get("data").asText()) + " has no array " + name);
            }
            return (double[]) a.data();
        }

        /** Puts the saved state into a freshly built trainer; returns where the interrupted stage continues. */
        PinnTrainer.Resume restore(PinnTrainer trainer, PinnObjective objective, Causal causal, Balancer balancer,
                Resampler resampler) {
            double[] x = array("parameters");
            if (x.length != objective.parameters().length) {
                throw new IllegalArgumentException(dir.resolve(DESCRIPTION) + " holds " + x.length + " parameters, the "
                        + "model of this run has " + objective.parameters().length + " (were the settings changed?)");
            }
            int d = objective.problem().inputs().size();
            objective.domainPoints(array("domain_points"), arrays.containsKey("point_weights")
                    ? array("point_weights") : null);
            if (objective.domainPoints().length % d != 0) {
                throw new IllegalArgumentException("domain_points in the checkpoint do not have " + d + " columns");
            }
            JsonNode t = root.get("trainer");
            objective.evaluations(t.get("evaluations").intValue());
            List<PinnTrainer.Row> rows = new ArrayList<>();
            for (JsonNode r : root.get("history")) {
                Map<String, Double> values = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = r.get("values").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    values.put(e.getKey(), getDouble(e.getValue()));
                }
                rows.add(new PinnTrainer.Row(r.get("stage").asText(), r.get("step").longValue(),
                        r.get("seconds").doubleValue(), values));
            }
            trainer.restore(getDouble(t.get("seconds")), rows, array("loss_weights"));
            JsonNode c = root.get("causal");
            if ((c != null) != (causal != null)) {
                throw new IllegalArgumentException("the checkpoint was " + (c == null ? "not " : "")
                        + "written with causal training, this run is " + (causal == null ? "not" : "")
                        + " (were the settings changed?)");
            }
            if (causal != null) {
                causal.restore(c.get("level").intValue(), c.get("weights").booleanValue() ? array("causal_weights")
                        : null);
            }
            StateCodec codec = new StateCodec(arrays);
            if (balancer != null && root.has("balancer")) {
                codec.restore(root.get("balancer"), balancer, "balancer");
            }
            if (resampler != null && root.has("resampler")) {
                codec.restore(root.get("resampler"), resampler, "sampler");
            }
            return new PinnTrainer.Resume(step(), x, array("good"), getDouble(t.get("scale")),
                    t.get("rescues").intValue(), t.get("firstEvaluation").intValue(),
                    optimizer -> codec.restore(root.get("optimizer"), optimizer, "optimizer"));
        }
    }

    /**
     * @throws IllegalArgumentException when the run has no checkpoint, or one that cannot be continued
     *                                  exactly, with the reason
     */
    static Saved read(Path dir) {
        Path description = dir.resolve(DESCRIPTION);
        if (!Files.isRegularFile(description)) {
            throw new IllegalArgumentException("run " + dir + " has no checkpoint to resume from (no " + DESCRIPTION
                    + "; checkpoints are written every checkpoint.every steps)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(description.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + description + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(description + " is not a resumable checkpoint (format "
                    + root.path("format").asText("none") + ", expected " + FORMAT + "; checkpoints of older versions hold "
                    + "only the parameters)");
        }
        if (!root.path("resumable").asBoolean()) {
            throw new IllegalArgumentException("the checkpoint in " + dir + " cannot be resumed exactly: "
                    + root.path("reason").asText());
        }
        Path data = dir.resolve(root.get("data").asText());
        if (!Files.isRegularFile(data)) {
            throw new IllegalArgumentException(description + " names " + data.getFileName() + ", which is missing");
        }
        return new Saved(root, NumpyFiles.readNpz(data), dir);
    }
}
