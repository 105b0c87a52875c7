package org.ansatz.models.transformer.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Functions;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.SequenceModel;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelSpec;

/**
 * PINNsFormer (Zhao, Ding and Prakash 2023): each point {@code (x, t)} becomes the pseudo-sequence
 * {@code (x, t + k dt)}, k = 0..K-1; a linear spatio-temporal embedding feeds an encoder (self-attention)
 * and a decoder (cross-attention to the encoder, the embedding as its input), both with residual
 * connections, feed-forward blocks and the wavelet activation {@code w1 sin + w2 cos} (trainable
 * scalars, {@link Wave}); an MLP maps every position to the outputs.
 *
 * <p>{@link #forward} returns position 0, the prediction at the point itself; {@link #sequence} returns
 * all K positions, each a function of the base point (the derivative of position k along t is the
 * total derivative with every pseudo time shifted together). As a {@link SequenceModel} it lets the PINN
 * solver take the residual at every position (the paper's sequential loss; conditions at position 0),
 * unless {@code model.sequential-loss=false}.
 *
 * <p><b>Taylor mode</b> runs through attention: the linear maps are {@link Jet#linear}, the score and
 * value products are bilinear and go through {@link Leibniz}, softmax is exp (Faà di Bruno) times the
 * reciprocal of the row sum (Faà di Bruno, then Leibniz), with the row maximum subtracted from the
 * value as a constant (softmax does not change; the exponentials cannot overflow).
 */
public final class PinnsFormer implements Model, SequenceModel {

    private record Linear(int offset, int in, int out) {
    }

    private record Attention(Linear query, Linear keyValue, Linear output) {
    }

    /** Encoder layers have self-attention ({@code query} holds Q, K and V); decoder layers cross-attention. */
    private record Block(int wave1, Attention attention, int wave2, Linear ff1, int wave3, Linear ff2, int wave4,
            Linear ff3) {
    }

    private final ModelSpec spec;
    private final PinnsFormerOptions options;
    private final NDArray flat;
    private final int size;
    private final Linear embedding;
    private final List<Block> encoder = new ArrayList<>();
    private final int encoderWave;
    private final List<Block> decoder = new ArrayList<>();
    private final int decoderWave;
    private final List<Linear> head = new ArrayList<>();
    private final List<Integer> headWaves = new ArrayList<>();
    private final DerivativePlan valuePlan;

    private double[] init = new double[4096];
    private int used;
    private final Random random;

    public PinnsFormer(ModelSpec spec, NDManager manager) {
        this.spec = spec;
        this.options = PinnsFormerOptions.parse(spec);
        // java.util.Random, so that a seed means the same network on every machine.
        this.random = new Random(spec.seed());
        int d = options.width();
        embedding = linear(spec.inputs(), d);
        for (int l = 0; l < options.depth(); l++) {
            encoder.add(block(new Attention(linear(d, 3 * d), null, linear(d, d))));
        }
        encoderWave = wave();
        for (int l = 0; l < options.depth(); l++) {
            decoder.add(block(new Attention(linear(d, d), linear(d, 2 * d), linear(d, d))));
        }
        decoderWave = wave();
        int in = d;
        for (int h : options.head()) {
            head.add(linear(in, h));
            headWaves.add(wave());
            in = h;
        }
        head.add(linear(in, spec.outputs()));
        this.size = used;
        NDArray f = manager.create(Arrays.copyOf(init, used));
        init = null;
        if (spec.dtype() != DataType.FLOAT64) {
            NDArray cast = f.toType(spec.dtype(), false);
            f.close();
            f = cast;
        }
        f.setRequiresGradient(true);
        this.flat = f;
        this.valuePlan = DerivativePlan.of(spec.inputs(), List.of());
    }

    private Block block(Attention attention) {
        int d = options.width();
        int w1 = wave();
        int w2 = wave();
        Linear ff1 = linear(d, options.ff());
        int w3 = wave();
        Linear ff2 = linear(options.ff(), options.ff());
        int w4 = wave();
        Linear ff3 = linear(options.ff(), d);
        return new Block(w1, attention, w2, ff1, w3, ff2, w4, ff3);
    }

