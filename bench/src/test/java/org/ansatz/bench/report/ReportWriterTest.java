package org.ansatz.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static Results results() {
        Results r = new Results();
        r.header("# Suite");
        Table t = r.table(new Table("steps", "PINN step", "case",
                List.of(new Table.Column("a", "Ansatz (ms)"), new Table.Column("p", "PyTorch (ms)")),
                List.of(new Table.Ratio("Ansatz / PyTorch", "a", "p"))));
        t.note("2 threads");
        r.add(Sample.of("steps", "Burgers, N=10", "a", "ms", 2, List.of(3.0, 1.0, 2.0)));
        r.add(Sample.of("steps", "Burgers, N=10", "p", "ms", 2, List.of(4.0)));
        r.add(Sample.of("steps", "Poisson \"2D\"", "a", "ms", 2, List.of(150.0)));
        r.add(Sample.skipped("steps", "Poisson \"2D\"", "p", "ms", "skipped"));
        return r;
    }

    @Test
    void csvHasOneLinePerRepeatAndQuotesFieldsWithCommasOrQuotes() {
        List<String> lines = ReportWriter.csv(results()).lines().toList();
        assertThat(lines).containsExactly(ReportWriter.CSV_HEADER,
                "steps,\"Burgers, N=10\",a,ms,2,1,3.0,",
                "steps,\"Burgers, N=10\",a,ms,2,2,1.0,",
                "steps,\"Burgers, N=10\",a,ms,2,3,2.0,",
                "steps,\"Burgers, N=10\",p,ms,2,1,4.0,",
                "steps,\"Poisson \"\"2D\"\"\",a,ms,2,1,150.0,",
                "steps,\"Poisson \"\"2D\"\"\",p,ms,0,,,skipped");
    }

    @Test
    void markdownShowsMedianWithRangeRatioOfMediansAndSkippedCells() {
        String md = ReportWriter.markdown(results());
        assertThat(md).startsWith("# Suite\n")
                .contains("### PINN step")
                .contains("| case | Ansatz (ms) | PyTorch (ms) | Ansatz / PyTorch |")
                .contains("|---|---|---|---|")
                .contains("| Burgers, N=10 | 2.00 (1.00–3.00) | 4.00 | 0.50 |")
                .contains("| Poisson \"2D\" | 150.0 | skipped | - |")
                .contains("- 2 threads");
    }

    @Test
    void relativeErrorsAreScientific() {
        assertThat(ReportWriter.number(2.74e-3, "rel-L2")).isEqualTo("2.74e-03");
        assertThat(ReportWriter.number(57.666, "ms")).isEqualTo("57.67");
    }

    @Test
    void atomicWriteReplacesTheFileAndLeavesNoTemporaryBehind(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out/results.md");
        ReportWriter.writeAtomically(f, "first");
        ReportWriter.writeAtomically(f, "second");
        assertThat(Files.readString(f)).isEqualTo("second");
        try (var files = Files.list(f.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("results.md");
        }
    }
}
