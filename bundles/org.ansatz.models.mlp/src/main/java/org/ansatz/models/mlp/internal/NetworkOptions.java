package org.ansatz.models.mlp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.method.Options;
import org.ansatz.api.model.ModelSpec;

/**
 * The options of the fully connected family beyond the plain {@code mlp}: input features, layer
 * architecture, adaptive slopes and the activation (including the trainable Cauchy activation).
 * Named models ({@code fourier-mlp}, {@code modified-mlp}, ...) are presets: they fix one option and
 * accept the others.
 *
 * @param model           the name the user chose, for messages
 * @param hidden          hidden widths
 * @param activation      the fixed activation, or null for {@code cauchy}
 * @param fourierSigmas   standard deviations of the Fourier frequency matrices, one per scale; empty for none
 * @param fourierFeatures frequencies per scale (each gives a cosine and a sine)
 * @param architecture    plain, modified or residual
 * @param adaptive        none, layer or neuron
 * @param adaptiveScale   the fixed factor n in {@code act(n a z)}
 * @param slopeRecovery   whether the slope recovery term {@code 1 / mean_k exp(mean(a_k))} joins the loss
 */
record NetworkOptions(String model, int[] hidden, Activations activation, double[] fourierSigmas, int fourierFeatures,
        Architecture architecture, Adaptive adaptive, double adaptiveScale, boolean slopeRecovery) {

    /** How hidden layers connect. */
    enum Architecture {
        /** {@code H = act(H W + b)}. */
        PLAIN,
        /** Wang, Teng and Perdikaris (2021): {@code H = (1 - Z) U + Z V} with two input encoders. */
        MODIFIED,
        /** {@code H = H + act(H W + b)} wherever the layer keeps the width. */
        RESIDUAL
    }

    /** Trainable slopes of the activations (Jagtap, Kawaguchi and Karniadakis 2020). */
    enum Adaptive {
        NONE, LAYER, NEURON
    }

    /** Options of the plain {@code mlp} (served by {@link Mlp} when nothing else is asked for). */
    static final List<String> PLAIN_KEYS = List.of("layers", "width", "depth", "activation", "periodic", "harmonics");

    boolean cauchy() {
        return activation == null;
    }

    boolean fourier() {
        return fourierSigmas.length > 0;
    }

    /**
     * What a named model fixes: one option's default and the values it accepts, e.g.
     * {@code adaptive-mlp} defaults to {@code adaptive=layer} and accepts {@code neuron} too. The family's
     * own default for the key (e.g. {@code activation=tanh}) counts as unset: settings written for mlp
     * (a spec file, a host's defaults) carry it, and {@code --model xnet} must still mean the Cauchy
     * activation.
     */
    record Preset(String key, String value, List<String> allowed, String familyDefault) {

        static final Preset NONE = new Preset(null, null, List.of(), null);

        static Preset of(String key, String value, String... alsoAllowed) {
            List<String> allowed = new ArrayList<>(List.of(alsoAllowed));
            allowed.add(0, value);
            String familyDefault = switch (key) {
                case "activation" -> "tanh";
                case "architecture" -> "plain";
                default -> "none";
            };
            return new Preset(key, value, List.copyOf(allowed), familyDefault);
        }
    }

    /**
     * @param model  the model name, for messages
     * @param preset what the named model fixes, or {@link Preset#NONE}
     * @throws IllegalArgumentException naming the bad option
     */
    static NetworkOptions parse(String model, ModelSpec spec, Preset preset) {
        Map<String, Object> given = spec.options();
        Map<String, Object> merged = new LinkedHashMap<>(given);
        if (preset.key() != null) {
            Object user = given.get(preset.key());
            String v = user == null ? preset.value() : user.toString().trim().toLowerCase(Locale.ROOT);
            if (v.equals(preset.familyDefault())) {
                v = preset.value();
            }
            if (!preset.allowed().contains(v)) {
                throw new IllegalArgumentException("model " + model + " needs model." + preset.key() + "="
                        + String.join(" or ", preset.allowed()) + ", got '" + user + "'; use model mlp with model."
                        + preset.key() + "=" + user + " instead");
            }
            merged.put(preset.key(), v);
        }
        Options o = new Options(merged, "model.");
        int[] hidden = hidden(o);
        String act = o.string("activation", "tanh").toLowerCase(Locale.ROOT);
        Activations activation;
        if (act.equals("cauchy")) {
            activation = null;
        } else {
            try {
                activation = Activations.parse(act);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model.activation: " + e.getMessage() + ", cauchy");
            }
        }
        // Read here so that unknown keys are reported; PeriodicEmbedding validates them.
        o.string("periodic", null);
        o.string("harmonics", null);

        String sigmasText = o.string("fourier-sigmas", null);
        String featuresCount = o.string("fourier-features", null);
        String features = o.choice("features", sigmasText != null || featuresCount != null ? "fourier" : "none",
                List.of("none", "fourier"));
        double[] sigmas = new double[0];
        int m = 0;
        if (features.equals("fourier")) {
            sigmas = o.reals("fourier-sigmas", new double[] {1}, 0);
            for (double s : sigmas) {
                if (!(s > 0)) {
                    throw new IllegalArgumentException("model.fourier-sigmas must list positive numbers like 1,10; got '"
                            + sigmasText + "'");
                }
            }
            m = o.integer("fourier-features", 100, 1);
        } else if (sigmasText != null || featuresCount != null) {
            throw new IllegalArgumentException("model.fourier-sigmas and model.fourier-features need model.features="
                    + "fourier, got model.features=" + features);
        }
        Architecture architecture = Architecture.valueOf(o.choice("architecture", "plain",
                List.of("plain", "modified", "residual")).toUpperCase(Locale.ROOT));
        if (architecture == Architecture.MODIFIED) {
            for (int w : hidden) {
                if (w != hidden[0]) {
                    throw new IllegalArgumentException("model.architecture=modified needs hidden layers of equal width "
                            + "(the gates mix them with the encoders), got model.layers="
                            + java.util.Arrays.toString(hidden).replaceAll("[\\[\\] ]", ""));
                }
            }
        }
        Adaptive adaptive = Adaptive.valueOf(o.choice("adaptive", "none", List.of("none", "layer", "neuron"))
                .toUpperCase(Locale.ROOT));
        double n = o.real("adaptive-scale", 10, 1);
        if (adaptive == Adaptive.NONE && given.containsKey("adaptive-scale")) {
            throw new IllegalArgumentException("model.adaptive-scale needs model.adaptive=layer or neuron");
        }
        boolean recovery = o.flag("slope-recovery", false);
        if (adaptive == Adaptive.NONE && recovery) {
            throw new IllegalArgumentException("model.slope-recovery needs model.adaptive=layer or neuron");
        }
        o.checkAllRead("model " + model);
        return new NetworkOptions(model, hidden, activation, sigmas, m, architecture, adaptive, n, recovery);
    }

    private static int[] hidden(Options o) {
        String layers = o.string("layers", null);
        List<Integer> hidden = new ArrayList<>();
        if (layers != null) {
            for (String s : layers.replaceAll("[\\[\\]\\s]", "").split(",")) {
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
            if (o.string("width", null) != null || o.string("depth", null) != null) {
                throw new IllegalArgumentException("model.layers and model.width/model.depth exclude each other");
            }
        } else {
            int width = o.integer("width", 20, 1);
            int depth = o.integer("depth", 3, 1);
            for (int i = 0; i < depth; i++) {
                hidden.add(width);
            }
        }
        return hidden.stream().mapToInt(Integer::intValue).toArray();
    }
}
