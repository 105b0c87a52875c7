package org.ansatz.datasets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ansatz.api.method.Options;
import org.ansatz.datasets.FunctionDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NPZ layout round trip, the generator cache, PDEBench files and bad input. */
class DatasetFilesTest {

    @TempDir
    Path dir;

    @Test
    void npzRoundTripKeepsEverything() {
        FunctionData d = new Generators.Darcy().generate(3, 9, 5, new Generators.Darcy().parameters(new Options(Map.of()), 9),
                1, null);
        Path file = dir.resolve("d.npz");
        DatasetFiles.write(file, d);
        FunctionData back = DatasetFiles.read(file, 0);
        assertThat(back.inputs()).containsExactly(d.inputs());
        assertThat(back.outputs()).containsExactly(d.outputs());
        assertThat(back.grid().get(0)).containsExactly(d.grid().get(0));
        assertThat(back.grid()).hasSize(2);
        assertThat(back.parameters()).isEqualTo(d.parameters());
        assertThat(back.equation()).isEqualTo("darcy");
        assertThat(back.periodic()).isFalse();
        assertThat(back.seed()).isEqualTo(5);
        assertThat(back.inputName()).isEqualTo("a");
        assertThat(DatasetFiles.read(file, 2).size()).isEqualTo(2);
        // The coefficient takes the two thresholded values only, the pressure vanishes on the boundary.
        assertThat(d.inputs()).containsOnly(3.0, 12.0);
        assertThat(d.outputs()[0]).isZero();
    }

    @Test
    void providerCachesAndServesSmallerRequestsFromALargerSet() {
        GeneratorProvider p = new DatasetComponents.BurgersDatasets();
        Map<String, Object> options = new LinkedHashMap<>(Map.of("n", "4", "resolution", "64", "seed", "2",
                "cache", dir.toString()));
        GeneratorProvider.Result first = p.load(options, null);
        assertThat(first.cached()).isFalse();
        assertThat(first.file()).exists();
        options.put("n", "3");
        GeneratorProvider.Result second = p.load(options, null);
        assertThat(second.cached()).isTrue();
        assertThat(second.file()).isEqualTo(first.file());
        assertThat(second.data().size()).isEqualTo(3);
        assertThat(second.data().inputs()).containsExactly(java.util.Arrays.copyOf(first.data().inputs(), 3 * 64));
        // Another parameter is another set.
        options.put("nu", "0.05");
        assertThat(p.load(options, null).cached()).isFalse();
        // Sample i does not depend on n.
        FunctionDataset small = p.open(Map.of("n", "2", "resolution", "64", "seed", "2"));
        assertThat(small.sample("a", 1)).containsExactly(java.util.Arrays.copyOfRange(first.data().inputs(), 64, 128));
        // The reference solver reproduces the stored output.
        double[] u = small.solver().orElseThrow().apply(small.sample("a", 1));
        assertThat(SolversTest.relL2(u, small.sample("u", 1))).isLessThan(1e-14);
    }

