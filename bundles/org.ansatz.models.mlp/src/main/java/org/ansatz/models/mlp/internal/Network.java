package org.ansatz.models.mlp.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.Cauchy;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Functions;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.JetModel;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.api.model.Penalized;
import org.ansatz.models.mlp.internal.NetworkOptions.Adaptive;
import org.ansatz.models.mlp.internal.NetworkOptions.Architecture;

/**
 * The fully connected family with its variants, all parameters in one flat buffer (weights, biases,
 * adaptive slopes, Cauchy parameters, and the fixed Fourier frequencies):
 * <ul>
 * <li>multi-scale random Fourier features (Wang, Wang and Perdikaris 2021): for every scale
 * {@code sigma_i}, {@code gamma_i(x) = [cos(2 pi B_i x), sin(2 pi B_i x)]} with fixed
 * {@code B_i ~ N(0, sigma_i^2)}; the hidden layers (shared) map each {@code gamma_i} separately and the
 * output layer reads all of them side by side;</li>
 * <li>the modified MLP (Wang, Teng and Perdikaris 2021): encoders {@code U, V = act(X W + b)} and
 * {@code H <- (1 - Z) U + Z V} after every hidden layer but the first;</li>
 * <li>residual connections {@code H <- H + act(H W + b)} where a hidden layer keeps the width;</li>
 * <li>adaptive activations {@code act(n a z)} with a trainable slope {@code a} per layer or per neuron,
 * initialised to {@code 1/n} (Jagtap et al. 2020);</li>
 * <li>the Cauchy activation of XNet with trainable {@code lambda1, lambda2, d} per neuron, initialised
 * to 1.</li>
 * </ul>
 * The Fourier frequencies sit in the flat buffer so that model.bin and checkpoints restore the same
 * network, but they are read through a gradient stop: their gradient is zero and Adam and L-BFGS
 * never move them (a weight-decaying optimizer such as AdamW would shrink them).
 *
 * <p>The plain forward pass is the jet pass with the value alone, so the two cannot drift apart.
 */
final class Network implements Model, JetModel, Penalized {

    /** A slice of the flat buffer. */
    private record Block(int from, Shape shape) {
        int size() {
            return (int) shape.size();
        }
    }

    /** Where one hidden activation's parameters are: slope (or null), Cauchy lambda1, lambda2, d (or null). */
    private record Site(Block slope, Block lambda1, Block lambda2, Block d) {
    }

    private final ModelSpec spec;
    private final NetworkOptions options;
    private final PeriodicEmbedding periodic;
    private final NDArray flat;
    private final int size;
    private final int fixed;
    private final List<Block> frequencies = new ArrayList<>();
    private final List<Block> weights = new ArrayList<>();
    private final List<Block> biases = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();
    private Block encoderU;
    private Block encoderUBias;
    private Block encoderV;
    private Block encoderVBias;
    private Site siteU;
    private Site siteV;
    /** The value alone: what the plain forward pass propagates. */
    private final DerivativePlan valuePlan;

