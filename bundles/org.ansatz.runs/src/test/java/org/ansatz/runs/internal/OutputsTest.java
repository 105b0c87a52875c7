package org.ansatz.runs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.run.NumpyFiles;
import org.ansatz.api.solver.Solution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plots and exports of a known field: a "solution" that is the exact one times 1.01, so the files can be
 * checked value by value, point by point, against the formula.
 */
class OutputsTest {

    @TempDir
    Path tmp;

    final Fixtures f = new Fixtures();

    static double exact(double t, double x) {
        return Math.exp(-t) * Math.sin(Math.PI * x);
    }

    static final String SPEC = """
            problem:
              name: decay
              inputs: [t, x]
              outputs: [u]
              domain: {t: [0, 2], x: [-1, 1]}
              equation: u_t + u - 0*u_xx
              exact: exp(-t)*sin(pi*x)
            """;

    /** exact * 1.01: a relative error of 1 %. */
    static Solution scaled(double factor) {
        return new Solution() {
            @Override
            public PointSet predict(PointSet in) {
                double[] u = new double[in.size()];
                for (int i = 0; i < u.length; i++) {
                    u[i] = factor * exact(in.get(i, 0), in.get(i, 1));
                }
                return new PointSet(List.of("u"), u);
            }

            @Override
            public Map<String, Double> metrics() {
                return Map.of();
            }
        };
    }

