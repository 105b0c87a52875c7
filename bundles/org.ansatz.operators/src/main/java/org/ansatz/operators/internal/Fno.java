package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelSpec;

/**
 * Fourier neural operator (Li et al., 2021) in one or two dimensions: lift the input channels and the
 * grid coordinates pointwise to {@code width} channels, apply {@code layers} Fourier layers
 * {@code v <- gelu(K v + W v + b)} (spectral convolution over the lowest modes plus a pointwise
 * linear map; no activation after the last), project pointwise through {@code projection} hidden
 * channels to the outputs.
 *
 * <p>As a kernel {@link Model} it maps functions on a grid, not points: {@code forward} takes
 * {@code [batch, n, inputs]} (1D) or {@code [batch, nx, ny, inputs]} (2D), channels last, and returns
 * the outputs on the same grid. The grid need not be the training grid (super-resolution): the
 * coordinates are made from the input's size, {@code j / n} on a periodic grid, {@code j / (n - 1)}
 * on a closed one.
 *
 * <p>Options: {@code dims} (1 or 2), {@code width} (64), {@code modes} (16; in 2D per axis, or
 * {@code modes=12,12}), {@code layers} (4), {@code projection} (128), {@code spectral} ({@code fft} or
 * {@code matmul}), {@code grid} ({@code periodic} or {@code closed}).
 */
final class Fno implements Model {

    static final List<String> OPTIONS = List.of("dims", "width", "modes", "layers", "projection", "spectral", "grid");

    private final ModelSpec spec;
    private final int dims;
    private final int width;
    private final int[] modes;
    private final int layers;
    private final int projection;
    private final SpectralConv.Method method;
    private final boolean periodic;
    private final FlatParameters params = new FlatParameters();
    private final SpectralConv.Constants constants;

    Fno(ModelSpec spec, NDManager manager) {
        this.spec = spec;
        Map<String, Object> o = spec.options();
        for (String key : o.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown option model." + key + " for fno; known: " + OPTIONS);
            }
        }
        dims = ModelOptions.integer(o, "dims", 1, 1);
        if (dims > 2) {
            throw new IllegalArgumentException("model.dims must be 1 or 2, got " + dims);
        }
        width = ModelOptions.integer(o, "width", dims == 1 ? 64 : 32, 1);
        layers = ModelOptions.integer(o, "layers", 4, 1);
        projection = ModelOptions.integer(o, "projection", 128, 1);
        int[] m = ModelOptions.integers(o, "modes", new int[] {dims == 1 ? 16 : 12});
        if (m.length != 1 && m.length != dims) {
            throw new IllegalArgumentException("model.modes needs 1 or " + dims + " values, got " + m.length);
        }
        modes = new int[dims];
        for (int i = 0; i < dims; i++) {
            modes[i] = m.length == 1 ? m[0] : m[i];
        }
        method = SpectralConv.Method.parse(String.valueOf(o.getOrDefault("spectral", "matmul")));
        String grid = String.valueOf(o.getOrDefault("grid", dims == 1 ? "periodic" : "closed"));
        if (!grid.equals("periodic") && !grid.equals("closed")) {
            throw new IllegalArgumentException("model.grid must be periodic or closed, got '" + grid + "'");
        }
        periodic = grid.equals("periodic");

