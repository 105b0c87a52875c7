package org.ansatz.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ansatz.bench.cases.AccuracyCase;
import org.ansatz.bench.cases.Case;
import org.ansatz.bench.cases.DerivativeComparison;
import org.ansatz.bench.cases.MemoryCase;
import org.ansatz.bench.cases.StartupCase;
import org.ansatz.bench.cases.TimeToAccuracyCase;
import org.ansatz.bench.report.ReportWriter;
import org.ansatz.bench.report.Results;

/**
 * The benchmark suite run by {@code bench/run}: every case side by side with PyTorch from Python in the
 * same run, printed as it goes and written to {@code results.csv} (every repeat) and
 * {@code results.md} (medians, ranges, ratios) in the output directory after each case.
 *
 * <p>Arguments: the repository root, then the options of {@link Options}.
 */
public final class BenchSuite {

    private BenchSuite() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Paths.get(args[0]).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(Arrays.asList(args).subList(1, args.length), repo);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        PythonBaseline python = PythonBaseline.locate(repo.resolve("bench/baselines"));
        Results results = new Results();
        Context ctx = new Context(options, repo, python, results);
        header(ctx);
        results.header().forEach(System.out::println);
        python.unavailable().ifPresent(why -> System.out.println("\nNOTE: " + why));
        List<Case> cases = List.of(DerivativeComparison.steps(), DerivativeComparison.order(),
                DerivativeComparison.laplacian(), new MemoryCase(), new StartupCase(), new TimeToAccuracyCase(),
                new AccuracyCase());
        int failed = 0;
        for (Case c : cases) {
            if (!options.runs(c.id())) {
                continue;
            }
            ctx.log("%n== %s", c.id());
            try {
                c.run(ctx);
            } catch (Exception e) {
                failed++;
                System.err.println("bench: case " + c.id() + " failed: " + e);
                e.printStackTrace();
            }
            write(options.out(), results);
        }
        ctx.log("%nResults: %s and %s", options.out().resolve("results.md"), options.out().resolve("results.csv"));
        System.exit(failed == 0 ? 0 : 1);
    }

    private static void header(Context ctx) {
        Options o = ctx.options();
        Results r = ctx.results();
        r.header("# Ansatz benchmark suite, " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .substring(0, 16).replace('T', ' '));
        r.header("");
        r.header(String.format(Locale.ROOT, "- `bench/run%s`: %s mode, %d intra-op thread(s) and 1 inter-op thread "
                + "on both sides", o.quick() ? " --quick" : "", o.quick() ? "quick" : "full", o.threads()));
        r.header(String.format(Locale.ROOT, "- machine: %d cores (%s), Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpu(), System.getProperty("java.version"),
                System.getProperty("java.vm.name")));
        r.header(String.format(Locale.ROOT, "- Ansatz: PyTorch %s via DJL %s (MKL bundled in libtorch), "
                + "GOMP_SPINCOUNT=%s, fused kernels %s; baseline: PyTorch %s (%s), BLAS: %s, GOMP_SPINCOUNT=%s",
                ctx.engine().engineVersion(), ctx.engine().djlVersion(),
                System.getenv().getOrDefault("GOMP_SPINCOUNT", "default"),
                org.ansatz.models.mlp.internal.fused.FusedKernels.available() ? "on" : "off (no Vector API)",
                ctx.python().torchVersion(), ctx.python().python(), ctx.python().blas(),
                "1".equals(System.getenv("ANSATZ_GOMP_SPINCOUNT_SET")) ? "default"
                        : System.getenv().getOrDefault("GOMP_SPINCOUNT", "default")));
        r.header("- cells: median (min–max) over the repeats; raw values of every repeat in results.csv");
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Paths.get("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    static void write(Path out, Results results) throws IOException {
        ReportWriter.writeAtomically(out.resolve("results.csv"), ReportWriter.csv(results));
        ReportWriter.writeAtomically(out.resolve("results.md"), ReportWriter.markdown(results));
    }
}
