package org.ansatz.datasets.internal;

import io.jhdf.HdfFile;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.ansatz.api.method.Options;

/**
 * Reads files in PDEBench's layout, as HDF5 ({@code .h5}, {@code .hdf5}, with the pure-Java jHDF) or
 * as NPZ holding the same arrays:
 *
 * <pre>
 * tensor         [N, nt, nx] or [N, nt, nx, ny]  solutions over time (1D advection, Burgers, diffusion-reaction)
 * nu             [N, nx, ny]                     Darcy coefficient; then tensor is [N, 1, nx, ny], the pressure
 * x-coordinate   [nx], y-coordinate [ny]          grid (optional)
 * </pre>
 *
 * Without {@code nu} the input is {@code tensor[:, 0]} (the initial condition) and the output
 * {@code tensor[:, t-index]} (default the last time); with {@code nu} the input is {@code nu} and the
 * output {@code tensor[:, 0]}. Only the selected samples and times are read: the NPZ path streams
 * one sample at a time, the HDF5 path reads hyperslabs, so files larger than memory work.
 */
final class PdeBench {

    private static final Pattern PARAMETER = Pattern.compile("(beta|nu|rho|Nu|Rho|Beta)_?([0-9]+(?:\\.[0-9]+)?(?:[eE]-?[0-9]+)?)");

    private PdeBench() {
    }

    static FunctionData load(Options o) {
        String name = o.string("file", null);
        if (name == null) {
            throw new IllegalArgumentException("dataset pdebench needs file=PATH (.h5, .hdf5 or .npz in PDEBench's layout)");
        }
        Path file = Path.of(name);
        int n = o.integer("n", 0, 0);
        int sub = o.integer("sub", 1, 1);
        int tIndexOption = o.integer("t-index", -1, -1);
        String equationOption = o.string("equation", null);
        String periodicOption = o.choice("periodic", null, List.of("true", "false"));
        o.checkAllRead("dataset pdebench");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no PDEBench file " + file.toAbsolutePath());
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Source source;
        if (lower.endsWith(".npz")) {
            source = npz(file, n, tIndexOption);
        } else if (lower.endsWith(".h5") || lower.endsWith(".hdf5")) {
            source = hdf5(file, n, tIndexOption);
        } else {
            throw new IllegalArgumentException("unsupported PDEBench file type: " + file.getFileName()
                    + " (expected .h5, .hdf5 or .npz)");
        }
        int dims = source.shape.length;
        boolean periodic = periodicOption != null ? Boolean.parseBoolean(periodicOption) : !source.darcy;
        List<double[]> grid = new ArrayList<>();
        for (int axis = 0; axis < dims; axis++) {
            double[] g = source.coordinates.get(axis);
            if (g == null || g.length != source.shape[axis]) {
                g = periodic ? Generator.periodicGrid(source.shape[axis]) : Generator.closedGrid(source.shape[axis]);
            }
            grid.add(Generator.subsample(g, sub));
        }
        int[] shape = grid.stream().mapToInt(g -> g.length).toArray();
        double[] inputs = subsample(source.inputs, source.shape, shape, sub);
        double[] outputs = subsample(source.outputs, source.shape, shape, sub);
        Map<String, Double> params = parameters(file.getFileName().toString());
        if (source.time >= 0) {
            params.put("t-index", (double) source.time);
        }
        String equation = equationOption != null ? equationOption : guessEquation(lower, source.darcy);
        return new FunctionData(equation, params, grid, periodic, "a", "u", inputs, outputs,
                -1, null);
    }

    /** What was read: per-sample input and output rows, their grid shape and coordinates. */
    private record Source(boolean darcy, int[] shape, double[] inputs, double[] outputs, int time,
            Map<Integer, double[]> coordinates) {
    }

