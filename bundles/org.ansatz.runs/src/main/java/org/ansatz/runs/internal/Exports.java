package org.ansatz.runs.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.run.NumpyFiles;

/**
 * The grid as files other tools read: CSV (one row per point inside the geometry), NPY (one array per
 * field, shaped like the grid), NPZ (axes, fields and mask in one archive) and legacy VTK structured
 * points (ParaView, VisIt).
 */
final class Exports {

    private Exports() {
    }

    /** Field names and values: {@code u}, {@code u_ref}, {@code u_error} per output. */
    static Map<String, double[]> fields(Grid g) {
        Map<String, double[]> f = new LinkedHashMap<>();
        for (int o = 0; o < g.outputs.size(); o++) {
            String name = g.outputs.get(o);
            f.put(name, g.predicted[o]);
            if (g.reference != null) {
                f.put(name + "_ref", g.reference[o]);
                f.put(name + "_error", g.error[o]);
            }
        }
        return f;
    }

    static String csv(Grid g) {
        Map<String, double[]> fields = fields(g);
        StringBuilder b = new StringBuilder(String.join(",", g.inputs));
        fields.keySet().forEach(k -> b.append(',').append(k));
        b.append('\n');
        double[] q = new double[g.inputs.size()];
        for (int i = 0; i < g.size; i++) {
            if (!g.inside[i]) {
                continue;
            }
            g.point(i, q);
            for (int a = 0; a < q.length; a++) {
                b.append(a == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.10g", q[a]));
            }
            for (double[] v : fields.values()) {
                b.append(',').append(String.format(Locale.ROOT, "%.10e", v[i]));
            }
            b.append('\n');
        }
        return b.toString();
    }

    static byte[] npy(Grid g, double[] field) {
        return NumpyFiles.npy(new NumpyFiles.Array("<f8", g.shape, field));
    }

    static byte[] npz(Grid g) {
        Map<String, NumpyFiles.Array> arrays = new LinkedHashMap<>();
        for (int a = 0; a < g.inputs.size(); a++) {
            arrays.put(g.inputs.get(a), NumpyFiles.Array.of(g.axes[a]));
        }
        fields(g).forEach((k, v) -> arrays.put(k, new NumpyFiles.Array("<f8", g.shape, v)));
        arrays.put("inside", new NumpyFiles.Array("|b1", g.shape, g.inside));
        return NumpyFiles.npz(arrays);
    }

    /**
     * VTK's axes: the spatial inputs in order as X, Y (, Z), time last, so that ParaView shows space
     * horizontally. At most three inputs.
     */
    static int[] vtkAxes(List<String> inputs) {
        int d = inputs.size();
        int[] order = new int[d];
        int k = 0;
        for (int a = 0; a < d; a++) {
            if (!inputs.get(a).equals("t")) {
                order[k++] = a;
            }
        }
        if (inputs.contains("t")) {
            order[k] = inputs.indexOf("t");
        }
        return order;
    }

    /**
     * Legacy VTK, binary (big-endian float64), DATASET STRUCTURED_POINTS; the point data are the fields
     * and an {@code inside} mask (1 in the geometry, 0 outside, where the fields are NaN).
     */
    static byte[] vtk(Grid g, String title) {
        int d = g.inputs.size();
        if (d > 3) {
            throw new IllegalArgumentException("VTK structured points hold at most 3 axes, the problem has " + d
                    + " inputs");
        }
        int[] order = vtkAxes(g.inputs);
        int[] dims = {1, 1, 1};
        double[] origin = {0, 0, 0};
        double[] spacing = {1, 1, 1};
        StringBuilder axisNames = new StringBuilder();
        for (int v = 0; v < d; v++) {
            int a = order[v];
            dims[v] = g.shape[a];
            origin[v] = g.axes[a][0];
            spacing[v] = (g.axes[a][g.shape[a] - 1] - g.axes[a][0]) / (g.shape[a] - 1);
            axisNames.append(v == 0 ? "" : " ").append("XYZ".charAt(v)).append('=').append(g.inputs.get(a));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            String header = "# vtk DataFile Version 3.0\n"
                    + (title + " (" + axisNames + ")").replace('\n', ' ') + "\n"
                    + "BINARY\n"
                    + "DATASET STRUCTURED_POINTS\n"
                    + "DIMENSIONS " + dims[0] + " " + dims[1] + " " + dims[2] + "\n"
                    + String.format(Locale.ROOT, "ORIGIN %.17g %.17g %.17g%n", origin[0], origin[1], origin[2])
                    + String.format(Locale.ROOT, "SPACING %.17g %.17g %.17g%n", spacing[0], spacing[1], spacing[2])
                    + "POINT_DATA " + g.size + "\n";
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            // VTK orders points with X fastest; the grid is in C order of the inputs.
            int[] vtkToGrid = new int[g.size];
            int[] idx = new int[3];
            for (int p = 0; p < g.size; p++) {
                idx[0] = p % dims[0];
                idx[1] = p / dims[0] % dims[1];
                idx[2] = p / dims[0] / dims[1];
                int flat = 0;
                int[] per = new int[d];
                for (int v = 0; v < d; v++) {
                    per[order[v]] = idx[v];
                }
                for (int a = 0; a < d; a++) {
                    flat = flat * g.shape[a] + per[a];
                }
                vtkToGrid[p] = flat;
            }
            Map<String, double[]> fields = new LinkedHashMap<>(fields(g));
            double[] mask = new double[g.size];
            for (int i = 0; i < g.size; i++) {
                mask[i] = g.inside[i] ? 1 : 0;
            }
            fields.put("inside", mask);
            for (Map.Entry<String, double[]> f : fields.entrySet()) {
                out.write(("SCALARS " + f.getKey() + " double 1\nLOOKUP_TABLE default\n")
                        .getBytes(StandardCharsets.US_ASCII));
                for (int p = 0; p < g.size; p++) {
                    out.writeDouble(f.getValue()[vtkToGrid[p]]);
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
