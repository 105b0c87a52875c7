package org.ansatz.bench.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.bench.Context;
import org.ansatz.bench.Processes;
import org.ansatz.bench.report.ReportWriter;
import org.ansatz.bench.report.Sample;
import org.ansatz.bench.report.Stats;
import org.ansatz.bench.report.Table;

/**
 * The accuracy table of docs/accuracy.md: {@code ./ansatz solve PROBLEM --seed S} for every problem and
 * seed, one process each, with each problem's budget from that table; reports the relative L2 error per
 * seed and its median, the wall time, and the recovered unknowns of inverse problems with their median
 * relative errors. Hours of both cores for the whole table, so it runs only when asked for
 * ({@code bench/run --cases accuracy [--problems a,b] [--seeds 0,1,2]}).
 */
public final class AccuracyCase implements Case {

    static final String MEDIAN = "rel-l2";
    static final String WALL = "wall";
    static final String UNKNOWNS = "unknowns";

    /** A problem of the table with the settings its row was measured with. */
    record Entry(String problem, List<String> settings) {

        String row() {
            return settings.isEmpty() ? problem + " (defaults)" : problem + " (" + String.join(", ", settings) + ")";
        }
    }

    private static final List<String> SHORT = List.of("adam.steps=1500", "lbfgs.iterations=1000");

    /** The rows of docs/accuracy.md, in its order; reduced budgets where the table has them. */
    static final List<Entry> TABLE = List.of(
            new Entry("burgers", List.of()),
            new Entry("poisson-holes", SHORT),
            new Entry("heat-2d-varying", SHORT),
            new Entry("helmholtz-2d", SHORT),
            new Entry("heat-noisy", SHORT),
            new Entry("kovasznay", SHORT),
            new Entry("premixed-flame-1d", List.of()),
            new Entry("diffusion-reaction-inverse", List.of()),
            new Entry("diffusion-reaction-inverse-clean", List.of()),
            new Entry("lorenz-inverse", List.of()),
            new Entry("lorenz-inverse-clean", List.of()),
            new Entry("burgers-inverse", List.of()),
            new Entry("burgers-inverse-noisy", List.of()),
            new Entry("klein-gordon", List.of()),
            new Entry("wave-1d", List.of()),
            new Entry("lid-driven-cavity-smooth", List.of()));

    @Override
    public String id() {
        return "accuracy";
    }

    /** The table's entry of each named problem, or the problem with its defaults when the table has none. */
    static List<Entry> entries(List<String> problems) {
        if (problems.isEmpty()) {
            return TABLE;
        }
        List<Entry> out = new ArrayList<>();
        for (String p : problems) {
            out.add(TABLE.stream().filter(e -> e.problem().equals(p)).findFirst().orElse(new Entry(p, List.of())));
        }
        return out;
    }

    /** "s 9.93 (0.7 %), r 15.01 (0.1 %)": each unknown's median value and median relative error over seeds. */
    static String unknowns(List<RunMetrics> runs) {
        Map<String, List<double[]>> byName = new LinkedHashMap<>();
        for (RunMetrics m : runs) {
            m.unknowns().forEach((name, v) -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(v));
        }
        List<String> parts = new ArrayList<>();
        byName.forEach((name, values) -> parts.add(String.format(Locale.ROOT, "%s %.5g (%.2g %%)", name,
                Stats.median(values.stream().map(v -> v[0]).toList()),
                100 * Stats.median(values.stream().map(v -> v[1]).toList()))));
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    @Override
    public void run(Context ctx) throws Exception {
        List<Integer> seeds = ctx.options().seeds();
        List<Table.Column> columns = new ArrayList<>();
        for (int s : seeds) {
            columns.add(new Table.Column("seed-" + s, "seed " + s));
        }
        columns.add(new Table.Column(MEDIAN, "rel-L2, median of the seeds"));
        columns.add(new Table.Column(WALL, "wall per run (s)"));
        columns.add(new Table.Column(UNKNOWNS, "recovered unknowns: median value (median relative error)"));
        Table table = ctx.results().table(new Table(id(), "Accuracy of the problem library (docs/accuracy.md)",
                "problem (settings)", columns, List.of()));
        String javaOpts = System.getenv("ANSATZ_JAVA_OPTS");
        table.note("One `./ansatz solve PROBLEM --seed S [--set ...]` process per cell, "
                + (javaOpts == null || javaOpts.isBlank() ? "the runtime's default threads"
                        : "with ANSATZ_JAVA_OPTS=" + javaOpts)
                + "; run directories next to this file. Wall time includes start-up and evaluation.");
        for (Entry e : entries(ctx.options().problems())) {
            List<Double> errors = new ArrayList<>();
            List<Double> walls = new ArrayList<>();
            List<RunMetrics> runs = new ArrayList<>();
            for (int seed : seeds) {
                Path dir = ctx.options().out().toAbsolutePath().resolve("accuracy").resolve(e.problem() + "-seed-" + seed);
                List<String> cmd = new ArrayList<>(List.of(ctx.repo().resolve("ansatz").toString(), "solve", e.problem(),
                        "--seed", Integer.toString(seed)));
                for (String s : e.settings()) {
                    cmd.addAll(List.of("--set", s));
                }
                cmd.addAll(List.of("--out", dir.toString()));
                ctx.log("  accuracy: %s", String.join(" ", cmd.subList(1, cmd.size())));
                Processes.Result r = Processes.run(cmd, null,
                        Map.of("ANSATZ_JAR", ctx.repo().resolve("runtime/target/ansatz.jar").toString()));
                if (r.exit() != 0) {
                    ctx.results().add(Sample.skipped(id(), e.row(), "seed-" + seed, "rel-L2", "failed: " + r.lastLine()));
                    continue;
                }
                RunMetrics m = RunMetrics.read(dir);
                runs.add(m);
                errors.add(m.relL2());
                walls.add(r.millis() / 1000);
                ctx.results().add(Sample.of(id(), e.row(), "seed-" + seed, "rel-L2", 0, List.of(m.relL2())));
            }
            if (!errors.isEmpty()) {
                ctx.results().add(Sample.of(id(), e.row(), MEDIAN, "rel-L2", 0, errors));
                ctx.results().add(Sample.of(id(), e.row(), WALL, "s", 0, walls));
                ctx.results().add(Sample.text(id(), e.row(), UNKNOWNS, unknowns(runs)));
            }
        }
        ctx.log("%n%s", ReportWriter.table(ctx.results(), table));
    }
}