    PdeProblem problem(String text) throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, text);
        return (PdeProblem) f.reader.read(spec, Map.of()).problem();
    }

    Path run(Map<String, Object> settings) throws Exception {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("history.csv"), """
                stage,step,seconds,loss,pde,ic,w.pde,lr
                adam,100,1.0,1.0e-1,6.0e-2,4.0e-2,1.0,1.0e-3
                adam,200,2.0,1.0e-2,7.0e-3,3.0e-3,1.0,1.0e-3
                lbfgs,50,3.0,1.0e-4,6.0e-5,4.0e-5,,
                lbfgs,100,4.0,1.0e-6,5.0e-7,5.0e-7,,
                """);
        List<String> written = f.outputs.write(dir, problem(SPEC), scaled(1.01), settings);
        assertThat(written).allSatisfy(w -> assertThat(dir.resolve(w)).isRegularFile());
        return dir;
    }

    static BufferedImage png(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(b, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(b));
        assertThat(image).as(file + " decodes").isNotNull();
        return image;
    }

    static int colors(BufferedImage image, int x0, int x1) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = x0; x < x1; x++) {
                c.add(image.getRGB(x, y));
            }
        }
        return c.size();
    }

    @Test
    void heatMapsAndLossCurvesArePngsWithContent() throws Exception {
        Path dir = run(Map.of("grid", "21,41"));
        BufferedImage field = png(dir.resolve("solution-u.png"));
        assertThat(field.getWidth()).isEqualTo(3 * 520);
        assertThat(field.getHeight()).isEqualTo(440);
        // each panel is a heat map with a color scale: many colors, not a blank or one-color image
        for (int panel = 0; panel < 3; panel++) {
            assertThat(colors(field, panel * 520, (panel + 1) * 520)).as("panel " + panel).isGreaterThan(100);
        }
        BufferedImage loss = png(dir.resolve("loss.png"));
        assertThat(loss.getWidth()).isEqualTo(900);
        assertThat(loss.getHeight()).isEqualTo(560);
        assertThat(colors(loss, 0, 900)).isGreaterThan(20);
        History h = History.read(dir.resolve("history.csv"));
        assertThat(h.lossColumns(Set.of())).containsExactly("loss", "pde", "ic");
        assertThat(h.x).containsExactly(100.0, 200.0, 250.0, 300.0);
        assertThat(h.stageStarts).containsExactly(Map.entry("lbfgs", 200.0));
    }

    @Test
    void npyAndNpzHoldTheGridInCOrderWithAxes() throws Exception {
        Path dir = run(Map.of("grid", "21,41", "plots", "false"));
        assertThat(dir.resolve("loss.png")).doesNotExist();
        Map<String, NumpyFiles.Array> z = NumpyFiles.readNpz(dir.resolve("solution.npz"));
        assertThat(z.keySet()).containsExactly("t", "x", "u", "u_ref", "u_error", "inside");
        assertThat(z.get("u").shape()).containsExactly(21, 41);
        double[] t = (double[]) z.get("t").data();
        double[] x = (double[]) z.get("x").data();
        assertThat(t[20]).isEqualTo(2.0);
        assertThat(x[0]).isEqualTo(-1.0);
        double[] u = (double[]) z.get("u").data();
        double[] ref = (double[]) z.get("u_ref").data();
        double[] err = (double[]) z.get("u_error").data();
        for (int i = 0; i < 21; i++) {
            for (int j = 0; j < 41; j++) {
                assertThat(u[i * 41 + j]).isCloseTo(1.01 * exact(t[i], x[j]), offset(1e-12));
                assertThat(ref[i * 41 + j]).isCloseTo(exact(t[i], x[j]), offset(1e-12));
                assertThat(err[i * 41 + j]).isCloseTo(0.01 * Math.abs(exact(t[i], x[j])), offset(1e-12));
            }
        }
        NumpyFiles.Array npy = NumpyFiles.readNpy(Files.readAllBytes(dir.resolve("u.npy")));
        assertThat(npy.shape()).containsExactly(21, 41);
        assertThat((double[]) npy.data()).containsExactly(u);
        List<String> csv = Files.readAllLines(dir.resolve("solution.csv"));
        assertThat(csv.get(0)).isEqualTo("t,x,u,u_ref,u_error");
        assertThat(csv).hasSize(1 + 21 * 41);
        String[] row = csv.get(1 + 5 * 41 + 7).split(",");
        assertThat(Double.parseDouble(row[0])).isCloseTo(t[5], offset(1e-9));
        assertThat(Double.parseDouble(row[1])).isCloseTo(x[7], offset(1e-9));
        assertThat(Double.parseDouble(row[3])).isCloseTo(exact(t[5], x[7]), offset(1e-9));

        assumeTrue(numpyAvailable(), "python3 with numpy is not installed: NumPy's own reading is not checked");
        String script = "import numpy as np\n"
                + "z = np.load('solution.npz')\n"
                + "T, X = np.meshgrid(z['t'], z['x'], indexing='ij')\n"
                + "assert z['u'].shape == (21, 41) and z['inside'].all()\n"
                + "assert np.allclose(z['u_ref'], np.exp(-T) * np.sin(np.pi * X), atol=1e-12)\n"
                + "assert np.allclose(np.load('u.npy'), 1.01 * z['u_ref'], atol=1e-12)\n"
                + "print('numpy ok')\n";
        Process p = new ProcessBuilder("python3", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("numpy ok");
    }

    /** A legacy VTK file as ParaView parses it: header lines, then per field a block of big-endian doubles. */
    record Vtk(Map<String, String> header, Map<String, double[]> fields) {
        static Vtk parse(byte[] b) {
            Map<String, String> header = new LinkedHashMap<>();
            Map<String, double[]> fields = new LinkedHashMap<>();
            int[] at = {0};
            assertThat(line(b, at)).isEqualTo("# vtk DataFile Version 3.0");
            header.put("title", line(b, at));
            assertThat(line(b, at)).isEqualTo("BINARY");
            assertThat(line(b, at)).isEqualTo("DATASET STRUCTURED_POINTS");
            for (String key : List.of("DIMENSIONS", "ORIGIN", "SPACING", "POINT_DATA")) {
                String l = line(b, at);
                assertThat(l).startsWith(key + " ");
                header.put(key, l.substring(key.length() + 1));
            }
            int n = Integer.parseInt(header.get("POINT_DATA"));
            while (at[0] < b.length) {
                String scalars = line(b, at);
                assertThat(scalars).matches("SCALARS \\S+ double 1");
                assertThat(line(b, at)).isEqualTo("LOOKUP_TABLE default");
                double[] v = new double[n];
                ByteBuffer buf = ByteBuffer.wrap(b, at[0], n * 8);
                for (int i = 0; i < n; i++) {
                    v[i] = buf.getDouble();
                }
                at[0] += n * 8;
                assertThat(b[at[0]++]).isEqualTo((byte) '\n');
                fields.put(scalars.split(" ")[1], v);
            }
            return new Vtk(header, fields);
        }

        static String line(byte[] b, int[] at) {
            int start = at[0];
            while (b[at[0]] != '\n') {
                at[0]++;
            }
            return new String(b, start, at[0]++ - start, StandardCharsets.US_ASCII);
        }
    }

    @Test
    void vtkStructuredPointsPutSpaceOnXAndTimeOnYWithEveryValueWhereItBelongs() throws Exception {
        Path dir = run(Map.of("grid", "21,41", "exports", "vtk", "plots", "false"));
        assertThat(dir.resolve("solution.csv")).doesNotExist();
        Vtk v = Vtk.parse(Files.readAllBytes(dir.resolve("solution.vtk")));
        assertThat(v.header().get("title")).contains("(X=x Y=t)");
        assertThat(v.header().get("DIMENSIONS")).isEqualTo("41 21 1");
        assertThat(v.header().get("POINT_DATA")).isEqualTo(Integer.toString(41 * 21));
        double[] origin = Arrays.stream(v.header().get("ORIGIN").split(" ")).mapToDouble(Double::parseDouble).toArray();
        double[] spacing = Arrays.stream(v.header().get("SPACING").split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertThat(origin).containsExactly(-1, 0, 0);
        assertThat(spacing[0]).isCloseTo(0.05, offset(1e-15));
        assertThat(spacing[1]).isCloseTo(0.1, offset(1e-15));
        assertThat(v.fields().keySet()).containsExactly("u", "u_ref", "u_error", "inside");
        for (int p = 0; p < 41 * 21; p++) {
            double x = origin[0] + (p % 41) * spacing[0];
            double t = origin[1] + (p / 41) * spacing[1];
            assertThat(v.fields().get("u_ref")[p]).as("point " + p).isCloseTo(exact(t, x), offset(1e-12));
            assertThat(v.fields().get("u")[p]).isCloseTo(1.01 * exact(t, x), offset(1e-12));
            assertThat(v.fields().get("inside")[p]).isEqualTo(1.0);
        }
    }

    @Test
    void oneInputGivesLinePlotsAndThreeInputsAVolume() throws Exception {
        Path dir = tmp.resolve("line");
        Files.createDirectories(dir);
        PdeProblem line = problem("""
                problem:
                  name: line
                  inputs: [x]
                  outputs: [u]
                  domain: {x: [0, 1]}
                  equation: u_xx + pi^2*sin(pi*x)
                  exact: sin(pi*x)
                """);
        Solution s = new Solution() {
            @Override
            public PointSet predict(PointSet in) {
                double[] u = new double[in.size()];
                for (int i = 0; i < u.length; i++) {
                    u[i] = Math.sin(Math.PI * in.get(i, 0)) + 0.01 * in.get(i, 0);
                }
                return new PointSet(List.of("u"), u);
            }

            @Override
            public Map<String, Double> metrics() {
                return Map.of();
            }
        };
        f.outputs.write(dir, line, s, Map.of("exports", "vtk"));
        BufferedImage image = png(dir.resolve("solution-u.png"));
        assertThat(image.getWidth()).isEqualTo(2 * 620);
        assertThat(colors(image, 0, 620)).isGreaterThan(10);
        assertThat(Vtk.parse(Files.readAllBytes(dir.resolve("solution.vtk"))).header().get("DIMENSIONS"))
                .isEqualTo("101 1 1");

        Path vol = tmp.resolve("volume");
        Files.createDirectories(vol);
        PdeProblem heat2d = problem("""
                problem:
                  name: heat2d
                  inputs: [t, x, y]
                  outputs: [u]
                  domain: {t: [0, 1], x: [0, 1], y: [0, 2]}
                  equation: u_t - u_xx - u_yy
                  exact: t + 10*x + 100*y
                """);
        Solution exact = new Solution() {
            @Override
            public PointSet predict(PointSet in) {
                return heat2d.reference().orElseThrow().evaluate(in);
            }

            @Override
            public Map<String, Double> metrics() {
                return Map.of();
            }
        };
        f.outputs.write(vol, heat2d, exact, Map.of("grid", "3,4,5", "exports", "vtk"));
        Vtk v = Vtk.parse(Files.readAllBytes(vol.resolve("solution.vtk")));
        assertThat(v.header().get("DIMENSIONS")).isEqualTo("4 5 3");
        double[] u = v.fields().get("u");
        // X = x fastest, then Y = y, then Z = t
        assertThat(u[1] - u[0]).isCloseTo(10.0 / 3, offset(1e-9));
        assertThat(u[4] - u[0]).isCloseTo(100.0 / 2, offset(1e-9));
        assertThat(u[20] - u[0]).isCloseTo(1.0 / 2, offset(1e-9));
        png(vol.resolve("solution-u.png"));
    }

    @Test
    void badOutputSettingsAreNamed() {
        assertThatThrownBy(() -> f.outputs.check(Map.of("exports", "csv,pdf")))
                .hasMessageContaining("output.exports: unknown format 'pdf'");
        assertThatThrownBy(() -> f.outputs.check(Map.of("grid", "1"))).hasMessageContaining("output.grid");
        assertThatThrownBy(() -> f.outputs.check(Map.of("plot", "true"))).hasMessageContaining("output.plot");
        assertThatThrownBy(() -> f.outputs.check(Map.of("plots", "yes"))).hasMessageContaining("output.plots");
        List<String> ok = new ArrayList<>();
        f.outputs.check(Map.of("exports", "none", "grid", "11", "plots", "false"));
        assertThat(ok).isEmpty();
    }

    static boolean numpyAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
