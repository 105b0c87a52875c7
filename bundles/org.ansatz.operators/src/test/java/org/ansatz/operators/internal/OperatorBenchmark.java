package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.datasets.internal.DatasetComponents;
import org.ansatz.datasets.internal.FileComponents;

/**
 * The measurements of docs/operators.md, run by hand (minutes, not a test):
 *
 * <pre>
 * cd bundles/org.ansatz.operators
 * B="org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *    -Dexec.mainClass=org.ansatz.operators.internal.OperatorBenchmark"
 * mvn -o -q test-compile
 * mvn -o -q $B -Dexec.args="spectral threads=2"        # fft vs matmul training steps
 * mvn -o -q $B -Dexec.args="train --dataset burgers ..."  # any train-operator command line
 * mvn -o -q $B -Dexec.args="throughput threads=1 ../../bench/baselines"  # training steps, Java vs PyTorch
 * </pre>
 *
 * {@code threads=N} (first argument after the experiment) sets PyTorch's intra-op threads.
 */
public final class OperatorBenchmark {

    private OperatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String experiment = args.length > 0 ? args[0] : "spectral";
        int threads = 2;
        int first = 1;
        if (args.length > 1 && args[1].startsWith("threads=")) {
            threads = Integer.parseInt(args[1].substring(8));
            first = 2;
        }
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("java.awt.headless", "true");
        String[] rest = Arrays.copyOfRange(args, first, args.length);
        switch (experiment) {
            case "spectral" -> spectral(rest);
            case "train" -> train(rest);
            case "predict" -> predict(rest);
            case "throughput" -> throughput(threads, rest);
            default -> throw new IllegalArgumentException("unknown experiment '" + experiment
                    + "'; known: spectral, train, predict, throughput");
        }
        System.exit(0);
    }

    static OperatorCli cli() {
        Map<String, org.ansatz.api.data.DatasetProvider> providers = new LinkedHashMap<>();
        providers.put("burgers", new DatasetComponents.BurgersDatasets());
        providers.put("darcy", new DatasetComponents.DarcyDatasets());
        providers.put("advection", new DatasetComponents.AdvectionDatasets());
        providers.put("diffusion-reaction", new DatasetComponents.DiffusionReactionDatasets());
        providers.put("npz", new FileComponents.NpzDatasets());
        providers.put("pdebench", new FileComponents.PdeBenchDatasets());
        return new OperatorCli(name -> {
            var p = providers.get(name);
            if (p == null) {
                throw new IllegalArgumentException("unknown dataset '" + name + "'; known: " + providers.keySet());
            }
            return p;
        }, NDManager::newBaseManager, System.out);
    }

    static void train(String... args) {
        cli().train(OperatorCli.parseTrain(args), new ConsoleProgress(System.out, 10_000));
    }

    static void predict(String... args) {
        cli().predict(args);
    }

    /**
     * Median milliseconds per training step (forward, backward, no optimizer) of the same FNO with the
     * FFT and the Fourier-basis spectral convolution, at the Burgers and Darcy sizes, interleaved so
     * that a change in the machine's load hits both alike.
     */
    static void spectral(String... args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        record Case(String name, int dims, long[] shape, String modes, int width) {
        }
        List<Case> cases = List.of(
                new Case("burgers 1D: batch 20, 1024 points, width 64, 16 modes", 1, new long[] {20, 1024, 1}, "16", 64),
                new Case("darcy 2D: batch 20, 85x85, width 32, 12x12 modes", 2, new long[] {20, 85, 85, 1}, "12", 32),
                new Case("darcy 2D: batch 20, 43x43, width 32, 12x12 modes", 2, new long[] {20, 43, 43, 1}, "12", 32));
        for (Case c : cases) {
            double[][] times = new double[2][repeats];
            try (NDManager m = NDManager.newBaseManager()) {
                Fno[] models = new Fno[2];
                for (SpectralConv.Method method : SpectralConv.Method.values()) {
                    Map<String, Object> o = Map.of("dims", Integer.toString(c.dims()), "width", Integer.toString(c.width()),
                            "modes", c.modes(), "spectral", method.name().toLowerCase(Locale.ROOT));
                    models[method.ordinal()] = new Fno(new ModelSpec(1, 1, DataType.FLOAT32, 1, o), m);
                }
                Random r = new Random(1);
                float[] x = new float[(int) new Shape(c.shape()).size()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) r.nextGaussian();
                }
                for (int rep = -3; rep < repeats; rep++) {
                    for (int k = 0; k < 2; k++) {
                        try (NDManager step = m.newSubManager()) {
                            NDArray in = step.create(x, new Shape(c.shape()));
                            long t0 = System.nanoTime();
                            try (GradientCollector gc = step.getEngine().newGradientCollector()) {
                                NDArray out = models[k].forward(in);
                                gc.backward(out.mul(out).mean());
                            }
                            models[k].flat().flat().getGradient().toFloatArray();
                            if (rep >= 0) {
                                times[k][rep] = (System.nanoTime() - t0) / 1e6;
                            }
                        }
                    }
                }
            }
            double fft = median(times[0]);
            double mat = median(times[1]);
            System.out.printf(Locale.ROOT, "%-55s fft %8.2f ms/step   matmul %8.2f ms/step   fft/matmul %.2f%n", c.name(),
                    fft, mat, fft / mat);
        }
    }

    /**
     * Full training steps (forward, backward, Adam) of the Burgers-sized FNO (batch 20, 1024 points,
     * width 64, 16 modes, 4 layers) in Java with both spectral methods, then the same model in PyTorch
     * from Python ({@code fno_burgers.py}, both methods) with the same thread count; rounds alternate so
     * that load changes hit both sides.
     */
    static void throughput(int threads, String... args) throws Exception {
        Path baselines = Path.of(args.length > 0 ? args[0] : "../../bench/baselines");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = 2;
        Map<String, List<Double>> results = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (SpectralConv.Method method : SpectralConv.Method.values()) {
                String name = "java " + method.name().toLowerCase(Locale.ROOT);
                results.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(javaStep(method, repeats));
            }
            for (String spectral : List.of("fft", "matmul")) {
                Double py = python(baselines, threads, repeats, spectral);
                if (py != null) {
                    results.computeIfAbsent("pytorch " + spectral, k -> new java.util.ArrayList<>()).add(py);
                }
            }
        }
        System.out.printf(Locale.ROOT, "FNO 1D training step, batch 20 x 1024 points, width 64, 16 modes, %d thread(s)%n",
                threads);
        results.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-16s median %8.1f ms/step  (rounds: %s)%n", k,
                median(v.stream().mapToDouble(Double::doubleValue).toArray()), v));
        double java = Math.min(median(results.get("java matmul").stream().mapToDouble(Double::doubleValue).toArray()),
                median(results.get("java fft").stream().mapToDouble(Double::doubleValue).toArray()));
        if (results.containsKey("pytorch fft")) {
            double torch = Math.min(median(results.get("pytorch fft").stream().mapToDouble(Double::doubleValue).toArray()),
                    median(results.get("pytorch matmul").stream().mapToDouble(Double::doubleValue).toArray()));
            System.out.printf(Locale.ROOT, "  best Java %.1f ms, best PyTorch %.1f ms: PyTorch/Java = %.2f%n", java, torch,
                    torch / java);
        }
    }

    private static double javaStep(SpectralConv.Method method, int repeats) {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, Object> o = Map.of("dims", "1", "width", "64", "modes", "16",
                    "spectral", method.name().toLowerCase(Locale.ROOT));
            Fno fno = new Fno(new ModelSpec(1, 1, DataType.FLOAT32, 1, o), m);
            Adam adam = new Adam(fno.flat().flat(), 0.9, 0.999, 1e-8, 1e-4);
            Random r = new Random(1);
            float[] x = new float[20 * 1024];
            float[] y = new float[20 * 1024];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
                y[i] = (float) r.nextGaussian();
            }
            double[] times = new double[repeats];
            for (int rep = -3; rep < repeats; rep++) {
                try (NDManager step = m.newSubManager()) {
                    NDArray in = step.create(x, new Shape(20, 1024, 1));
                    NDArray target = step.create(y, new Shape(20, 1024));
                    long t0 = System.nanoTime();
                    try (GradientCollector gc = step.getEngine().newGradientCollector()) {
                        NDArray out = fno.forward(in).squeeze(-1);
                        gc.backward(OperatorTrainer.relativeL2(out, target).mean());
                    }
                    adam.step(1e-3);
                    OperatorTrainer.value(fno.flat().flat().get(0));
                    if (rep >= 0) {
                        times[rep] = (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
            adam.close();
            fno.close();
            return median(times);
        }
    }

    /** Median ms per step of the PyTorch baseline, or null (with the reason printed) when it cannot run. */
    private static Double python(Path baselines, int threads, int repeats, String spectral) throws Exception {
        // Debian's python3-torch installs into the system interpreter, which a pyenv or venv python3 on
        // the PATH does not see.
        String python = System.getenv().getOrDefault("ANSATZ_PYTHON",
                java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
        List<String> cmd = List.of(python, baselines.resolve("fno_burgers.py").toString(), "--threads",
                Integer.toString(threads), "--repeats", Integer.toString(repeats), "--spectral", spectral);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        } catch (java.io.IOException e) {
            System.err.println("PyTorch baseline skipped: " + e.getMessage());
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        java.util.regex.Matcher skipped = java.util.regex.Pattern.compile("\"skipped\": \"([^\"]*)\"").matcher(out);
        if (skipped.find()) {
            System.err.println("PyTorch baseline skipped: " + skipped.group(1));
            return null;
        }
        java.util.regex.Matcher median = java.util.regex.Pattern.compile("\"median_ms\": ([0-9.eE+-]+)").matcher(out);
        if (!median.find()) {
            System.err.println("PyTorch baseline gave no result: " + out);
            return null;
        }
        return Double.parseDouble(median.group(1));
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
