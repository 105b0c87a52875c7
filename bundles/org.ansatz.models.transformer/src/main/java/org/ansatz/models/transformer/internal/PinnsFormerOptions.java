package org.ansatz.models.transformer.internal;

import java.util.ArrayList;
import java.util.List;
import org.ansatz.api.method.Options;
import org.ansatz.api.model.ModelSpec;

/**
 * The options of model {@code pinnsformer}, validated at once; every error names its key.
 *
 * @param steps    pseudo-sequence length K
 * @param dt       pseudo time step
 * @param timeAxis the input the sequence advances along
 * @param width    model width (embedding, attention)
 * @param heads    attention heads (dividing the width)
 * @param depth    encoder and decoder layers (each)
 * @param ff       hidden width of the feed-forward blocks
 * @param head     hidden widths of the output MLP
 * @param sequential whether trainers take the residual at every position (the paper's sequential loss)
 */
record PinnsFormerOptions(int steps, double dt, int timeAxis, int width, int heads, int depth, int ff, int[] head,
        boolean sequential) {

    static PinnsFormerOptions parse(ModelSpec spec) {
        Options o = new Options(spec.options(), "model.");
        int steps = o.integer("steps", 5, 1);
        double dt = o.real("dt", 1e-4, 0);
        int timeAxis = timeAxis(o.string("time-axis", null), spec);
        int width = o.integer("width", 32, 1);
        int heads = o.integer("heads", 2, 1);
        if (width % heads != 0) {
            throw new IllegalArgumentException("model.heads must divide model.width (" + width + "), got " + heads);
        }
        int depth = o.integer("depth", 1, 1);
        int ff = o.integer("ff", 64, 1);
        int[] head = widths(o.string("layers", "64"));
        // Problems' defaults set an activation for MLPs; silently swapping the wavelet for it would run
        // another architecture under this name.
        String activation = o.string("activation", "wavelet");
        if (!activation.equalsIgnoreCase("wavelet")) {
            throw new IllegalArgumentException("model.activation: PINNsFormer's activation is the trainable wavelet "
                    + "w1 sin + w2 cos, got '" + activation + "' (problem defaults name one for mlp); add --set "
                    + "model.activation=wavelet");
        }
        boolean sequential = o.flag("sequential-loss", true);
        o.checkAllRead("model pinnsformer");
        return new PinnsFormerOptions(steps, dt, timeAxis, width, heads, depth, ff, head, sequential);
    }

    /**
     * The input the pseudo-sequence advances along: {@code model.time-axis} as an index or an input name,
     * else the input named {@code t}, else input 0 when the caller gave no names.
     */
    private static int timeAxis(String option, ModelSpec spec) {
        List<String> names = spec.inputNames();
        if (option == null) {
            if (names == null) {
                return 0;
            }
            if (spec.inputIndex("t") < 0) {
                throw new IllegalArgumentException("pinnsformer builds its pseudo-sequences in time, and the inputs "
                        + names + " have no t; name the axis to advance along with model.time-axis");
            }
            return spec.inputIndex("t");
        }
        int axis;
        if (option.matches("\\d+")) {
            axis = Integer.parseInt(option);
        } else {
            axis = spec.inputIndex(option);
            if (axis < 0) {
                throw new IllegalArgumentException("model.time-axis: no input named '" + option + "'"
                        + (names == null ? " (the inputs have no names here; give an index)" : " among " + names));
            }
        }
        if (axis >= spec.inputs()) {
            throw new IllegalArgumentException("model.time-axis must name one of the " + spec.inputs()
                    + " inputs (0.." + (spec.inputs() - 1) + "), got " + axis);
        }
        return axis;
    }

    private static int[] widths(String layers) {
        String plain = layers.replaceAll("[\\[\\]\\s]", "");
        if (plain.isEmpty() || plain.equalsIgnoreCase("none")) {
            return new int[0];
        }
        List<Integer> w = new ArrayList<>();
        for (String s : plain.split(",")) {
            try {
                int v = Integer.parseInt(s);
                if (v <= 0) {
                    throw new NumberFormatException();
                }
                w.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("model.layers must list positive hidden widths of the output MLP "
                        + "like 64,64; got '" + layers + "'");
            }
        }
        return w.stream().mapToInt(Integer::intValue).toArray();
    }
}