    Network(ModelSpec spec, NetworkOptions options, NDManager manager) {
        this.spec = spec;
        this.options = options;
        this.periodic = PeriodicEmbedding.parse(spec, manager);
        this.valuePlan = DerivativePlan.of(spec.inputs(), List.of());
        int in = periodic == null ? spec.inputs() : periodic.width();
        int[] hidden = options.hidden();
        Random random = new Random(spec.seed());
        List<double[]> init = new ArrayList<>();
        int[] cursor = {0};
        // Fixed frequencies first: stored as 2 pi B so that the embedding is one matmul.
        int bodyIn = in;
        if (options.fourier()) {
            int m = options.fourierFeatures();
            for (double sigma : options.fourierSigmas()) {
                double[] b = new double[in * m];
                for (int i = 0; i < b.length; i++) {
                    b[i] = 2 * Math.PI * sigma * random.nextGaussian();
                }
                frequencies.add(block(cursor, new Shape(in, m), b, init));
            }
            bodyIn = 2 * m;
        }
        this.fixed = cursor[0];
        if (options.architecture() == Architecture.MODIFIED) {
            encoderU = block(cursor, new Shape(bodyIn, hidden[0]), glorot(random, bodyIn, hidden[0]), init);
            encoderUBias = block(cursor, new Shape(hidden[0]), null, init);
            encoderV = block(cursor, new Shape(bodyIn, hidden[0]), glorot(random, bodyIn, hidden[0]), init);
            encoderVBias = block(cursor, new Shape(hidden[0]), null, init);
        }
        int[] widths = new int[hidden.length + 2];
        widths[0] = bodyIn;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        int branches = Math.max(1, options.fourierSigmas().length);
        widths[widths.length - 1] = spec.outputs();
        for (int l = 0; l + 1 < widths.length; l++) {
            // The output layer reads every scale's last hidden layer side by side.
            int fanIn = l + 2 == widths.length ? widths[l] * branches : widths[l];
            weights.add(block(cursor, new Shape(fanIn, widths[l + 1]), glorot(random, fanIn, widths[l + 1]), init));
            biases.add(block(cursor, new Shape(widths[l + 1]), null, init));
        }
        for (int l = 0; l < hidden.length; l++) {
            sites.add(site(cursor, hidden[l], init));
        }
        if (options.architecture() == Architecture.MODIFIED) {
            siteU = site(cursor, hidden[0], init);
            siteV = site(cursor, hidden[0], init);
        }
        this.size = cursor[0];
        double[] all = new double[size];
        int at = 0;
        for (double[] part : init) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        NDArray f = manager.create(all);
        if (spec.dtype() != DataType.FLOAT64) {
            NDArray cast = f.toType(spec.dtype(), false);
            f.close();
            f = cast;
        }
        f.setRequiresGradient(true);
        this.flat = f;
    }

    private static double[] glorot(Random random, int fanIn, int fanOut) {
        double a = Math.sqrt(6.0 / (fanIn + fanOut));
        double[] w = new double[fanIn * fanOut];
        for (int i = 0; i < w.length; i++) {
            w[i] = (2 * random.nextDouble() - 1) * a;
        }
        return w;
    }

