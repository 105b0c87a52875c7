package org.ansatz.models.kan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.WeakHashMap;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.JetModel;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.api.model.TrainingAware;

/**
 * A Kolmogorov-Arnold network (Liu et al. 2024): every edge {@code i -> o} of a layer carries its own
 * function {@code phi(x) = w_b b(x) + w_s sum_j c_j B_j(x)}, a base function b (silu) plus a B-spline
 * on a uniform grid of G cells (degree k, so G + k basis functions); a node sums its incoming edges
 * and adds a bias. As a PINN model this is KINN (Wang et al. 2024).
 *
 * <p><b>Taylor mode.</b> On a uniform grid {@code B_j(x) = N_k((x - t_j) / h)} with one cardinal
 * B-spline {@code N_k}. A layer therefore maps its input jet affinely to one column per (input, basis
 * function), applies {@code N_k} elementwise (its derivatives are B-splines of lower degree, see
 * {@link CardinalBSpline}), joins the base function's jet and contracts everything with one matmul
 * whose weight holds {@code w_b} and {@code w_s c}. All of it is {@link Jet}'s public arithmetic.
 *
 * <p><b>Grid extension.</b> The flat buffer holds coefficients for every grid the schedule names (one
 * block per level), the finer ones zero. The spline in use is that of the active level with
 * coefficients {@code c_a + sum_(l < a) P_(l->a) c_l}, where {@code P} is the least-squares prolongation
 * ({@link GridRefinement}) and the coarser blocks are frozen (no gradient). Activating a level
 * therefore keeps the function (exactly on the grid range when the sizes divide) while the parameter
 * count stays fixed, which the PINN solver and its optimizers require (they hold one flat vector of
 * fixed size, and the optimizer's vector overwrites the model's buffer before every evaluation, so
 * the model cannot rewrite its own coefficients). A level becomes active after the number of training
 * steps its schedule entry names, between two steps (a trainer reports them through
 * {@link #beforeStep}, as the pinn solver does, and restarts its optimizer then); with a trainer that
 * does not, after that number of training evaluations. {@link #extendGrid()} activates the next level
 * at once, and so does a restored parameter vector (resume, reload) with non-zero coefficients in it.
 */
public final class Kan implements Model, JetModel, TrainingAware {

    /** One layer's parameter offsets (into the flat buffer) and constant tensors per level. */
    private static final class Layer {
        final int in;
        final int out;
        int base;
        int scale;
        int bias;
        int[] coefficients;
        NDArray[] expand;
        NDArray[] shift;
        /** {@code prolong[a][l]}: level l's coefficients on level a's grid, {@code [G_a + k, G_l + k]}. */
        NDArray[][] prolong;

        Layer(int in, int out) {
            this.in = in;
            this.out = out;
        }
    }

    private final ModelSpec spec;
    private final KanOptions options;
    private final CardinalBSpline spline;
    private final Layer[] layers;
    private final NDArray flat;
    private final int size;
    private final DerivativePlan valuePlan;
    /** Training passes per derivative plan: the largest count is the number of evaluations. */
    private final Map<DerivativePlan, long[]> passes = new WeakHashMap<>();
    private long evaluations;
    /** Whether a trainer reports its steps: then they, not evaluations, drive the schedule. */
    private boolean stepped;
    private int level;
    private boolean inspected;

    public Kan(ModelSpec spec, NDManager manager) {
        this.spec = spec;
        this.options = KanOptions.parse(spec);
        int k = options.degree();
        this.spline = new CardinalBSpline(k);
        int[] w = options.widths();
        int[] grids = options.grids();
        this.layers = new Layer[w.length - 1];
        int offset = 0;
        for (int l = 0; l < layers.length; l++) {
            Layer layer = new Layer(w[l], w[l + 1]);
            int edges = layer.in * layer.out;
            layer.base = offset;
            offset += options.base() == null ? 0 : edges;
            layer.scale = offset;
            offset += edges;
            layer.bias = offset;
            offset += layer.out;
            layer.coefficients = new int[grids.length];
            for (int g = 0; g < grids.length; g++) {
                layer.coefficients[g] = offset;
                offset += edges * (grids[g] + k);
            }
            layers[l] = layer;
        }
        this.size = offset;
        this.flat = initialParameters(manager);
        this.valuePlan = DerivativePlan.of(spec.inputs(), List.of());
        for (int l = 0; l < layers.length; l++) {
            constants(layers[l], l, manager);
        }
    }

