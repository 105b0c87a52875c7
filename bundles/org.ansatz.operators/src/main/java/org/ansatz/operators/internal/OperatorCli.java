package org.ansatz.operators.internal;

import ai.djl.ndarray.NDManager;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ansatz.api.data.Dataset;
import org.ansatz.api.data.DatasetProvider;
import org.ansatz.api.run.AtomicFiles;
import org.ansatz.api.run.NumpyFiles;
import org.ansatz.api.solver.Progress;
import org.ansatz.datasets.FunctionDataset;

/**
 * What {@code ansatz:train-operator} and {@code ansatz:predict-operator} do, free of OSGi types: datasets
 * come from a name lookup, tensors from a manager supplier.
 */
final class OperatorCli {

    static final String TRAIN_USAGE = "usage: train-operator --dataset NAME [--model fno|deeponet] [--epochs N] "
            + "[--physics W] [--set key=value]... [--seed N] [--out DIR]   (dataset options as --set dataset.n=1100; "
            + "model options as --set model.width=64)";
    static final String PREDICT_USAGE = "usage: predict-operator --run DIR [--dataset NAME] [--set dataset.key=value]... "
            + "[--n N] [--out FILE.npz]";

    /** Generated datasets are cached here unless {@code dataset.cache} says otherwise. */
    static final String DEFAULT_CACHE = "datasets";
    private static final List<String> FILE_DATASETS = List.of("npz", "pdebench");

    private final Function<String, DatasetProvider> datasets;
    private final Supplier<NDManager> managers;
    private final PrintStream out;

    OperatorCli(Function<String, DatasetProvider> datasets, Supplier<NDManager> managers, PrintStream out) {
        this.datasets = datasets;
        this.managers = managers;
        this.out = out;
    }

    /** A parsed command line: dataset name and options, run settings, seed and directory. */
    record Invocation(String dataset, Map<String, Object> datasetOptions, Map<String, Object> settings, long seed,
            Path out) {
    }