    private static Source npz(Path file, int n, int tIndexOption) {
        Map<String, Npy.Header> headers = Npy.headers(file);
        Npy.Header tensor = headers.get("tensor");
        if (tensor == null) {
            throw new IllegalArgumentException(file + " has no 'tensor' array (PDEBench layout); entries: "
                    + headers.keySet());
        }
        boolean darcy = headers.containsKey("nu");
        int[] t = tensor.shape();
        if (t.length < 3) {
            throw new IllegalArgumentException(file + ": 'tensor' must be [N, nt, nx(, ny)], got " + Arrays.toString(t));
        }
        int samples = n > 0 ? Math.min(n, t[0]) : t[0];
        int nt = t[1];
        int[] shape = Arrays.copyOfRange(t, 2, t.length);
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        int time = darcy ? 0 : tIndexOption < 0 ? nt - 1 : tIndexOption;
        if (time >= nt) {
            throw new IllegalArgumentException("t-index " + time + " out of range: " + file + " has " + nt + " times");
        }
        double[] inputs = new double[samples * size];
        double[] outputs = new double[samples * size];
        Map<Integer, double[]> coordinates = new LinkedHashMap<>();
        // One pass over the archive: large arrays stream row by row, coordinates are read whole.
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName().replaceFirst("\\.npy$", "");
                Npy.Header h = Npy.header(zip);
                switch (name) {
                    case "tensor" -> rows(zip, h, samples, (i, row) -> {
                        if (!darcy) {
                            System.arraycopy(row, 0, inputs, i * size, size);
                        }
                        System.arraycopy(row, time * size, outputs, i * size, size);
                    });
                    case "nu" -> {
                        if (!Arrays.equals(Arrays.copyOfRange(h.shape(), 1, h.shape().length), shape)) {
                            throw new IllegalArgumentException(file + ": shape mismatch: 'nu' " + Arrays.toString(h.shape())
                                    + " and 'tensor' " + Arrays.toString(t));
                        }
                        rows(zip, h, samples, (i, row) -> System.arraycopy(row, 0, inputs, i * size, size));
                    }
                    case "x-coordinate", "y-coordinate", "z-coordinate" -> {
                        byte[] bytes = zip.readNBytes((int) (h.count() * h.itemSize()));
                        coordinates.put(name.charAt(0) - 'x', Npy.decode(bytes, h.dtype(), (int) h.count()));
                    }
                    default -> {
                        // other entries (t-coordinate, attributes) are not needed
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Source(darcy, shape, inputs, outputs, darcy ? -1 : time, coordinates);
    }

    private interface Row {
        void accept(int index, double[] values);
    }

    private static void rows(InputStream in, Npy.Header h, int samples, Row row) throws IOException {
        long rowCount = h.count() / h.shape()[0];
        long rowBytes = rowCount * h.itemSize();
        for (int i = 0; i < samples; i++) {
            byte[] b = in.readNBytes((int) rowBytes);
            if (b.length != rowBytes) {
                throw new IOException("truncated array after " + i + " rows");
            }
            row.accept(i, Npy.decode(b, h.dtype(), (int) rowCount));
        }
    }

    private static Source hdf5(Path file, int n, int tIndexOption) {
        try (HdfFile hdf = new HdfFile(file)) {
            io.jhdf.api.Dataset tensor = dataset(hdf, "tensor", file);
            int[] t = tensor.getDimensions();
            if (t.length < 3) {
                throw new IllegalArgumentException(file + ": 'tensor' must be [N, nt, nx(, ny)], got " + Arrays.toString(t));
            }
            boolean darcy = hdf.getChildren().containsKey("nu");
            int samples = n > 0 ? Math.min(n, t[0]) : t[0];
            int nt = t[1];
            int[] shape = Arrays.copyOfRange(t, 2, t.length);
            int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            int time = darcy ? 0 : tIndexOption < 0 ? nt - 1 : tIndexOption;
            if (time >= nt) {
                throw new IllegalArgumentException("t-index " + time + " out of range: " + file + " has " + nt + " times");
            }
            double[] outputs = slab(tensor, samples, time, shape);
            double[] inputs;
            if (darcy) {
                io.jhdf.api.Dataset nu = dataset(hdf, "nu", file);
                int[] s = nu.getDimensions();
                if (!Arrays.equals(Arrays.copyOfRange(s, 1, s.length), shape)) {
                    throw new IllegalArgumentException(file + ": shape mismatch: 'nu' " + Arrays.toString(s)
                            + " and 'tensor' " + Arrays.toString(t));
                }
                long[] offset = new long[s.length];
                int[] count = s.clone();
                count[0] = samples;
                inputs = flatten(nu.getData(offset, count), samples * size);
            } else {
                inputs = slab(tensor, samples, 0, shape);
            }
            Map<Integer, double[]> coordinates = new LinkedHashMap<>();
            for (String axis : List.of("x", "y", "z")) {
                Node c = hdf.getChildren().get(axis + "-coordinate");
                if (c instanceof io.jhdf.api.Dataset d) {
                    coordinates.put(axis.charAt(0) - 'x', flatten(d.getData(), (int) d.getSize()));
                }
            }
            return new Source(darcy, shape, inputs, outputs, darcy ? -1 : time, coordinates);
        } catch (io.jhdf.exceptions.HdfException e) {
            throw new IllegalArgumentException("cannot read HDF5 file " + file + ": " + e.getMessage(), e);
        }
    }

    private static io.jhdf.api.Dataset dataset(HdfFile hdf, String name, Path file) {
        Node node = hdf.getChildren().get(name);
        if (!(node instanceof io.jhdf.api.Dataset d)) {
            throw new IllegalArgumentException(file + " has no dataset '" + name + "' (PDEBench layout); members: "
                    + hdf.getChildren().keySet());
        }
        return d;
    }

    /** {@code tensor[0:samples, time]} as a flat array. */
    private static double[] slab(io.jhdf.api.Dataset tensor, int samples, int time, int[] shape) {
        int rank = tensor.getDimensions().length;
        long[] offset = new long[rank];
        offset[1] = time;
        int[] count = new int[rank];
        count[0] = samples;
        count[1] = 1;
        System.arraycopy(shape, 0, count, 2, shape.length);
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        return flatten(tensor.getData(offset, count), samples * size);
    }

    /** jHDF returns nested Java arrays of float, double, int or long; flattened in C order. */
    static double[] flatten(Object data, int expected) {
        double[] out = new double[expected];
        int[] at = {0};
        flattenInto(data, out, at);
        if (at[0] != expected) {
            throw new IllegalArgumentException("expected " + expected + " values, the file gave " + at[0]);
        }
        return out;
    }

    private static void flattenInto(Object data, double[] out, int[] at) {
        if (data instanceof float[] f) {
            for (float v : f) {
                out[at[0]++] = v;
            }
        } else if (data instanceof double[] d) {
            System.arraycopy(d, 0, out, at[0], d.length);
            at[0] += d.length;
        } else if (data instanceof int[] d) {
            for (int v : d) {
                out[at[0]++] = v;
            }
        } else if (data instanceof long[] d) {
            for (long v : d) {
                out[at[0]++] = v;
            }
        } else if (data instanceof Number v) {
            out[at[0]++] = v.doubleValue();
        } else if (data != null && data.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(data); i++) {
                flattenInto(Array.get(data, i), out, at);
            }
        } else {
            throw new IllegalArgumentException("unsupported HDF5 data of type "
                    + (data == null ? "null" : data.getClass().getSimpleName()));
        }
    }

    /** Every {@code sub}-th point along each axis of each sample. */
    private static double[] subsample(double[] v, int[] from, int[] to, int sub) {
        if (sub == 1) {
            return v;
        }
        int sizeFrom = Arrays.stream(from).reduce(1, (a, b) -> a * b);
        int sizeTo = Arrays.stream(to).reduce(1, (a, b) -> a * b);
        int samples = v.length / sizeFrom;
        double[] out = new double[samples * sizeTo];
        int[] idx = new int[to.length];
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < sizeTo; j++) {
                int rem = j;
                for (int a = to.length - 1; a >= 0; a--) {
                    idx[a] = rem % to[a];
                    rem /= to[a];
                }
                int src = 0;
                for (int a = 0; a < to.length; a++) {
                    src = src * from[a] + idx[a] * sub;
                }
                out[s * sizeTo + j] = v[s * sizeFrom + src];
            }
        }
        return out;
    }

    private static Map<String, Double> parameters(String fileName) {
        Map<String, Double> p = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(fileName);
        while (m.find()) {
            try {
                p.put(m.group(1).toLowerCase(Locale.ROOT), Double.parseDouble(m.group(2).replaceAll("\\.$", "")));
            } catch (NumberFormatException ignored) {
                // a name that only looks like a parameter
            }
        }
        return p;
    }

    private static String guessEquation(String lowerName, boolean darcy) {
        if (darcy || lowerName.contains("darcy")) {
            return "darcy";
        }
        if (lowerName.contains("advection")) {
            return "advection";
        }
        if (lowerName.contains("burgers")) {
            return "burgers";
        }
        if (lowerName.contains("reacdiff") || lowerName.contains("diffusion")) {
            return "diffusion-reaction";
        }
        return "";
    }
}