    /**
     * Glorot-uniform base weights, spline scales {@code 1/sqrt(in)}, coarsest coefficients uniform in
     * +-0.1 (the spline starts as a small perturbation of the base function, as in pykan), finer levels
     * and biases zero. java.util.Random, so a seed means the same network on every machine.
     */
    private NDArray initialParameters(NDManager manager) {
        Random random = new Random(spec.seed());
        double[] init = new double[size];
        for (Layer layer : layers) {
            int edges = layer.in * layer.out;
            if (options.base() != null) {
                double a = Math.sqrt(6.0 / (layer.in + layer.out));
                for (int i = 0; i < edges; i++) {
                    init[layer.base + i] = (2 * random.nextDouble() - 1) * a;
                }
            }
            java.util.Arrays.fill(init, layer.scale, layer.scale + edges, 1 / Math.sqrt(layer.in));
            int n = edges * (options.grids()[0] + options.degree());
            for (int i = 0; i < n; i++) {
                init[layer.coefficients[0] + i] = (2 * random.nextDouble() - 1) * 0.1;
            }
        }
        NDArray f = manager.create(init);
        if (spec.dtype() != DataType.FLOAT64) {
            NDArray cast = f.toType(spec.dtype(), false);
            f.close();
            f = cast;
        }
        f.setRequiresGradient(true);
        return f;
    }

    /** The affine maps to spline arguments and the prolongations, for every level. */
    private void constants(Layer layer, int index, NDManager manager) {
        int k = options.degree();
        int[] grids = options.grids();
        layer.expand = new NDArray[grids.length];
        layer.shift = new NDArray[grids.length];
        layer.prolong = new NDArray[grids.length][];
        for (int g = 0; g < grids.length; g++) {
            int nb = grids[g] + k;
            double[] e = new double[layer.in * layer.in * nb];
            double[] s = new double[layer.in * nb];
            for (int i = 0; i < layer.in; i++) {
                double lo = index == 0 ? options.lower()[i] : options.hiddenLow();
                double hi = index == 0 ? options.upper()[i] : options.hiddenHigh();
                double h = (hi - lo) / grids[g];
                for (int j = 0; j < nb; j++) {
                    // u_j = (x - t_j) / h with knots t_j = lo + (j - k) h
                    e[i * layer.in * nb + i * nb + j] = 1 / h;
                    s[i * nb + j] = -lo / h - j + k;
                }
            }
            layer.expand[g] = cast(manager.create(e, new Shape(layer.in, layer.in * nb)));
            layer.shift[g] = cast(manager.create(s));
            layer.prolong[g] = new NDArray[g];
            for (int c = 0; c < g; c++) {
                double[][] p = GridRefinement.prolongation(k, grids[c], grids[g]);
                double[] data = new double[p.length * p[0].length];
                for (int r = 0; r < p.length; r++) {
                    System.arraycopy(p[r], 0, data, r * p[0].length, p[0].length);
                }
                layer.prolong[g][c] = cast(manager.create(data, new Shape(p.length, p[0].length)));
            }
        }
    }