    /** Reserves a block; {@code values} null means zeros. */
    private static Block block(int[] cursor, Shape shape, double[] values, List<double[]> init) {
        Block b = new Block(cursor[0], shape);
        cursor[0] += b.size();
        init.add(values != null ? values : new double[b.size()]);
        return b;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private Site site(int[] cursor, int width, List<double[]> init) {
        Block slope = null;
        if (options.adaptive() != Adaptive.NONE) {
            int n = options.adaptive() == Adaptive.LAYER ? 1 : width;
            slope = block(cursor, new Shape(n), filled(n, 1 / options.adaptiveScale()), init);
        }
        if (!options.cauchy()) {
            return new Site(slope, null, null, null);
        }
        return new Site(slope, block(cursor, new Shape(width), filled(width, 1), init),
                block(cursor, new Shape(width), filled(width, 1), init),
                block(cursor, new Shape(width), filled(width, 1), init));
    }

    /*
     * Views belong to the forward pass's manager (that of the input), as in Mlp: made in the buffer's
     * manager they would live as long as the model.
     */
    private NDArray view(Block b, NDManager m) {
        NDArray slice = flat.get(b.from() + ":" + (b.from() + b.size()));
        slice.attach(m);
        return b.shape().dimension() == 1 ? slice : slice.reshape(b.shape());
    }

    private NDArray frozenView(Block b, NDManager m) {
        NDArray v = view(b, m).stopGradient();
        v.attach(m);
        return v;
    }

    @Override
    public String penaltyName() {
        return options.slopeRecovery() ? "slope" : null;
    }

    /**
     * Jagtap et al.'s slope recovery {@code S = 1 / mean_k exp(mean_i a_k,i)} over every activation site
     * (layers and, in the modified MLP, the encoders): small when the slopes grow, which speeds up
     * training early on.
     */
    @Override
    public NDArray penalty(NDManager m) {
        if (!options.slopeRecovery()) {
            throw new IllegalStateException("model " + options.model() + " has no slope recovery term");
        }
        List<Site> all = new ArrayList<>(sites);
        if (siteU != null) {
            all.add(siteU);
            all.add(siteV);
        }
        NDArray sum = null;
        for (Site s : all) {
            NDArray e = view(s.slope(), m).mean().exp();
            sum = sum == null ? e : sum.add(e);
        }
        return sum.div(all.size()).pow(-1);
    }

    /** Hidden widths, the options' and the embedded input's: {@code [in, hidden..., outputs]}. */
    int[] widths() {
        int[] h = options.hidden();
        int[] w = new int[h.length + 2];
        w[0] = spec.inputs();
        System.arraycopy(h, 0, w, 1, h.length);
        w[w.length - 1] = spec.outputs();
        return w;
    }

    /** Everything in the flat buffer, fixed frequencies included. */
    int parameterCount() {
        return size;
    }

    /** What the optimizer can change: the buffer without the fixed Fourier frequencies. */
    int trainableParameterCount() {
        return size - fixed;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public NDList parameters() {
        return new NDList(flat);
    }

    @Override
    public NDArray forward(NDArray x) {
        return forward(Jet.input(x, valuePlan)).value();
    }

    @Override
    public Jet forward(Jet input) {
        NDManager m = input.data().getManager();
        Jet x = periodic == null ? input : periodic.apply(input);
        List<Jet> heads = new ArrayList<>();
        if (frequencies.isEmpty()) {
            heads.add(body(x, m));
        } else {
            for (Block b : frequencies) {
                Jet z = x.linear(frozenView(b, m), null);
                heads.add(body(Jet.concat(List.of(z.apply(Functions.COS), z.apply(Activations.SIN))), m));
            }
        }
        Jet h = heads.size() == 1 ? heads.get(0) : Jet.concat(heads);
        int last = weights.size() - 1;
        return h.linear(view(weights.get(last), m), view(biases.get(last), m));
    }

    /** The hidden layers, up to the last hidden state. */
    private Jet body(Jet x, NDManager m) {
        Jet u = null;
        Jet vMinusU = null;
        if (options.architecture() == Architecture.MODIFIED) {
            u = activate(x.linear(view(encoderU, m), view(encoderUBias, m)), siteU, m);
            Jet v = activate(x.linear(view(encoderV, m), view(encoderVBias, m)), siteV, m);
            vMinusU = v.sub(u);
        }
        Jet h = x;
        for (int l = 0; l < sites.size(); l++) {
            Jet z = activate(h.linear(view(weights.get(l), m), view(biases.get(l), m)), sites.get(l), m);
            if (l == 0) {
                h = z;
            } else if (options.architecture() == Architecture.MODIFIED) {
                // (1 - Z) U + Z V = U + Z (V - U): one product instead of two.
                h = u.add(z.mul(vMinusU));
            } else if (options.architecture() == Architecture.RESIDUAL
                    && options.hidden()[l] == options.hidden()[l - 1]) {
                h = h.add(z);
            } else {
                h = z;
            }
        }
        return h;
    }

    private Jet activate(Jet z, Site site, NDManager m) {
        if (site.slope() != null) {
            z = z.scale(view(site.slope(), m).mul(z.constant(options.adaptiveScale())));
        }
        if (site.lambda1() != null) {
            return z.apply(new Cauchy(view(site.lambda1(), m), view(site.lambda2(), m), view(site.d(), m)));
        }
        return z.apply(options.activation());
    }

    @Override
    public void close() {
        flat.close();
        if (periodic != null) {
            periodic.close();
        }
    }
}
