package org.ansatz.bench.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.bench.Context;
import org.ansatz.bench.Processes;
import org.ansatz.bench.report.ReportWriter;
import org.ansatz.bench.report.Sample;
import org.ansatz.bench.report.Table;

/**
 * Case 3: wall time of {@code ./ansatz solve burgers} until the relative L2 error reaches the target.
 * The solver's {@code stop.error} setting ends training at the first progress report at or below it,
 * so the process wall time is the time to accuracy; a run that never gets there is reported with its
 * final error. Minutes of both cores per run: not in {@code --quick}.
 */
public final class TimeToAccuracyCase implements Case {

    static final double TARGET = 1e-3;
    static final String WALL = "ansatz-wall";
    static final String SOLVER = "ansatz-solver";
    static final String ERROR = "ansatz-rel-l2";
    static final String REACHED = "reached";

    @Override
    public String id() {
        return "tta";
    }

    @Override
    public void run(Context ctx) throws Exception {
        Table table = ctx.results().table(new Table(id(), String.format(Locale.ROOT,
                "Time to accuracy: Burgers until relative L2 <= %.0e (`./ansatz solve burgers`, end to end)", TARGET),
                "run", List.of(new Table.Column(WALL, "wall, process start to exit (s)"),
                        new Table.Column(SOLVER, "solver (s, status.json)"),
                        new Table.Column(ERROR, "final rel-L2"), new Table.Column(REACHED, "target reached")),
                List.of()));
        List<String> settings = new ArrayList<>(List.of("stop.error=" + TARGET));
        settings.addAll(ctx.options().ttaSettings());
        String row = "solve burgers --set " + String.join(" --set ", settings);
        if (ctx.options().quick()) {
            ctx.log("Time to accuracy skipped in --quick mode (minutes of both cores per run).");
            table.note("skipped in --quick mode: run bench/run without --quick");
            ctx.results().add(Sample.skipped(id(), row, WALL, "s", "skipped (--quick)"));
            return;
        }
        int repeats = ctx.options().ttaRepeats();
        table.note(String.format(Locale.ROOT, "%d run(s), seed 0 (deterministic: repeats measure only timing noise; "
                + "--tta-repeats N for more); the runtime's default threads (intra-op = cores, 1 inter-op); run "
                + "directories kept next to this file. No PyTorch counterpart in this suite.", repeats));
        List<Double> wall = new ArrayList<>();
        List<Double> solver = new ArrayList<>();
        List<Double> error = new ArrayList<>();
        int reached = 0;
        String stop = "";
        for (int i = 1; i <= repeats; i++) {
            Path dir = ctx.options().out().toAbsolutePath().resolve("tta-run-" + i);
            List<String> cmd = new ArrayList<>(List.of(ctx.repo().resolve("ansatz").toString(), "solve", "burgers"));
            for (String s : settings) {
                cmd.addAll(List.of("--set", s));
            }
            cmd.addAll(List.of("--out", dir.toString()));
            ctx.log("  time to accuracy, run %d of %d: %s", i, repeats, String.join(" ", cmd.subList(1, cmd.size())));
            Processes.Result r = Processes.run(cmd, null,
                    Map.of("ANSATZ_JAR", ctx.repo().resolve("runtime/target/ansatz.jar").toString()));
            if (r.exit() != 0) {
                ctx.results().add(Sample.skipped(id(), row, WALL, "s", "failed: " + r.lastLine()));
                return;
            }
            RunMetrics m = RunMetrics.read(dir);
            wall.add(r.millis() / 1000);
            solver.add(m.seconds());
            error.add(m.relL2());
            reached += m.relL2() <= TARGET ? 1 : 0;
            stop = m.lastStage() + " step " + m.lastStep();
        }
        ctx.results().add(Sample.of(id(), row, WALL, "s", 0, wall));
        ctx.results().add(Sample.of(id(), row, SOLVER, "s", 0, solver));
        ctx.results().add(Sample.of(id(), row, ERROR, "rel-L2", 0, error));
        ctx.results().add(Sample.text(id(), row, REACHED,
                (reached == repeats ? "yes" : reached == 0 ? "no" : reached + " of " + repeats) + ", stopped at " + stop));
        ctx.log("%n%s", ReportWriter.table(ctx.results(), table));
    }
}
