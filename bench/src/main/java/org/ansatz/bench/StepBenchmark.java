package org.ansatz.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.derivative.ReverseModeDerivatives;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.ansatz.models.mlp.internal.Mlp;

/**
 * Per-step cost of PINN residuals plus the backward pass to the weights: Ansatz's Taylor mode, its
 * nested reverse mode, and the same computation in PyTorch from Python (nested torch.autograd.grad),
 * measured in one run on the same machine, as medians and ratios.
 */
public final class StepBenchmark {

    private static final double NU = 0.01 / Math.PI;

    interface Step {
        void run(NDManager m);
    }

    public static void main(String[] args) throws Exception {
        Path baselines = Paths.get(args[0]);
        boolean quick = Arrays.asList(args).contains("--quick");
        int threads = Runtime.getRuntime().availableProcessors();
        int repeats = quick ? 10 : 30;
        DjlTensorEngine engine = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, threads, 1));
        System.out.printf(Locale.ROOT, "PyTorch %s via DJL %s, %d intra-op threads, float32, median of %d steps%n%n",
                engine.engineVersion(), engine.djlVersion(), threads, repeats);

        System.out.println("| case | Ansatz Taylor (ms) | Ansatz nested reverse (ms) | PyTorch nested autograd (ms) | Taylor / PyTorch |");
        System.out.println("|---|---|---|---|---|");
        int[][] sizes = quick ? new int[][] {{2540, 20, 3}, {10000, 20, 8}} : new int[][] {{2540, 20, 3}, {10000, 20, 3}, {10000, 20, 8}};
        for (int[] s : sizes) {
            int n = s[0];
            int width = s[1];
            int depth = s[2];
            try (NDManager base = engine.newManager()) {
                Mlp net = network(base, 2, width, depth);
                NDArray x = base.randomUniform(0, 1, new Shape(n, 2), DataType.FLOAT32);
                DerivativePlan plan = DerivativePlan.of(2, MultiIndex.of(0), MultiIndex.of(1), MultiIndex.of(1, 1));
                double taylor = time(repeats, net, m -> {
                    NDArray xs = copy(x, m);
                    Jet u = net.forward(Jet.input(xs, plan));
                    backward(burgers(u.value(), u.stream(MultiIndex.of(0)), u.stream(MultiIndex.of(1)),
                            u.stream(MultiIndex.of(1, 1))));
                });
                double reverse = time(Math.max(3, repeats / 3), net, m -> {
                    NDArray xs = copy(x, m);
                    NDArray d = ReverseModeDerivatives.compute(net::forward, xs, plan);
                    backward(burgers(d.get(0), d.get(plan.indexOf(MultiIndex.of(0))), d.get(plan.indexOf(MultiIndex.of(1))),
                            d.get(plan.indexOf(MultiIndex.of(1, 1)))));
                });
                Double torch = python(baselines, List.of("burgers", "" + n, "" + width, "" + depth, "" + threads, "" + repeats));
                row(String.format(Locale.ROOT, "Burgers residual + backward, N=%d, %dx%d tanh", n, depth, width),
                        taylor, reverse, torch);
            }
        }

        System.out.println();
        System.out.println("| derivative order k (1D, N=10000, 8x20 tanh) | Ansatz Taylor (ms) | Ansatz nested reverse (ms) | PyTorch nested autograd (ms) | Taylor / PyTorch |");
        System.out.println("|---|---|---|---|---|");
        for (int k = 1; k <= 4; k++) {
            int order = k;
            try (NDManager base = engine.newManager()) {
                Mlp net = network(base, 1, 20, 8);
                NDArray x = base.randomUniform(0, 1, new Shape(10000, 1), DataType.FLOAT32);
                int[] axes = new int[k];
                MultiIndex mi = MultiIndex.of(axes);
                DerivativePlan plan = DerivativePlan.of(1, mi);
                double taylor = time(repeats, net, m -> {
                    NDArray d = net.forward(Jet.input(copy(x, m), plan)).stream(mi);
                    backward(d.square().mean());
                });
                double reverse = time(Math.max(3, repeats / 3), net, m -> {
                    NDArray d = ReverseModeDerivatives.compute(net::forward, copy(x, m), plan).get(plan.indexOf(mi));
                    backward(d.square().mean());
                });
                Double torch = python(baselines, List.of("order", "10000", "20", "8", "" + threads, "" + repeats, "" + order));
                row("u with d^" + k + "/dx^" + k, taylor, reverse, torch);
            }
        }
    }

    private static Mlp network(NDManager m, int inputs, int width, int depth) {
        return new Mlp(new ModelSpec(inputs, 1, DataType.FLOAT32, 0,
                Map.of("width", "" + width, "depth", "" + depth)), m);
    }

    private static NDArray copy(NDArray x, NDManager m) {
        NDArray c = x.duplicate();
        c.attach(m);
        return c;
    }

    private static NDArray burgers(NDArray u, NDArray ut, NDArray ux, NDArray uxx) {
        NDArray r = ut.add(u.mul(ux)).sub(uxx.mul(Tensors.scalar(uxx, NU)));
        return r.square().mean();
    }

    private static void backward(NDArray loss) {
        JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
    }

    private static double time(int repeats, Mlp net, Step step) {
        NDArray flat = net.parameters().singletonOrThrow();
        NDManager base = flat.getManager();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeats + Math.max(3, repeats / 5); i++) {
            long t0 = System.nanoTime();
            try (NDManager m = base.newSubManager(); GradientCollector gc = base.getEngine().newGradientCollector()) {
                JniUtils.zeroGrad((PtNDArray) flat);
                step.run(m);
            }
            if (i >= Math.max(3, repeats / 5)) {
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        ms.sort(Double::compare);
        return ms.get(ms.size() / 2);
    }

    private static Double python(Path baselines, List<String> args) {
        // Debian's python3-torch installs into the system interpreter, which a pyenv or venv python3 on
        // the PATH would hide; ANSATZ_PYTHON overrides.
        String python = System.getenv().getOrDefault("ANSATZ_PYTHON",
                java.nio.file.Files.isExecutable(Paths.get("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
        List<String> cmd = new ArrayList<>(List.of(python, baselines.resolve("burgers_step.py").toString()));
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                System.err.println("PyTorch baseline skipped: " + out.lines().reduce((a, b) -> b).orElse("failed")
                        + " (Debian: apt-get install python3-torch)");
                return null;
            }
            Matcher m = Pattern.compile("\"median_ms\": ([0-9.eE+-]+)").matcher(out);
            return m.find() ? Double.parseDouble(m.group(1)) : null;
        } catch (IOException e) {
            System.err.println("PyTorch baseline skipped: python3 not found (" + e.getMessage() + ")");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void row(String name, double taylor, double reverse, Double torch) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %s | %s |%n", name, taylor, reverse,
                torch == null ? "skipped" : String.format(Locale.ROOT, "%.2f", torch),
                torch == null ? "-" : String.format(Locale.ROOT, "%.2f", taylor / torch));
        System.out.flush();
    }

}
