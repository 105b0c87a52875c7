package org.ansatz.datasets.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.ansatz.api.run.AtomicFiles;
import org.ansatz.api.run.NumpyFiles;

/**
 * The on-disk layout of a function dataset: one {@code .npz} that {@code numpy.load} reads.
 *
 * <pre>
 * a, u        float64 [n, nx] or [n, nx, ny]   input and output functions (names from 'fields')
 * x, y        float64 [nx], [ny]               grid coordinates
 * fields      str                              'a,u': input and output field names
 * equation    str                              e.g. 'burgers'; '' when unknown
 * periodic    bool                             grid of [0, L) without its right end
 * seed        int64                            generator seed, -1 for loaded data
 * &lt;name&gt;      float64 scalar                   every equation or generator parameter (nu, t, steps, ...)
 * </pre>
 *
 * Cached generated sets are named {@code <equation>-<resolution>-seed<seed>-<key>-n<n>.npz}, where
 * {@code key} hashes the parameters, so that a larger set with the same key serves smaller requests
 * (sample {@code i} does not depend on {@code n}).
 */
final class DatasetFiles {

    private static final List<String> AXES = List.of("x", "y", "z");

    private DatasetFiles() {
    }

    static void write(Path file, FunctionData d) {
        Map<String, NumpyFiles.Array> arrays = new LinkedHashMap<>();
        int[] shape = d.shape();
        int[] full = new int[shape.length + 1];
        full[0] = d.size();
        System.arraycopy(shape, 0, full, 1, shape.length);
        arrays.put(d.inputName(), NumpyFiles.Array.of(d.inputs(), full));
        arrays.put(d.outputName(), NumpyFiles.Array.of(d.outputs(), full.clone()));
        for (int i = 0; i < d.grid().size(); i++) {
            arrays.put(AXES.get(i), NumpyFiles.Array.of(d.grid().get(i)));
        }
        arrays.put("periodic", new NumpyFiles.Array("|b1", new int[0], new boolean[] {d.periodic()}));
        arrays.put("seed", new NumpyFiles.Array("<i8", new int[0], new long[] {d.seed()}));
        d.parameters().forEach((k, v) -> {
            if (arrays.containsKey(k) || k.equals("fields") || k.equals("equation")) {
                throw new IllegalArgumentException("parameter name '" + k + "' clashes with the dataset layout");
            }
            arrays.put(k, new NumpyFiles.Array("<f8", new int[0], new double[] {v}));
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, NumpyFiles.Array> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(NumpyFiles.npy(e.getValue()));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("fields.npy"));
            zip.write(Npy.unicodeScalar(d.inputName() + "," + d.outputName()));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("equation.npy"));
            zip.write(Npy.unicodeScalar(d.equation()));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /**
     * Reads a file of this layout.
     *
     * @param limit at most this many samples (all when {@code <= 0})
     * @throws IllegalArgumentException naming what is missing or inconsistent
     */
    static FunctionData read(Path file, int limit) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no dataset file " + file.toAbsolutePath());
        }
        Map<String, Object> all = Npy.readAll(file);
        Object fields = all.get("fields");
        if (!(fields instanceof String f) || f.split(",").length != 2) {
            throw new IllegalArgumentException(file + " is not an Ansatz dataset: no 'fields' entry naming the input "
                    + "and output (entries: " + all.keySet() + "); for PDEBench files use the dataset 'pdebench'");
        }
        String input = f.split(",")[0];
        String output = f.split(",")[1];
        NumpyFiles.Array a = array(all, input, file);
        NumpyFiles.Array u = array(all, output, file);
        List<double[]> grid = new ArrayList<>();
        for (String axis : AXES) {
            if (all.get(axis) instanceof NumpyFiles.Array g) {
                grid.add(g.doubles());
            }
        }
        int[] shape = a.shape();
        if (shape.length != grid.size() + 1 || !java.util.Arrays.equals(shape, u.shape())) {
            throw new IllegalArgumentException(file + ": shape mismatch: " + input + " " + java.util.Arrays.toString(shape)
                    + ", " + output + " " + java.util.Arrays.toString(u.shape()) + ", grid of " + grid.size() + " axes");
        }
        for (int i = 0; i < grid.size(); i++) {
            if (grid.get(i).length != shape[i + 1]) {
                throw new IllegalArgumentException(file + ": shape mismatch: axis " + AXES.get(i) + " has "
                        + grid.get(i).length + " points, the fields " + shape[i + 1]);
            }
        }
        Map<String, Double> params = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (v instanceof NumpyFiles.Array arr && arr.shape().length == 0 && arr.dtype().equals("<f8")) {
                params.put(k, arr.doubles()[0]);
            }
        });
        String equation = all.get("equation") instanceof String s ? s : "";
        boolean periodic = all.get("periodic") instanceof NumpyFiles.Array p && p.doubles()[0] != 0;
        long seed = all.get("seed") instanceof NumpyFiles.Array s ? (long) s.doubles()[0] : -1;
        FunctionData d = new FunctionData(equation, params, grid, periodic, input, output, a.doubles(), u.doubles(),
                seed, null);
        return limit > 0 && limit < d.size() ? d.head(limit) : d;
    }

    private static NumpyFiles.Array array(Map<String, Object> all, String name, Path file) {
        if (!(all.get(name) instanceof NumpyFiles.Array a)) {
            throw new IllegalArgumentException(file + " has no array '" + name + "'; entries: " + all.keySet());
        }
        return a;
    }

    /** The cache key of a generator's parameters: the first 8 hex digits of their SHA-256. */
    static String key(Map<String, Double> parameters) {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(parameters).forEach((k, v) -> b.append(k).append('=').append(v).append(';'));
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String prefix(String equation, int resolution, long seed, Map<String, Double> parameters) {
        return equation + "-" + resolution + "-seed" + seed + "-" + key(parameters) + "-n";
    }

    static Path file(Path directory, String equation, int resolution, long seed, Map<String, Double> parameters, int n) {
        return directory.resolve(prefix(equation, resolution, seed, parameters) + n + ".npz");
    }

    /** The smallest cached set of these parameters with at least {@code n} samples. */
    static Optional<Path> find(Path directory, String equation, int resolution, long seed,
            Map<String, Double> parameters, int n) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        Pattern p = Pattern.compile(Pattern.quote(prefix(equation, resolution, seed, parameters)) + "(\\d+)\\.npz");
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> {
                Matcher m = p.matcher(f.getFileName().toString());
                return m.matches() && Long.parseLong(m.group(1)) >= n;
            }).min(java.util.Comparator.comparingLong(f -> {
                Matcher m = p.matcher(f.getFileName().toString());
                m.matches();
                return Long.parseLong(m.group(1));
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }
}