    @Test
    void batchesAreTensorsOfTheGridShape() {
        FunctionDataset d = new DatasetComponents.DarcyDatasets().open(Map.of("n", "3", "resolution", "9"));
        assertThat(d.schema().fields()).containsOnlyKeys("a", "u");
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> b = d.batch(m, new long[] {2, 0});
            assertThat(b.get("a").getShape().getShape()).containsExactly(2, 9, 9);
            assertThat(b.get("u").toDoubleArray()).startsWith(d.sample("u", 2)[0], d.sample("u", 2)[1]);
        }
        assertThat(d.sampleShape()).containsExactly(9, 9);
        // The reference solver reproduces the stored output; with refine=2 it solves on the finer grid.
        assertThat(SolversTest.relL2(d.solver().orElseThrow().apply(d.sample("a", 1)), d.sample("u", 1)))
                .isLessThan(1e-12);
        FunctionDataset fine = new DatasetComponents.DarcyDatasets().open(Map.of("n", "1", "resolution", "9",
                "refine", "2"));
        assertThat(fine.solver().orElseThrow().apply(fine.sample("a", 0))).hasSize(81);
    }

    @Test
    void everyGeneratorProducesFiniteData() {
        for (String name : new String[] {"burgers", "advection", "diffusion-reaction"}) {
            Generator g = Generators.named(name);
            FunctionData d = g.generate(2, 32, 1, g.parameters(new Options(Map.of()), 32), 2, null);
            assertThat(java.util.Arrays.stream(d.outputs()).allMatch(Double::isFinite)).isTrue();
            assertThat(d.equation()).isEqualTo(name);
        }
    }

    @Test
    void badOptionsAreNamed() {
        GeneratorProvider p = new DatasetComponents.BurgersDatasets();
        assertThatThrownBy(() -> p.open(Map.of("resolution", "1000"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two").hasMessageContaining("1000");
        assertThatThrownBy(() -> p.open(Map.of("viscosity", "0.1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("viscosity");
        assertThatThrownBy(() -> p.open(Map.of("n", "many"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n must be an integer");
        assertThatThrownBy(() -> Generators.named("navier-stokes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("navier-stokes");
        assertThatThrownBy(() -> DatasetFiles.read(dir.resolve("missing.npz"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.npz");
        assertThatThrownBy(() -> DatasetCommand.options("burgers", "--size", "3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--size");
        assertThatThrownBy(() -> DatasetCommand.options("burgers", "--n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--n needs a value");
    }

    @Test
    void pdeBenchNpzWithSinglePrecision() throws Exception {
        int samples = 3, nt = 5, nx = 16;
        float[] tensor = new float[samples * nt * nx];
        for (int i = 0; i < tensor.length; i++) {
            tensor[i] = i * 0.5f;
        }
        Path file = dir.resolve("1D_Advection_Sols_beta0.4.npz");
        Files.write(file, npz(Map.of("tensor", npyF4(tensor, samples, nt, nx), "x-coordinate",
                npyF4(floats(nx, 1.0f / nx), nx))));
        FunctionDataset d = new FileComponents.PdeBenchDatasets().open(Map.of("file", file.toString(), "n", "2",
                "sub", "2"));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.equation()).isEqualTo("advection");
        assertThat(d.parameters()).containsEntry("beta", 0.4);
        assertThat(d.sampleShape()).containsExactly(8);
        // sample 1, time 0, every 2nd point; output at the last time
        assertThat(d.sample("a", 1)[1]).isEqualTo(tensor[1 * nt * nx + 2]);
        assertThat(d.sample("u", 1)[3]).isEqualTo(tensor[1 * nt * nx + (nt - 1) * nx + 6]);
        assertThat(d.grid().get(0)[1]).isEqualTo(2.0f / nx);
        assertThatThrownBy(() -> new FileComponents.PdeBenchDatasets().open(Map.of("file", file.toString(),
                "t-index", "9"))).hasMessageContaining("t-index 9");
    }

    @Test
    void pdeBenchHdf5DarcyLayout() {
        int samples = 2, s = 6;
        float[][][] nu = new float[samples][s][s];
        float[][][][] tensor = new float[samples][1][s][s];
        for (int i = 0; i < samples; i++) {
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) {
                    nu[i][a][b] = i + a * 0.1f + b * 0.01f;
                    tensor[i][0][a][b] = -nu[i][a][b];
                }
            }
        }
        Path file = dir.resolve("2D_DarcyFlow_beta1.0_Train.hdf5");
        try (WritableHdfFile w = HdfFile.write(file)) {
            w.putDataset("nu", nu);
            w.putDataset("tensor", tensor);
            w.putDataset("x-coordinate", floats(s, 0.1f));
        }
        FunctionDataset d = new FileComponents.PdeBenchDatasets().open(Map.of("file", file.toString()));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.equation()).isEqualTo("darcy");
        assertThat(d.periodic()).isFalse();
        assertThat(d.sampleShape()).containsExactly(s, s);
        assertThat(d.sample("a", 1)[s + 2]).isEqualTo(nu[1][1][2]);
        assertThat(d.sample("u", 1)[s + 2]).isEqualTo(tensor[1][0][1][2]);
        assertThat(d.grid().get(0)[2]).isEqualTo(0.2f);
        assertThatThrownBy(() -> new FileComponents.PdeBenchDatasets().open(Map.of("file", dir.resolve("x.csv").toString())))
                .hasMessageContaining("x.csv");
    }

    static float[] floats(int n, float step) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = i * step;
        }
        return f;
    }

    static byte[] npyF4(float[] data, int... shape) {
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sh.append(shape[i]).append(shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + sh + "), }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII));
        b.asFloatBuffer().put(data);
        return b.array();
    }

    static byte[] npz(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).descendingMap().entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