    private NDArray cast(NDArray a) {
        if (spec.dtype() == DataType.FLOAT64) {
            return a;
        }
        NDArray c = a.toType(spec.dtype(), false);
        a.close();
        return c;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    /** One flat buffer: per layer base weights, spline scales, biases, then a coefficient block per grid level. */
    @Override
    public NDList parameters() {
        return new NDList(flat);
    }

    public int parameterCount() {
        return size;
    }

    /** Parameters that shape the function at the active level (frozen coarser blocks excluded). */
    public int activeParameterCount() {
        int n = 0;
        for (Layer layer : layers) {
            int edges = layer.in * layer.out;
            n += (options.base() == null ? 0 : edges) + edges + layer.out + edges * (grid() + options.degree());
        }
        return n;
    }

    /** Widths including inputs and outputs. */
    public int[] widths() {
        return options.widths().clone();
    }

    /** The grid size in use. */
    public int grid() {
        return options.grids()[level];
    }

    /** Training evaluations counted so far (what the grid schedule compares with). */
    public long evaluations() {
        return evaluations;
    }

    /**
     * Moves to the next grid of the schedule now, keeping the function on the grid range.
     *
     * @throws IllegalStateException when the schedule names no finer grid
     */
    public void extendGrid() {
        if (level + 1 >= options.grids().length) {
            throw new IllegalStateException("no finer grid: model.grid-schedule lists "
                    + (options.grids().length - 1) + " extension(s), all done (grid " + grid() + ")");
        }
        level++;
    }

    @Override
    public NDArray forward(NDArray x) {
        return forward(Jet.input(x, valuePlan)).value();
    }

    @Override
    public Jet forward(Jet input) {
        beforePass(input.plan());
        NDManager m = input.data().getManager();
        Jet a = input;
        for (int l = 0; l < layers.length; l++) {
            a = layer(layers[l], a, m);
        }
        return a;
    }

    private Jet layer(Layer layer, Jet a, NDManager m) {
        Jet basis = a.linear(layer.expand[level], layer.shift[level]).apply(spline);
        NDArray w = splineWeight(layer, m);
        Jet features = basis;
        if (options.base() != null) {
            features = Jet.concat(List.of(a.apply(options.base()), basis));
            w = view(layer.base, layer.in * layer.out, m).reshape(layer.in, layer.out).concat(w, 0);
        }
        return features.linear(w, view(layer.bias, layer.out, m));
    }

    /** {@code w_s c} for the active level, {@code [in * (G + k), out]}. */
    private NDArray splineWeight(Layer layer, NDManager m) {
        int k = options.degree();
        int[] grids = options.grids();
        int nb = grids[level] + k;
        NDArray c = coefficients(layer, level, m);
        for (int l = 0; l < level; l++) {
            // Frozen: after an extension only the finest block learns, as in pykan, where the coarse
            // coefficients are replaced by the fitted fine ones.
            NDArray coarse = coefficients(layer, l, m).stopGradient();
            coarse.attach(m);
            NDArray p = layer.prolong[level][l];
            // [in, nb_l, out] -> [nb_l, in * out] -> P -> [nb, in, out] -> [in, nb, out]
            NDArray moved = p.matMul(coarse.transpose(1, 0, 2).reshape(grids[l] + k, layer.in * layer.out))
                    .reshape(nb, layer.in, layer.out).transpose(1, 0, 2);
            c = c.add(moved);
        }
        NDArray scale = view(layer.scale, layer.in * layer.out, m).reshape(layer.in, 1, layer.out);
        return c.mul(scale).reshape(layer.in * nb, layer.out);
    }

    private NDArray coefficients(Layer layer, int lev, NDManager m) {
        int nb = options.grids()[lev] + options.degree();
        return view(layer.coefficients[lev], layer.in * nb * layer.out, m).reshape(layer.in, nb, layer.out);
    }

    /*
     * Views of the flat buffer belong to the forward pass's manager (that of the input): made in the
     * buffer's own manager they would live as long as the model, one set per training step.
     */
    private NDArray view(int from, int length, NDManager m) {
        NDArray slice = flat.get(from + ":" + (from + length));
        slice.attach(m);
        return slice;
    }

    @Override
    public boolean beforeStep(long step) {
        stepped = true;
        inspect();
        int was = level;
        advance(step);
        return level != was;
    }

    /** Counts training evaluations and, when no trainer reports steps, activates the levels they reach. */
    private void beforePass(DerivativePlan plan) {
        inspect();
        if (level + 1 >= options.grids().length || !JniUtils.isGradMode()) {
            return;
        }
        // The PINN objective runs each of its plans (residual, every condition) once per evaluation, and
        // predictions run unrecorded: the largest count per plan is the number of evaluations.
        long[] count = passes.computeIfAbsent(plan, p -> new long[1]);
        evaluations = Math.max(evaluations, ++count[0]);
        if (!stepped) {
            advance(evaluations);
        }
    }

    private void inspect() {
        if (!inspected) {
            inspected = true;
            level = Math.max(level, restoredLevel());
        }
    }

    /** Activates the levels whose entry {@code G@N} has {@code N < count}. */
    private void advance(long count) {
        long[] after = options.after();
        while (level + 1 < after.length && count > after[level + 1]) {
            level++;
        }
    }

    /** The finest level whose coefficients are not all zero: parameters set from a trained run. */
    private int restoredLevel() {
        int found = 0;
        try (NDManager m = flat.getManager().newSubManager()) {
            for (int g = 1; g < options.grids().length; g++) {
                for (Layer layer : layers) {
                    NDArray block = coefficients(layer, g, m);
                    if (block.abs().max().toType(DataType.FLOAT64, false).getDouble() != 0) {
                        found = g;
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        flat.close();
        for (Layer layer : layers) {
            for (int g = 0; g < layer.expand.length; g++) {
                layer.expand[g].close();
                layer.shift[g].close();
                for (NDArray p : layer.prolong[g]) {
                    p.close();
                }
            }
        }
    }

    @Override
    public String toString() {
        List<String> w = new ArrayList<>();
        for (int v : options.widths()) {
            w.add(Integer.toString(v));
        }
        return "kan[" + String.join(",", w) + "] grid " + grid() + " order " + options.degree() + ", "
                + size + " parameters";
    }
}
