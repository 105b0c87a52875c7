package org.ansatz.bench.cases;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.ansatz.bench.AnsatzStep;
import org.ansatz.bench.Context;
import org.ansatz.bench.Options;
import org.ansatz.bench.PythonBaseline;
import org.ansatz.bench.PythonBaseline.BaselineException;
import org.ansatz.bench.report.ReportWriter;
import org.ansatz.bench.report.Sample;
import org.ansatz.bench.report.Table;

/**
 * Times derivative workloads four ways in one run: Ansatz Taylor mode tensor by tensor, Ansatz's fused
 * Taylor-mode kernel (what the PINN trainer uses for tanh MLPs in float32 up to second order), Ansatz
 * nested reverse mode, and PyTorch from Python with nested {@code torch.autograd.grad}; medians and ratios
 * in one table.
 */
public final class DerivativeComparison implements Case {

    public static final String TAYLOR = "ansatz-taylor";
    public static final String FUSED = "ansatz-fused";
    public static final String REVERSE = "ansatz-reverse";
    public static final String PYTORCH = "pytorch";

    private final String id;
    private final String title;
    private final String rowHeader;
    private final Function<Options, List<DerivativeCase>> workloads;

    DerivativeComparison(String id, String title, String rowHeader, Function<Options, List<DerivativeCase>> workloads) {
        this.id = id;
        this.title = title;
        this.rowHeader = rowHeader;
        this.workloads = workloads;
    }

    /** Case 1: PINN training steps (residual + backward to the weights), Burgers and 2D Poisson. */
    public static DerivativeComparison steps() {
        return new DerivativeComparison(DerivativeCases.STEPS,
                "PINN step: residual + backward to the weights (float32, width 20)", "case", o -> {
                    List<DerivativeCase> cases = new ArrayList<>();
                    for (int[] s : DerivativeCases.stepSizes(o.quick())) {
                        cases.add(DerivativeCases.burgers(s[0], 20, s[1]));
                    }
                    for (int[] s : DerivativeCases.stepSizes(o.quick())) {
                        cases.add(DerivativeCases.poisson(s[0], 20, s[1]));
                    }
                    return cases;
                });
    }

    /** Case 2a: cost by derivative order k = 1..4. */
    public static DerivativeComparison order() {
        return new DerivativeComparison(DerivativeCases.ORDER, String.format(Locale.ROOT,
                "Derivative cost by order: d^k u/dx^k + backward (1D, N=%d, %dx%d tanh, float32)",
                DerivativeCases.ORDER_POINTS, DerivativeCases.ORDER_DEPTH, DerivativeCases.ORDER_WIDTH), "order",
                o -> List.of(DerivativeCases.order(1), DerivativeCases.order(2), DerivativeCases.order(3),
                        DerivativeCases.order(4)));
    }

