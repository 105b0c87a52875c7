package org.ansatz.models.mlp.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.FusedJet;
import org.ansatz.api.derivative.FusedJetModel;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.models.mlp.internal.fused.FusedKernels;
import org.ansatz.models.mlp.internal.fused.FusedTanhMlp;

/**
 * A fully connected network whose parameters live in one flat buffer: every layer's weight and bias
 * is a view into it, so an optimizer updates all parameters with a handful of operations, and
 * checkpoints are one array.
 */
public final class Mlp implements Model, FusedJetModel {

    private final ModelSpec spec;
    private final int[] widths;
    private final Activations activation;
    private final NDArray flat;
    private final int[] offsets;
    private final PeriodicEmbedding periodic;
    /** Fused kernels per derivative plan (trainers keep one plan per point set); null: not fusable. */
    private final Map<DerivativePlan, Optional<FusedTanhMlp>> fused = new IdentityHashMap<>();

    public Mlp(ModelSpec spec, NDManager manager) {
        this.spec = spec;
        this.periodic = PeriodicEmbedding.parse(spec, manager);
        this.widths = widths(spec);
        if (periodic != null) {
            widths[0] = periodic.width();
        }
        this.activation = Activations.parse(String.valueOf(spec.options().getOrDefault("activation", "tanh")));
        this.offsets = new int[widths.length];
        int size = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            offsets[l] = size;
            size += widths[l] * widths[l + 1] + widths[l + 1];
        }
        offsets[widths.length - 1] = size;
        // Glorot (Xavier) uniform weights, zero biases; java.util.Random so that a seed means the
        // same network on every machine and engine.
        Random random = new Random(spec.seed());
        double[] init = new double[size];
        for (int l = 0; l + 1 < widths.length; l++) {
            double a = Math.sqrt(6.0 / (widths[l] + widths[l + 1]));
            for (int i = 0; i < widths[l] * widths[l + 1]; i++) {
                init[offsets[l] + i] = (2 * random.nextDouble() - 1) * a;
            }
        }
        NDArray f = manager.create(init);
        if (spec.dtype() != DataType.FLOAT64) {
            NDArray cast = f.toType(spec.dtype(), false);
            f.close();
            f = cast;
        }
        f.setRequiresGradient(true);
        this.flat = f;
    }

    /** Layer widths from {@code layers} ("20,20,20") or {@code width} and {@code depth}. */
    static int[] widths(ModelSpec spec) {
        Map<String, Object> o = spec.options();
        for (String key : o.keySet()) {
            if (!List.of("layers", "width", "depth", "activation", "periodic", "harmonics").contains(key)) {
                throw new IllegalArgumentException("unknown option model." + key
                        + " for mlp; known: layers, width, depth, activation, periodic, harmonics");
            }
        }
        List<Integer> hidden = new ArrayList<>();
        Object layers = o.get("layers");
        if (layers != null) {
            for (String s : layers.toString().replaceAll("[\\[\\]\\s]", "").split(",")) {
                try {
                    int w = Integer.parseInt(s);
                    if (w <= 0) {
                        throw new NumberFormatException();
                    }
                    hidden.add(w);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("model.layers must list positive widths like 20,20,20; got '"
                            + layers + "'");
                }
            }
        } else {
            int width = intOption(o, "width", 20);
            int depth = intOption(o, "depth", 3);
            for (int i = 0; i < depth; i++) {
                hidden.add(width);
            }
        }
        int[] w = new int[hidden.size() + 2];
        w[0] = spec.inputs();
        for (int i = 0; i < hidden.size(); i++) {
            w[i + 1] = hidden.get(i);
        }
        w[w.length - 1] = spec.outputs();
        return w;
    }

    private static int intOption(Map<String, Object> o, String key, int fallback) {
        Object v = o.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v.toString().trim());
            if (i <= 0) {
                throw new NumberFormatException();
            }
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model." + key + " must be a positive integer, got '" + v + "'");
        }
    }

    /** Widths including inputs and outputs, e.g. {@code [2, 20, 20, 1]}. */
    public int[] widths() {
        return widths.clone();
    }

    public int parameterCount() {
        return offsets[widths.length - 1];
    }

    /*
     * Views of the flat buffer are created per forward pass and belong to the caller's manager (that of
     * the input): made in the buffer's own manager they would live as long as the model, and a
     * training run would keep every step's views (and their autograd nodes) until the end.
     */
    private NDArray weight(int l, NDManager m) {
        NDArray slice = flat.get(offsets[l] + ":" + (offsets[l] + widths[l] * widths[l + 1]));
        slice.attach(m);
        return slice.reshape(new Shape(widths[l], widths[l + 1]));
    }

    private NDArray bias(int l, NDManager m) {
        int from = offsets[l] + widths[l] * widths[l + 1];
        NDArray slice = flat.get(from + ":" + (from + widths[l + 1]));
        slice.attach(m);
        return slice;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    /** One flat buffer holding every weight and bias. */
    @Override
    public NDList parameters() {
        return new NDList(flat);
    }

    @Override
    public NDArray forward(NDArray x) {
        NDArray a = periodic == null ? x : periodic.apply(x);
        int layers = widths.length - 1;
        for (int l = 0; l < layers; l++) {
            a = a.matMul(weight(l, x.getManager())).add(bias(l, x.getManager()));
            if (l < layers - 1) {
                a = activation.apply(a);
            }
        }
        return a;
    }

    @Override
    public Jet forward(Jet input) {
        Jet a = periodic == null ? input : periodic.apply(input);
        int layers = widths.length - 1;
        for (int l = 0; l < layers; l++) {
            a = a.linear(weight(l, input.data().getManager()), bias(l, input.data().getManager()));
            if (l < layers - 1) {
                a = a.apply(activation);
            }
        }
        return a;
    }

    /**
     * The fused kernel's output jet: tanh networks without a periodic embedding, in float32, for plans up
     * to second order, when the Vector API is available; otherwise null.
     */
    @Override
    public FusedJet fused(Jet input) {
        if (activation != Activations.TANH || periodic != null || spec.dtype() != DataType.FLOAT32
                || input.data().getDataType() != DataType.FLOAT32 || !FusedKernels.available()) {
            return null;
        }
        Optional<FusedTanhMlp> kernel;
        synchronized (fused) {
            if (fused.size() > 16) {
                fused.clear(); // plans made per call would otherwise pile up
            }
            kernel = fused.computeIfAbsent(input.plan(),
                    p -> Optional.ofNullable(FusedTanhMlp.of(widths, offsets, p)));
        }
        return kernel.map(k -> k.forward(input, flat.toFloatArray())).orElse(null);
    }

    @Override
    public void close() {
        flat.close();
        if (periodic != null) {
            periodic.close();
        }
    }
}