    static Invocation parseTrain(String... args) {
        Map<String, Object> settings = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        String dataset = null;
        long seed = 0;
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected '" + a + "'. " + TRAIN_USAGE);
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(a + " needs a value. " + TRAIN_USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--dataset" -> dataset = v;
                case "--model" -> settings.put("model", v);
                case "--epochs" -> settings.put("epochs", v);
                case "--physics" -> settings.put("physics", v);
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed needs an integer, got '" + v + "'");
                    }
                }
                case "--out" -> dir = Paths.get(v);
                case "--set" -> {
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--set needs key=value, got '" + v + "'");
                    }
                    String key = v.substring(0, eq).trim();
                    String value = v.substring(eq + 1).trim();
                    if (key.startsWith("dataset.")) {
                        data.put(key.substring("dataset.".length()), value);
                    } else {
                        settings.put(key, value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'. " + TRAIN_USAGE);
            }
        }
        if (dataset == null) {
            throw new IllegalArgumentException("--dataset is required. " + TRAIN_USAGE);
        }
        if (!FILE_DATASETS.contains(dataset)) {
            data.putIfAbsent("cache", DEFAULT_CACHE);
        }
        if (dir == null) {
            dir = Paths.get("runs", "operator-" + dataset + "-" + settings.getOrDefault("model", "fno") + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        return new Invocation(dataset, data, settings, seed, dir);
    }

    Map<String, Double> train(Invocation inv, Progress progress) {
        FunctionDataset data = open(inv.dataset(), inv.datasetOptions());
        out.printf(Locale.ROOT, "train-operator %s on %s (%d functions on %s), seed %d -> %s%n",
                inv.settings().getOrDefault("model", "fno"), inv.dataset(), data.size(),
                OperatorTrainer.shape(data.sampleShape()), inv.seed(), inv.out());
        Map<String, Double> metrics = new OperatorTrainer(managers).train(data, inv.dataset(), inv.datasetOptions(),
                inv.settings(), inv.seed(), inv.out(), progress);
        metrics.forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %.6g%n", k, v));
        out.println("run directory: " + inv.out().toAbsolutePath());
        return metrics;
    }

    FunctionDataset open(String name, Map<String, Object> options) {
        Dataset d = datasets.apply(name).open(options);
        if (!(d instanceof FunctionDataset f)) {
            throw new IllegalArgumentException("dataset '" + name + "' holds no function pairs on a grid (it is a "
                    + d.getClass().getSimpleName() + " with fields " + d.schema().fields().keySet() + ")");
        }
        return f;
    }

    /** Predicts held-out functions of a run's dataset (or another one), with errors and timing. */
    Map<String, Double> predict(String... args) {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!List.of("--run", "--dataset", "--set", "--n", "--out").contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected '" + args[i] + "'. " + PREDICT_USAGE);
            }
            String v = args[++i];
            if (args[i - 1].equals("--set")) {
                int eq = v.indexOf('=');
                if (eq <= 0 || !v.startsWith("dataset.")) {
                    throw new IllegalArgumentException("--set takes dataset.key=value here, got '" + v + "'");
                }
                data.put(v.substring(8, eq).trim(), v.substring(eq + 1).trim());
            } else {
                opts.put(args[i - 1], v);
            }
        }
        if (!opts.containsKey("--run")) {
            throw new IllegalArgumentException(PREDICT_USAGE);
        }
        Path dir = Paths.get(opts.get("--run"));
        Properties spec = RunFiles.readSpec(dir);
        String name = opts.getOrDefault("--dataset", spec.getProperty("dataset"));
        if (!opts.containsKey("--dataset")) {
            spec.stringPropertyNames().stream().filter(k -> k.startsWith("dataset.option."))
                    .forEach(k -> data.putIfAbsent(k.substring("dataset.option.".length()), spec.getProperty(k)));
        }
        FunctionDataset d = open(name, data);
        int test = Integer.parseInt(spec.getProperty("setting.test", "100").trim());
        int count = opts.containsKey("--n") ? parsePositive(opts.get("--n"), "--n") : Math.min(test, (int) d.size());
        if (count > d.size()) {
            throw new IllegalArgumentException("--n " + count + " but the dataset has " + d.size() + " functions");
        }
        int[] shape = d.sampleShape();
        int size = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        int first = (int) d.size() - count;
        double[] a = new double[count * size];
        double[] u = new double[count * size];
        for (int i = 0; i < count; i++) {
            System.arraycopy(d.sample(d.inputField(), first + i), 0, a, i * size, size);
            System.arraycopy(d.sample(d.outputField(), first + i), 0, u, i * size, size);
        }
        Map<String, Double> metrics = new TreeMap<>();
        try (NDManager m = managers.get(); TrainedOperator op = TrainedOperator.open(dir, m)) {
            // the first pass warms up the engine's kernels for these shapes
            op.predict(a, count, shape, 100);
            long t0 = System.nanoTime();
            double[] p = op.predict(a, count, shape, 100);
            double ms = (System.nanoTime() - t0) / 1e6 / count;
            double[] err = new double[count];
            double sum = 0;
            for (int i = 0; i < count; i++) {
                double num = 0, den = 0;
                for (int j = i * size; j < (i + 1) * size; j++) {
                    num += (p[j] - u[j]) * (p[j] - u[j]);
                    den += u[j] * u[j];
                }
                err[i] = Math.sqrt(num / den);
                sum += err[i];
            }
            metrics.put("rel-l2", sum / count);
            metrics.put("predict-ms-per-function", ms);
            d.solver().ifPresent(solver -> {
                int k = Math.min(count, 5);
                long s0 = System.nanoTime();
                for (int i = 0; i < k; i++) {
                    solver.apply(Arrays.copyOfRange(a, i * size, (i + 1) * size));
                }
                double sms = (System.nanoTime() - s0) / 1e6 / k;
                metrics.put("solver-ms-per-function", sms);
                metrics.put("speedup", sms / ms);
            });
            out.printf(Locale.ROOT, "predict-operator: %s run %s on %d functions of %s at %s%n", op.kind(), dir, count,
                    name, OperatorTrainer.shape(shape));
            metrics.forEach((k, v) -> out.printf(Locale.ROOT, "  %-26s %.6g%n", k, v));
            if (opts.containsKey("--out")) {
                int[] full = new int[shape.length + 1];
                full[0] = count;
                System.arraycopy(shape, 0, full, 1, shape.length);
                Map<String, NumpyFiles.Array> arrays = new LinkedHashMap<>();
                arrays.put(d.inputField(), NumpyFiles.Array.of(a, full));
                arrays.put(d.outputField(), NumpyFiles.Array.of(u, full.clone()));
                arrays.put("prediction", NumpyFiles.Array.of(p, full.clone()));
                arrays.put("rel_l2", NumpyFiles.Array.of(err));
                Path file = Paths.get(opts.get("--out"));
                AtomicFiles.write(file, NumpyFiles.npz(arrays));
                out.println("  wrote " + file.toAbsolutePath());
            }
        }
        return metrics;
    }

    private static int parsePositive(String v, String name) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a positive integer, got '" + v + "'");
        }
    }
}