    /** Case 2b: the Laplacian in d = 2, 5, 10, 50 dimensions. */
    public static DerivativeComparison laplacian() {
        return new DerivativeComparison(DerivativeCases.LAPLACIAN, String.format(Locale.ROOT,
                "Laplacian in d dimensions: sum_i u_ii + backward (N=%d, %dx%d tanh, float32)",
                DerivativeCases.LAPLACIAN_POINTS, DerivativeCases.LAPLACIAN_DEPTH, DerivativeCases.LAPLACIAN_WIDTH),
                "dimension", o -> {
                    List<DerivativeCase> cases = new ArrayList<>();
                    for (int d : DerivativeCases.LAPLACIAN_DIMENSIONS) {
                        cases.add(DerivativeCases.laplacian(d));
                    }
                    return cases;
                });
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void run(Context ctx) {
        Table table = ctx.table(new Table(id, title, rowHeader,
                List.of(new Table.Column(TAYLOR, "Ansatz Taylor (ms)"),
                        new Table.Column(FUSED, "Ansatz fused Taylor (ms)"),
                        new Table.Column(REVERSE, "Ansatz nested reverse (ms)"),
                        new Table.Column(PYTORCH, "PyTorch nested autograd (ms)")),
                List.of(new Table.Ratio("Taylor / PyTorch", TAYLOR, PYTORCH),
                        new Table.Ratio("fused / PyTorch", FUSED, PYTORCH),
                        new Table.Ratio("nested reverse / PyTorch", REVERSE, PYTORCH))));
        int repeats = ctx.options().stepRepeats();
        int reverseRepeats = Math.min(repeats, Math.max(5, repeats / 3));
        int warmup = AnsatzStep.warmup(repeats);
        table.note(String.format(Locale.ROOT, "Both sides %d intra-op thread(s), 1 inter-op thread; median (min–max) "
                + "of %d steps after %d warm-up steps and at least %.0f s of warm-up (Ansatz nested reverse: %d "
                + "steps); PyTorch %s from %s "
                + "(BLAS: %s), Ansatz's PyTorch %s via DJL %s.", ctx.threads(), repeats, warmup,
                AnsatzStep.WARMUP_SECONDS, reverseRepeats,
                ctx.python().torchVersion(), ctx.python().python(), ctx.python().blas(), ctx.engine().engineVersion(),
                ctx.engine().djlVersion()));
        for (DerivativeCase c : workloads.apply(ctx.options())) {
            try (NDManager base = ctx.engine().newManager()) {
                DerivativeCase.Prepared p = c.prepare(base);
                add(ctx, c, TAYLOR, p.time(p.taylor(), warmup, repeats));
                if (p.fused() != null) {
                    add(ctx, c, FUSED, p.time(p.fused(), warmup, repeats));
                } else {
                    ctx.results().add(Sample.skipped(c.table(), c.row(), FUSED, "ms", c.plan().maxOrder() > 2
                            ? "above order 2" : "no Vector API (--add-modules jdk.incubator.vector)"));
                }
                add(ctx, c, REVERSE, p.time(p.reverse(), AnsatzStep.warmup(reverseRepeats), reverseRepeats));
            }
            ctx.results().add(baseline(ctx, c, repeats, warmup));
            ctx.log("  %s: Taylor %s ms, fused %s ms, nested reverse %s ms, PyTorch %s", c.row(),
                    cell(ctx, c, TAYLOR), cell(ctx, c, FUSED), cell(ctx, c, REVERSE), cell(ctx, c, PYTORCH));
        }
        ctx.log("%n%s", ReportWriter.table(ctx.results(), table));
    }

    private static void add(Context ctx, DerivativeCase c, String column, List<Double> ms) {
        ctx.results().add(Sample.of(c.table(), c.row(), column, "ms", ctx.threads(), ms));
    }

    private static String cell(Context ctx, DerivativeCase c, String column) {
        return ctx.results().cell(c.table(), c.row(), column)
                .map(s -> s.measured() ? String.format(Locale.ROOT, "%.2f", s.median()) : s.note()).orElse("-");
    }

    static Sample baseline(Context ctx, DerivativeCase c, int repeats, int warmup) {
        List<String> args = new ArrayList<>(c.baselineArgs());
        args.addAll(List.of("--threads", "" + ctx.threads(), "--repeats", "" + repeats, "--warmup", "" + warmup,
                "--warmup-seconds", "" + AnsatzStep.WARMUP_SECONDS));
        try {
            JsonObject o = ctx.python().run("pinn_steps.py", args);
            return Sample.of(c.table(), c.row(), PYTORCH, "ms", o.get("threads").getAsInt(), PythonBaseline.times(o));
        } catch (BaselineException e) {
            // A missing torch is explained once under the table; a failure of this row here.
            return Sample.skipped(c.table(), c.row(), PYTORCH, "ms",
                    ctx.python().unavailable().isPresent() ? "skipped" : "skipped: " + e.getMessage());
        }
    }
}
