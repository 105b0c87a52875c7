package org.ansatz.operators.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.ansatz.api.run.AtomicFiles;
import org.ansatz.api.run.NumpyFiles;
import org.ansatz.datasets.FunctionDataset;

/**
 * An operator run's directory, every file written atomically:
 *
 * <pre>
 * operator.properties   what the run was: model and options, grid, dataset, settings, seed, scaling
 * checkpoint.npz        params, adam_m, adam_v (float64), adam_steps, epoch, seconds; history.csv lines
 * model.npz             params (float64), scaling (in_mean, in_std, out_mean, out_std)
 * history.csv           per epoch: loss, data and physics parts, held-out error, learning rate, seconds
 * metrics.json          final metrics and the run's state (finished or cancelled)
 * prediction.png        the first held-out function: input, reference and prediction
 * </pre>
 */
final class RunFiles {

    static final String SPEC = "operator.properties";

    private final Path dir;

    RunFiles(Path dir) {
        this.dir = dir;
    }

    Path checkpoint() {
        return dir.resolve("checkpoint.npz");
    }

    record Checkpoint(double[] params, double[] m, double[] v, long steps, int epoch, List<String> history,
            double seconds) {
    }

    void writeSpec(String dataset, Map<String, ?> datasetOptions, FunctionDataset data, TrainSettings s, Map<String, ?> settings,
            Nets.Blueprint b, long seed, double[] in, double[] out, OperatorTrainer.Physics physics) {
        Properties p = new Properties();
        p.setProperty("model", b.kind());
        b.effectiveOptions().forEach((k, v) -> p.setProperty("model." + k, String.valueOf(v)));
        p.setProperty("train.shape", join(b.trainShape()));
        p.setProperty("periodic", Boolean.toString(b.periodic()));
        p.setProperty("time", Double.toString(b.time()));
        p.setProperty("dtype", b.float64() ? "float64" : "float32");
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("mask", Boolean.toString(physics.mask()));
        p.setProperty("dataset", dataset);
        datasetOptions.forEach((k, v) -> p.setProperty("dataset.option." + k, String.valueOf(v)));
        p.setProperty("dataset.equation", data.equation());
        p.setProperty("dataset.shape", join(data.sampleShape()));
        data.parameters().forEach((k, v) -> p.setProperty("dataset.parameter." + k, Double.toString(v)));
        settings.forEach((k, v) -> p.setProperty("setting." + k, String.valueOf(v)));
        p.setProperty("scaling", in[0] + "," + in[1] + "," + out[0] + "," + out[1]);
        StringWriter w = new StringWriter();
        try {
            p.store(w, "Ansatz operator run");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // one entry per line: sorted, the file is stable and diffable
        List<String> lines = w.toString().lines().toList();
        String text = lines.stream().filter(l -> l.startsWith("#")).collect(java.util.stream.Collectors.joining("\n"))
                + "\n" + lines.stream().filter(l -> !l.startsWith("#")).sorted()
                        .collect(java.util.stream.Collectors.joining("\n")) + "\n";
        AtomicFiles.write(dir.resolve(SPEC), text);
    }

    static Properties readSpec(Path dir) {
        Path f = dir.resolve(SPEC);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("no operator run in " + dir.toAbsolutePath() + " (no " + SPEC + ")");
        }
        Properties p = new Properties();
        try (Reader r = new StringReader(Files.readString(f))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        return p;
    }

    void writeCheckpoint(Checkpoint c) {
        Map<String, NumpyFiles.Array> a = new LinkedHashMap<>();
        a.put("params", NumpyFiles.Array.of(c.params()));
        a.put("adam_m", NumpyFiles.Array.of(c.m()));
        a.put("adam_v", NumpyFiles.Array.of(c.v()));
        a.put("adam_steps", new NumpyFiles.Array("<i8", new int[0], new long[] {c.steps()}));
        a.put("epoch", new NumpyFiles.Array("<i8", new int[0], new long[] {c.epoch()}));
        a.put("seconds", new NumpyFiles.Array("<f8", new int[0], new double[] {c.seconds()}));
        AtomicFiles.write(checkpoint(), NumpyFiles.npz(a));
        writeHistory(c.history());
    }

    Checkpoint readCheckpoint() {
        Map<String, NumpyFiles.Array> a = NumpyFiles.readNpz(checkpoint());
        for (String k : List.of("params", "adam_m", "adam_v", "adam_steps", "epoch", "seconds")) {
            if (!a.containsKey(k)) {
                throw new IllegalArgumentException(checkpoint() + " has no '" + k + "': not an operator checkpoint");
            }
        }
        List<String> history;
        try {
            Path h = dir.resolve("history.csv");
            history = Files.isRegularFile(h) ? Files.readAllLines(h) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int epoch = (int) a.get("epoch").doubles()[0];
        // the history may be ahead of the checkpoint: keep the header and the epochs the checkpoint holds
        List<String> kept = history.isEmpty() ? List.of() : history.subList(0, Math.min(history.size(), epoch + 1));
        return new Checkpoint(a.get("params").doubles(), a.get("adam_m").doubles(), a.get("adam_v").doubles(),
                (long) a.get("adam_steps").doubles()[0], epoch, kept, a.get("seconds").doubles()[0]);
    }

    void writeHistory(List<String> lines) {
        AtomicFiles.write(dir.resolve("history.csv"), String.join("\n", lines) + "\n");
    }

    void writeModel(double[] params, double[] in, double[] out) {
        Map<String, NumpyFiles.Array> a = new LinkedHashMap<>();
        a.put("params", NumpyFiles.Array.of(params));
        a.put("scaling", NumpyFiles.Array.of(new double[] {in[0], in[1], out[0], out[1]}));
        AtomicFiles.write(dir.resolve("model.npz"), NumpyFiles.npz(a));
    }

    void writeMetrics(Map<String, Double> metrics, String state) {
        StringBuilder b = new StringBuilder("{\n  \"state\": \"").append(state).append("\"");
        new TreeMap<>(metrics).forEach((k, v) -> b.append(",\n  \"").append(k).append("\": ")
                .append(Double.isFinite(v) ? Double.toString(v) : "null"));
        AtomicFiles.write(dir.resolve("metrics.json"), b.append("\n}\n").toString());
    }

    static String join(int[] v) {
        return String.join(",", Arrays.stream(v).mapToObj(Integer::toString).toList());
    }

    static int[] ints(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