    /** Glorot-uniform weight {@code [in, out]}, then a zero bias. */
    private Linear linear(int in, int out) {
        int offset = reserve(in * out + out);
        double a = Math.sqrt(6.0 / (in + out));
        for (int i = 0; i < in * out; i++) {
            init[offset + i] = (2 * random.nextDouble() - 1) * a;
        }
        return new Linear(offset, in, out);
    }

    /** The wavelet's two scalars, both 1 at first. */
    private int wave() {
        int offset = reserve(2);
        init[offset] = 1;
        init[offset + 1] = 1;
        return offset;
    }

    private int reserve(int n) {
        if (used + n > init.length) {
            init = Arrays.copyOf(init, Math.max(2 * init.length, used + n));
        }
        int offset = used;
        used += n;
        return offset;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    /** One flat buffer with every weight, bias and wavelet scalar. */
    @Override
    public NDList parameters() {
        return new NDList(flat);
    }

    public int parameterCount() {
        return size;
    }

    /** The pseudo-sequence length K. */
    public int steps() {
        return options.steps();
    }

    /** K, or 1 when the sequential loss is turned off. */
    @Override
    public int positions() {
        return options.sequential() ? options.steps() : 1;
    }

    @Override
    public double[] shift(int k) {
        double[] s = new double[spec.inputs()];
        s[options.timeAxis()] = k * options.dt();
        return s;
    }

    @Override
    public NDArray forward(NDArray x) {
        return forward(Jet.input(x, valuePlan)).value();
    }

    /**
     * Position 0 of the pseudo-sequence: {@code [streams, points, outputs]}. The decoder has no
     * self-attention, so position 0 depends on the other positions only through the encoder: the
     * decoder and the output MLP run on position 0 alone (about half the work of {@link #sequence}).
     */
    @Override
    public Jet forward(Jet input) {
        return positions(input, false);
    }

    /**
     * Every position: {@code [streams, points * K, outputs]}, point-major (row {@code i K + k} is position
     * k of point i, the prediction at the point shifted by {@code k dt} along the time axis).
     */
    @Override
    public Jet sequence(Jet input) {
        return positions(input, true);
    }

    private Jet positions(Jet input, boolean all) {
        NDManager m = input.data().getManager();
        Jet x = pseudoSequence(input, m);
        Jet src = affine(x, embedding, m);
        Jet e = src;
        for (Block b : encoder) {
            e = block(b, e, null, m);
        }
        e = e.apply(wave(encoderWave, m));
        Jet y = all ? src : first(src);
        for (Block b : decoder) {
            y = block(b, y, e, m);
        }
        y = y.apply(wave(decoderWave, m));
        for (int l = 0; l < head.size(); l++) {
            y = affine(y, head.get(l), m);
            if (l < headWaves.size()) {
                y = y.apply(wave(headWaves.get(l), m));
            }
        }
        return y;
    }

    /** Position 0 of every point: {@code [S, n K, w] -> [S, n, w]}. */
    private Jet first(Jet sequence) {
        Shape s = sequence.data().getShape();
        return sequence.with(sequence.data().reshape(s.get(0), s.get(1) / options.steps(), options.steps(), s.get(2))
                .get(":, :, 0, :"));
    }

    /** {@code [S, n, d] -> [S, n K, d]}: the value shifted by {@code k dt} along time; derivatives repeat. */
    private Jet pseudoSequence(Jet input, NDManager m) {
        Shape s = input.data().getShape();
        int streams = (int) s.get(0);
        int k = options.steps();
        int d = (int) s.get(2);
        double[] shift = new double[streams * k * d];
        for (int j = 0; j < k; j++) {
            shift[j * d + options.timeAxis()] = j * options.dt();
        }
        NDArray offsets = cast(m.create(shift, new Shape(streams, 1, k, d)));
        return input.with(input.data().expandDims(2).add(offsets).reshape(streams, s.get(1) * k, d));
    }

    /** Pre-activation residual blocks as in the paper: {@code x + attn(wave(x))}, then {@code x + ff(wave(x))}. */
    private Jet block(Block b, Jet x, Jet memory, NDManager m) {
        Jet a = x.apply(wave(b.wave1(), m));
        x = x.add(memory == null ? attention(b.attention(), a, a, m) : attention(b.attention(), a, memory, m));
        Jet f = x.apply(wave(b.wave2(), m));
        f = affine(f, b.ff1(), m).apply(wave(b.wave3(), m));
        f = affine(f, b.ff2(), m).apply(wave(b.wave4(), m));
        return x.add(affine(f, b.ff3(), m));
    }

    /**
     * Multi-head attention of the rows of {@code queries} over those of {@code memory}, per point: K
     * memory positions, and K or 1 (position 0 only) query positions.
     */
    private Jet attention(Attention a, Jet queries, Jet memory, NDManager m) {
        int d = options.width();
        int h = options.heads();
        int k = options.steps();
        int dh = d / h;
        long points = memory.data().getShape().get(1) / k;
        int kq = (int) (queries.data().getShape().get(1) / points);
        NDArray q;
        NDArray key;
        NDArray value;
        if (a.keyValue() == null) {
            NDArray[] qkv = heads(affine(queries, a.query(), m).data(), 3, k);
            q = qkv[0];
            key = qkv[1];
            value = qkv[2];
        } else {
            q = heads(affine(queries, a.query(), m).data(), 1, kq)[0];
            NDArray[] kv = heads(affine(memory, a.keyValue(), m).data(), 2, k);
            key = kv[0];
            value = kv[1];
        }
        Leibniz leibniz = Leibniz.of(queries.plan());
        q = q.mul(queries.constant(1 / Math.sqrt(dh)));
        NDArray scores = leibniz.apply(q, key, (l, r) -> l.matMul(r.swapAxes(-1, -2))); // [S, n, H, Kq, K]
        Shape s = scores.getShape();
        long streams = s.get(0);
        NDArray rowMax = scores.get(0).max(new int[] {-1}, true).stopGradient();
        NDArray shifted = streams == 1 ? scores.sub(rowMax) : scores.sub(valueOnly(streams, m).mul(rowMax));
        Jet exp = queries.with(shifted.reshape(streams, points, (long) h * kq * k)).apply(Activations.EXP);
        NDArray e = exp.data().reshape(s);
        Jet total = queries.with(e.sum(new int[] {-1}).reshape(streams, points, (long) h * kq))
                .apply(Functions.RECIPROCAL);
        NDArray weights = leibniz.apply(e, total.data().reshape(streams, points, h, kq, 1), NDArray::mul);
        NDArray out = leibniz.apply(weights, value, NDArray::matMul); // [S, n, H, Kq, dh]
        NDArray joined = out.transpose(0, 1, 3, 2, 4).reshape(streams, points * kq, d);
        return affine(queries.with(joined), a.output(), m);
    }

    /** {@code [S, n k, c d] -> c arrays [S, n, H, k, d / H]}. */
    private NDArray[] heads(NDArray data, int chunks, int positions) {
        Shape s = data.getShape();
        int h = options.heads();
        int dh = options.width() / h;
        NDArray split = data.reshape(s.get(0), s.get(1) / positions, positions, chunks, h, dh)
                .transpose(0, 3, 1, 4, 2, 5);
        NDArray[] out = new NDArray[chunks];
        for (int c = 0; c < chunks; c++) {
            out[c] = split.get(":, " + c);
        }
        return out;
    }

    /** 1 for the value stream, 0 for the derivatives, shaped to broadcast over attention scores. */
    private NDArray valueOnly(long streams, NDManager m) {
        double[] mask = new double[(int) streams];
        mask[0] = 1;
        return cast(m.create(mask, new Shape(streams, 1, 1, 1, 1)));
    }

    private Jet affine(Jet x, Linear l, NDManager m) {
        NDArray w = view(l.offset(), l.in() * l.out(), m).reshape(l.in(), l.out());
        return x.linear(w, view(l.offset() + l.in() * l.out(), l.out(), m));
    }

    private Wave wave(int offset, NDManager m) {
        return new Wave(view(offset, 1, m), view(offset + 1, 1, m));
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

    private NDArray cast(NDArray a) {
        return spec.dtype() == DataType.FLOAT64 ? a : a.toType(spec.dtype(), false);
    }

    @Override
    public void close() {
        flat.close();
    }

    @Override
    public String toString() {
        return "pinnsformer: K " + options.steps() + ", dt " + options.dt() + ", width " + options.width() + ", heads "
                + options.heads() + ", depth " + options.depth() + ", ff " + options.ff() + ", head "
                + Arrays.toString(options.head()) + ", " + size + " parameters";
    }
}
