package org.ansatz.bench.cases;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ansatz.bench.Context;
import org.ansatz.bench.MemoryProbe;
import org.ansatz.bench.Processes;
import org.ansatz.bench.PythonBaseline;
import org.ansatz.bench.PythonBaseline.BaselineException;
import org.ansatz.bench.report.ReportWriter;
import org.ansatz.bench.report.Sample;
import org.ansatz.bench.report.Table;

/**
 * Case 4: peak memory of the Burgers step (N=10000, 8x20), each side in fresh processes so that a peak
 * belongs to one workload: VmHWM/VmRSS from /proc/self/status on both sides, plus the JVM heap peak
 * (sum of the heap pools' peak usage; the rest of the JVM's resident memory is native: libtorch,
 * tensors, code).
 */
public final class MemoryCase implements Case {

    static final int N = 10_000;
    static final int WIDTH = 20;
    static final int DEPTH = 8;
    static final int STEPS = 10;

    private static final String HWM = "peak resident VmHWM (MB)";
    private static final String RSS = "resident VmRSS at exit (MB)";
    private static final String HEAP = "JVM heap peak (MB)";
    private static final String IDLE = "VmHWM, engine + network + points, no step (MB)";

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public void run(Context ctx) throws Exception {
        Table table = ctx.table(new Table(id(), String.format(Locale.ROOT,
                "Peak memory: Burgers step, N=%d, %dx%d tanh, %d steps, fresh process per run", N, DEPTH, WIDTH, STEPS),
                "quantity", List.of(new Table.Column(DerivativeComparison.TAYLOR, "Ansatz Taylor"),
                        new Table.Column(DerivativeComparison.REVERSE, "Ansatz nested reverse"),
                        new Table.Column(DerivativeComparison.PYTORCH, "PyTorch nested autograd")),
                List.of(new Table.Ratio("Taylor / PyTorch", DerivativeComparison.TAYLOR, DerivativeComparison.PYTORCH),
                        new Table.Ratio("nested reverse / PyTorch", DerivativeComparison.REVERSE,
                                DerivativeComparison.PYTORCH))));
        int repeats = ctx.options().processRepeats();
        table.note(String.format(Locale.ROOT, "%d intra-op thread(s), 1 inter-op; median (min–max) of %d processes per "
                + "cell; MB = 2^20 bytes. JVM: default heap settings; its VmHWM includes the heap, libtorch and the "
                + "tensors; Python: the interpreter, torch and the tensors.", ctx.threads(), repeats));
        List<Map<String, Double>> taylor = new ArrayList<>();
        List<Map<String, Double>> reverse = new ArrayList<>();
        List<Map<String, Double>> idle = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            taylor.add(java(ctx, "taylor", STEPS));
            reverse.add(java(ctx, "reverse", STEPS));
            idle.add(java(ctx, "taylor", 0));
        }
        add(ctx, HWM, DerivativeComparison.TAYLOR, taylor, m -> m.get("VmHWM") / 1024);
        add(ctx, HWM, DerivativeComparison.REVERSE, reverse, m -> m.get("VmHWM") / 1024);
        add(ctx, RSS, DerivativeComparison.TAYLOR, taylor, m -> m.get("VmRSS") / 1024);
        add(ctx, RSS, DerivativeComparison.REVERSE, reverse, m -> m.get("VmRSS") / 1024);
        add(ctx, HEAP, DerivativeComparison.TAYLOR, taylor, m -> m.get("heap_peak_bytes") / (1 << 20));
        add(ctx, HEAP, DerivativeComparison.REVERSE, reverse, m -> m.get("heap_peak_bytes") / (1 << 20));
        add(ctx, IDLE, DerivativeComparison.TAYLOR, idle, m -> m.get("VmHWM") / 1024);
        try {
            List<Map<String, Double>> torch = new ArrayList<>();
            List<Map<String, Double>> torchIdle = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                torch.add(python(ctx, STEPS));
                torchIdle.add(python(ctx, 0));
            }
            add(ctx, HWM, DerivativeComparison.PYTORCH, torch, m -> m.get("VmHWM") / 1024);
            add(ctx, RSS, DerivativeComparison.PYTORCH, torch, m -> m.get("VmRSS") / 1024);
            add(ctx, IDLE, DerivativeComparison.PYTORCH, torchIdle, m -> m.get("VmHWM") / 1024);
        } catch (BaselineException e) {
            for (String row : List.of(HWM, RSS, IDLE)) {
                ctx.results().add(Sample.skipped(id(), row, DerivativeComparison.PYTORCH, "MB",
                        ctx.python().unavailable().isPresent() ? "skipped" : "skipped: " + e.getMessage()));
            }
        }
        ctx.log("%n%s", ReportWriter.table(ctx.results(), table));
    }

    private void add(Context ctx, String row, String column, List<Map<String, Double>> runs,
            ToDoubleFunction<Map<String, Double>> value) {
        ctx.results().add(Sample.of(id(), row, column, "MB", ctx.threads(),
                runs.stream().mapToDouble(value).boxed().toList()));
    }

    private static Map<String, Double> java(Context ctx, String mode, int steps) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Processes.java()));
        // The same logging and offline settings as this JVM, so the child behaves like the suite.
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("ai.djl") || k.startsWith("org.slf4j") || k.equals("OPT_OUT_TRACKING"))
                .sorted().forEach(k -> cmd.add("-D" + k + "=" + System.getProperty(k)));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(), mode, "" + N,
                "" + WIDTH, "" + DEPTH, "" + ctx.threads(), "" + steps));
        Processes.Result r = Processes.run(cmd);
        if (r.exit() != 0) {
            throw new IllegalStateException("memory probe failed: " + r.output());
        }
        return numbers(PythonBaseline.parse(r.output()));
    }

    private static Map<String, Double> python(Context ctx, int steps) throws BaselineException {
        return numbers(ctx.python().run("pinn_steps.py", List.of("--case", "burgers", "--n", "" + N, "--width",
                "" + WIDTH, "--depth", "" + DEPTH, "--threads", "" + ctx.threads(), "--warmup", "0", "--repeats",
                "" + steps, "--measure", "memory")));
    }

    private static Map<String, Double> numbers(JsonObject o) {
        Map<String, Double> m = new java.util.HashMap<>();
        o.entrySet().stream().filter(e -> e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isNumber())
                .forEach(e -> m.put(e.getKey(), e.getValue().getAsDouble()));
        return m;
    }
}
