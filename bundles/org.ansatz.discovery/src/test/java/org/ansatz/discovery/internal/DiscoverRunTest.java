package org.ansatz.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ansatz.api.expr.Expression;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.discovery.Discoverer;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Equation;
import org.ansatz.api.discovery.Observations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoverRunTest {

    private static final Map<String, Discoverer> METHODS = Map.of(
            "sindy", new SparseDiscovery("sindy", SparseDiscovery.Optimizer.STLSQ, false)::discover,
            "weak-sindy", new SparseDiscovery("weak-sindy", SparseDiscovery.Optimizer.STLSQ, true)::discover);

    /** The kernel's registry, as the shell command looks methods up. */
    private static final Function<String, Discoverer> LOOKUP = name -> catalog().get(Discoverer.class, name);

    private static org.ansatz.kernel.internal.registry.MethodCatalog catalog() {
        var c = new org.ansatz.kernel.internal.registry.MethodCatalog();
        long id = 1;
        for (var e : METHODS.entrySet()) {
            c.add(new org.ansatz.api.method.MethodDescriptor(e.getKey(), org.ansatz.api.method.MethodKind.DISCOVERER,
                    "", "test", "1", id++), e::getValue);
        }
        return c;
    }

    @Test
    void systemRunPrintsEquationsWithUncertaintyAndWritesResults(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Path out = dir.resolve("run");
        Discovery d = DiscoverRun.run(LOOKUP, new PrintStream(buf, true, StandardCharsets.UTF_8), "--system", "lorenz",
                "--noise", "0.01", "--method", "weak-sindy", "--gen", "samples=3000", "--out", out.toString());
        String text = buf.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("x_t = ").contains("+- ").contains("truth:");
        assertThat(Files.readString(out.resolve("equations.txt"))).contains("z_t = ");
        assertThat(Files.readAllLines(out.resolve("coefficients.csv")).get(0)).isEqualTo("equation,term,coefficient,std_error");
        String json = Files.readString(out.resolve("discovery.json"));
        assertThat(json).contains("\"method\": \"weak-sindy\"").contains("\"lhs\": \"y_t\"").contains("\"std_error\"");
        assertThat(d.equations()).hasSize(3);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder("equations.txt", "coefficients.csv", "discovery.json");
        }
    }

    @Test
    void csvTrajectoriesAndFieldsAreRead(@TempDir Path dir) throws Exception {
        Observations lorenz = Systems.lorenz(1500, 0.002);
        StringBuilder sb = new StringBuilder("time,a,b,c\n");
        for (int i = 0; i < lorenz.time().length; i++) {
            sb.append(lorenz.time()[i]).append(',').append(lorenz.values("x")[i]).append(',')
                    .append(lorenz.values("y")[i]).append(',').append(lorenz.values("z")[i]).append('\n');
        }
        Path csv = dir.resolve("traj.csv");
        Files.writeString(csv, sb);
        Discovery d = DiscoverRun.run(LOOKUP, new PrintStream(new ByteArrayOutputStream()), "--csv", csv.toString(),
                "--columns", "time,a,b,c", "--out", dir.resolve("o").toString());
        assertThat(d.equation("c_t").orElseThrow().coefficient("a*b")).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-4));

        Observations burgers = Systems.burgers(0.1, 64, 41, 4);
        StringBuilder f = new StringBuilder("t,x,u\n");
        double[] u = burgers.values("u");
        for (int i = 0; i < burgers.time().length; i++) {
            for (int j = 0; j < burgers.space().length; j++) {
                f.append(burgers.time()[i]).append(',').append(burgers.space()[j]).append(',').append(u[i * 64 + j]).append('\n');
            }
        }
        Path field = dir.resolve("field.csv");
        Files.writeString(field, f);
        Observations read = CsvData.read(field, List.of("t", "x", "u"), "x", true);
        assertThat(read.space()).hasSize(64);
        assertThat(read.values("u")).containsExactly(u, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void discoveredEquationsCompileAsPdeSpecs() {
        Discovery lorenz = new SparseDiscovery("sindy", SparseDiscovery.Optimizer.STLSQ, false)
                .discover(Systems.lorenz(1500, 0.002), Map.of());
        for (Equation e : lorenz.equations()) {
            Expression x = Expression.compile(e.text(), Symbols.of(List.of("t"), List.of("x", "y", "z"), Map.of()));
            assertThat(x.derivatives()).hasSize(1);
        }
        Discovery burgers = new SparseDiscovery("sindy", SparseDiscovery.Optimizer.STLSQ, false)
                .discover(Systems.burgers(0.1, 64, 41, 4), Map.of());
        Expression b = Expression.compile(burgers.equations().get(0).text(), Symbols.of(List.of("t", "x"), List.of("u"), Map.of()));
        assertThat(b.derivatives()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void badCommandLinesAreExplained(@TempDir Path dir) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        assertThatThrownBy(() -> DiscoverRun.run(LOOKUP, sink)).hasMessageContaining("exactly one of --system and --csv");
        assertThatThrownBy(() -> DiscoverRun.run(LOOKUP, sink, "--system", "lorenz", "--method", "sindi"))
                .hasMessageContaining("did you mean 'sindy'");
        assertThatThrownBy(() -> DiscoverRun.run(LOOKUP, sink, "--system", "lorentz")).hasMessageContaining("unknown system");
        assertThatThrownBy(() -> DiscoverRun.run(LOOKUP, sink, "--csv", "x.csv")).hasMessageContaining("--columns");
        assertThatThrownBy(() -> DiscoverRun.run(LOOKUP, sink, "--system", "lorenz", "--frobnicate", "1"))
                .hasMessageContaining("unknown option '--frobnicate'");
        assertThatThrownBy(() -> DiscoverRun.run(LOOKUP, sink, "--system", "lorenz", "--library", "poly:2,wavelets:3"))
                .hasMessageContaining("unknown library part 'wavelets'");
        assertThatThrownBy(() -> DiscoverRun.run(LOOKUP, sink, "--csv", dir.resolve("none.csv").toString(), "--columns", "t,x"))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> DiscoverRun.run(LOOKUP, sink, "--csv", "x.csv", "--columns", "t,x", "--gen", "samples=5"))
                .hasMessageContaining("--gen options apply to --system only");
    }
}
