package org.ansatz.models.multistage.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.Jet;

/**
 * One stage of a multi-stage network (Wang and Lai 2024): {@code u_k(x) = eps_k N_k(x)}, where the
 * first hidden layer of {@code N_k} is {@code first(kappa_k (x W + b))} and the others
 * {@code act(H W + b)}. {@code eps_k} is the magnitude of the residue the stage fits, so that
 * {@code N_k} is of order one; {@code kappa_k} is set from the residue's dominant frequency, so that
 * the stage starts with oscillations of that frequency instead of the low ones a network prefers.
 * Its parameters are a slice of the multi-stage model's flat buffer (weights and biases, layer by
 * layer).
 *
 * @param scale      {@code eps}, multiplies the output
 * @param kappa      multiplies the first layer's pre-activations
 * @param first      activation of the first hidden layer
 * @param activation activation of the other hidden layers
 * @param widths     {@code [inputs, hidden..., outputs]}
 */
record StageNetwork(double scale, double kappa, Activations first, Activations activation, int[] widths) {

    StageNetwork {
        if (!(scale > 0) || !Double.isFinite(scale) || !(kappa > 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("a stage needs a finite positive scale and kappa, got scale " + scale
                    + ", kappa " + kappa);
        }
        widths = widths.clone();
    }

    int parameterCount() {
        int n = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            n += widths[l] * widths[l + 1] + widths[l + 1];
        }
        return n;
    }

    /** Glorot-uniform weights and zero biases, as the mlp model starts. */
    double[] initialParameters(long seed) {
        Random random = new Random(seed);
        double[] p = new double[parameterCount()];
        int at = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            double a = Math.sqrt(6.0 / (widths[l] + widths[l + 1]));
            for (int i = 0; i < widths[l] * widths[l + 1]; i++) {
                p[at++] = (2 * random.nextDouble() - 1) * a;
            }
            at += widths[l + 1];
        }
        return p;
    }

    /**
     * @param params this stage's slice of the flat buffer (a view; a gradient stop for frozen stages)
     */
    Jet forward(Jet x, NDArray params) {
        Jet h = x;
        int at = 0;
        int layers = widths.length - 1;
        for (int l = 0; l < layers; l++) {
            int w = widths[l] * widths[l + 1];
            NDArray weight = params.get(at + ":" + (at + w)).reshape(new Shape(widths[l], widths[l + 1]));
            NDArray bias = params.get((at + w) + ":" + (at + w + widths[l + 1]));
            at += w + widths[l + 1];
            h = h.linear(weight, bias);
            if (l == 0 && kappa != 1) {
                h = h.scale(kappa);
            }
            if (l < layers - 1) {
                h = h.apply(l == 0 ? first : activation);
            }
        }
        return scale == 1 ? h : h.scale(scale);
    }

    /**
     * The stage as text, {@code scale:kappa:first:w1xw2x...:activation}, e.g.
     * {@code 3.1e-05:18.85:sin:20x20:tanh}; inputs and outputs come from the model spec.
     */
    String describe() {
        String hidden = Arrays.stream(widths, 1, widths.length - 1).mapToObj(Integer::toString)
                .collect(Collectors.joining("x"));
        return scale + ":" + kappa + ":" + name(first) + ":" + hidden + ":" + name(activation);
    }

    private static String name(Activations a) {
        return a.name().toLowerCase(Locale.ROOT);
    }

    /** The inverse of {@link #describe}. */
    static StageNetwork parse(String text, int inputs, int outputs) {
        String[] f = text.trim().split(":");
        try {
            if (f.length != 5) {
                throw new IllegalArgumentException("5 fields");
            }
            String[] h = f[3].split("x");
            int[] widths = new int[h.length + 2];
            widths[0] = inputs;
            for (int i = 0; i < h.length; i++) {
                widths[i + 1] = Integer.parseInt(h[i].trim());
                if (widths[i + 1] <= 0) {
                    throw new IllegalArgumentException("positive widths");
                }
            }
            widths[widths.length - 1] = outputs;
            return new StageNetwork(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Activations.parse(f[2]),
                    Activations.parse(f[4]), widths);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("model.frozen must list stages as scale:kappa:first-activation:"
                    + "widths:activation separated by ';', e.g. 1.0:1.0:tanh:20x20:tanh; got '" + text + "' ("
                    + e.getMessage() + ")");
        }
    }
}