        // Initialisation as in the FNO reference code: PyTorch's default for the pointwise layers
        // (uniform in +-1/sqrt(fan_in)), uniform [0, 1/(c*o)) for the spectral weights.
        Random r = new Random(spec.seed());
        int in = spec.inputs() + dims;
        linear("lift", r, in, width);
        int kept = dims == 1 ? modes[0] : 2 * modes[0] * modes[1];
        for (int l = 0; l < layers; l++) {
            double scale = 1.0 / (width * width);
            params.positive("spectral" + l + ".re", r, scale, kept, width, width);
            params.positive("spectral" + l + ".im", r, scale, kept, width, width);
            linear("pointwise" + l, r, width, width);
        }
        linear("project1", r, width, projection);
        linear("project2", r, projection, spec.outputs());
        params.build(manager, spec.dtype());
        constants = new SpectralConv.Constants(manager);
    }

    /** Weight {@code [out, in]} and bias {@code [out, 1]}: channels-first pointwise maps. */
    private void linear(String name, Random r, int in, int out) {
        double bound = 1 / Math.sqrt(in);
        params.uniform(name + ".w", r, bound, out, in);
        params.uniform(name + ".b", r, bound, out, 1);
    }

    int dims() {
        return dims;
    }

    int[] modes() {
        return modes.clone();
    }

    FlatParameters flat() {
        return params;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public NDList parameters() {
        return new NDList(params.flat());
    }

    @Override
    public NDArray forward(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != dims + 2 || s.get(dims + 1) != spec.inputs()) {
            throw new IllegalArgumentException("shape mismatch: fno (" + dims + "D, " + spec.inputs()
                    + " input channels) maps functions on a grid, [batch, " + (dims == 1 ? "n" : "nx, ny") + ", "
                    + spec.inputs() + "]; got " + s);
        }
        NDManager m = x.getManager();
        long b = s.get(0);
        long points = 1;
        long[] grid = new long[dims];
        for (int i = 0; i < dims; i++) {
            grid[i] = s.get(i + 1);
            points *= grid[i];
        }
        NDArray input = x.concat(coordinates(m, b, grid, x.getDataType()), dims + 1);
        // channels-first [b, c, points] from here on
        NDArray v = input.reshape(b, points, spec.inputs() + dims).transpose(0, 2, 1);
        v = pointwise(v, "lift", m);
        for (int l = 0; l < layers; l++) {
            NDArray wr = params.view("spectral" + l + ".re", m);
            NDArray wi = params.view("spectral" + l + ".im", m);
            NDArray k = dims == 1
                    ? SpectralConv.conv1d(v, wr, wi, method, constants)
                    : SpectralConv.conv2d(v.reshape(b, width, grid[0], grid[1]), wr, wi, modes[0], modes[1], method,
                            constants).reshape(b, width, points);
            v = k.add(pointwise(v, "pointwise" + l, m));
            if (l < layers - 1) {
                v = Activation.gelu(v);
            }
        }
        v = Activation.gelu(pointwise(v, "project1", m));
        v = pointwise(v, "project2", m);
        long[] out = new long[dims + 2];
        out[0] = b;
        System.arraycopy(grid, 0, out, 1, dims);
        out[dims + 1] = spec.outputs();
        return v.transpose(0, 2, 1).reshape(new Shape(out));
    }

    private NDArray pointwise(NDArray v, String name, NDManager m) {
        return params.view(name + ".w", m).matMul(v).add(params.view(name + ".b", m));
    }

    /** Grid coordinates as extra channels {@code [b, grid..., dims]}. */
    private NDArray coordinates(NDManager m, long b, long[] grid, DataType type) {
        int points = 1;
        for (long g : grid) {
            points *= (int) g;
        }
        double[] c = new double[points * dims];
        for (int p = 0; p < points; p++) {
            int rem = p;
            for (int axis = dims - 1; axis >= 0; axis--) {
                int idx = rem % (int) grid[axis];
                rem /= (int) grid[axis];
                c[p * dims + axis] = periodic ? (double) idx / grid[axis] : (double) idx / (grid[axis] - 1);
            }
        }
        long[] shape = new long[dims + 2];
        shape[0] = 1;
        System.arraycopy(grid, 0, shape, 1, dims);
        shape[dims + 1] = dims;
        NDArray one = m.create(c, new Shape(shape)).toType(type, false);
        long[] full = shape.clone();
        full[0] = b;
        return one.broadcast(new Shape(full));
    }

    @Override
    public void close() {
        constants.close();
        params.close();
    }
}
