package org.ansatz.kernel.internal.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ansatz.api.run.NumpyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NPY and NPZ checked byte for byte against the format description, and read by NumPy when it is installed. */
class NumpyFilesTest {

    @TempDir
    Path tmp;

    @Test
    void npyHeaderAndDataAreExactlyWhatTheFormatPrescribes() {
        byte[] b = NumpyFiles.npy(NumpyFiles.Array.of(new double[] {1.5, -2, 3, 4, 5, 6e-300}, 2, 3));
        assertThat(Arrays.copyOf(b, 8)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
        int headerLength = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        String header = new String(b, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }").endsWith("\n");
        assertThat(header.trim()).doesNotContain("\n");
        assertThat((10 + headerLength) % 64).isZero();
        assertThat(b.length).isEqualTo(10 + headerLength + 6 * 8);
        ByteBuffer data = ByteBuffer.wrap(b, 10 + headerLength, 48).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getDouble()).isEqualTo(1.5);
        data.position(10 + headerLength + 40);
        assertThat(data.getDouble()).isEqualTo(6e-300);
        // one-dimensional shapes carry the trailing comma of a Python 1-tuple; scalars are ()
        String oneD = new String(NumpyFiles.npy(NumpyFiles.Array.of(new long[] {7})), 10, 60, StandardCharsets.US_ASCII);
        assertThat(oneD).contains("'descr': '<i8'").contains("'shape': (1,)");
        String scalar = new String(NumpyFiles.npy(new NumpyFiles.Array("<i4", new int[0], new int[] {3})), 10, 60,
                StandardCharsets.US_ASCII);
        assertThat(scalar).contains("'shape': ()");
    }

    @Test
    void npzRoundTripsEveryDtypeAndRejectsGarbage() throws Exception {
        Map<String, NumpyFiles.Array> in = new LinkedHashMap<>();
        in.put("x", NumpyFiles.Array.of(new double[] {Double.NaN, Double.NEGATIVE_INFINITY, -0.0, Math.PI}, 2, 2));
        in.put("n", NumpyFiles.Array.of(new long[] {Long.MIN_VALUE, 1}));
        in.put("i", NumpyFiles.Array.of(new int[] {-1, 2, 3}));
        in.put("mask", NumpyFiles.Array.of(new boolean[] {true, false}));
        Path f = tmp.resolve("a.npz");
        Files.write(f, NumpyFiles.npz(in));
        Map<String, NumpyFiles.Array> out = NumpyFiles.readNpz(f);
        assertThat(out.keySet()).containsExactly("x", "n", "i", "mask");
        double[] x = (double[]) out.get("x").data();
        assertThat(Double.doubleToRawLongBits(x[2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(x[0]).isNaN();
        assertThat(out.get("x").shape()).containsExactly(2, 2);
        assertThat((long[]) out.get("n").data()).containsExactly(Long.MIN_VALUE, 1);
        assertThat((boolean[]) out.get("mask").data()).containsExactly(true, false);
        assertThatThrownBy(() -> NumpyFiles.readNpy("not numpy".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("magic");
        assertThatThrownBy(() -> NumpyFiles.Array.of(new double[5], 2, 3)).hasMessageContaining("needs 6 elements");
    }

    @Test
    void numpyReadsWhatIsWritten() throws Exception {
        assumeTrue(numpyAvailable(), "python3 with numpy is not installed: NumPy's own reading is not checked");
        Map<String, NumpyFiles.Array> in = new LinkedHashMap<>();
        in.put("u", NumpyFiles.Array.of(new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, 3, 2));
        in.put("inside", NumpyFiles.Array.of(new boolean[] {true, false, true}));
        Files.write(tmp.resolve("s.npz"), NumpyFiles.npz(in));
        Files.write(tmp.resolve("u.npy"), NumpyFiles.npy(in.get("u")));
        String script = "import numpy as np\n"
                + "z = np.load('s.npz')\n"
                + "u = np.load('u.npy')\n"
                + "assert z['u'].shape == (3, 2) and z['u'].dtype == np.float64, z['u']\n"
                + "assert (z['u'] == u).all() and u[2, 1] == 0.6 and u[0, 1] == 0.2\n"
                + "assert z['inside'].dtype == np.bool_ and list(z['inside']) == [True, False, True]\n"
                + "print('ok', sorted(z.files))\n";
        Process p = new ProcessBuilder("python3", "-c", script).directory(tmp.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("ok ['inside', 'u']");
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
