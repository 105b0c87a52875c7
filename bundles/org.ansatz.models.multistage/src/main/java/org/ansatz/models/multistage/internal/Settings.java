package org.ansatz.models.multistage.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ansatz.api.method.Options;

/**
 * The multistage-pinn solver's settings: its own ({@code stages}, {@code target}, {@code kappa-factor},
 * per-stage overrides {@code stage<k>.<setting>}) and everything else, which goes to the pinn solver
 * of every stage (and is checked there, by name).
 *
 * @param stages      number of stages
 * @param regression  fit the reference instead of the PDE ({@code target=reference})
 * @param kappaFactor multiplies {@code 2 pi f} for the first-layer scale
 * @param base        settings for the pinn solver of every stage
 * @param overrides   per stage, settings that replace the base ones
 */
record Settings(int stages, boolean regression, double kappaFactor, Map<String, Object> base,
        Map<Integer, Map<String, Object>> overrides) {

    private static final Pattern STAGE = Pattern.compile("stage(\\d+)\\.(.+)");

    /** Model options the solver sets for every stage; a user's value would be overwritten. */
    private static final List<String> RESERVED = List.of("model.frozen", "model.frozen-parameters", "model.scale",
            "model.kappa");

    static Settings parse(Map<String, Object> settings) {
        Map<String, Object> base = new LinkedHashMap<>(settings);
        Options own = new Options(Map.of(
                // Four: on the smooth 1D Poisson problem three stages end at 1e-10 in two seeds of four,
                // four stages below it in all four (6.8e-12 to 6.4e-11; docs/architectures.md).
                "stages", settings.getOrDefault("stages", "4"),
                "target", settings.getOrDefault("target", "pde"),
                "kappa-factor", settings.getOrDefault("kappa-factor", "1")));
        int stages = own.integer("stages", 4, 1);
        boolean regression = own.choice("target", "pde", List.of("pde", "reference")).equals("reference");
        double kappaFactor = own.real("kappa-factor", 1, Double.MIN_VALUE);
        base.remove("stages");
        base.remove("target");
        base.remove("kappa-factor");
        Object solver = base.remove("solver");
        if (solver != null && !List.of("multistage-pinn", "pinn").contains(solver.toString().trim())) {
            throw new IllegalArgumentException("setting solver must be multistage-pinn here, got '" + solver + "'");
        }
        Object model = base.remove("model");
        if (model != null && !List.of("mlp", "multistage").contains(model.toString().trim())) {
            throw new IllegalArgumentException("multistage-pinn trains its own stage networks (model multistage, "
                    + "options model.layers, model.activation); setting model=" + model + " is not supported");
        }
        for (String key : RESERVED) {
            if (base.containsKey(key)) {
                throw new IllegalArgumentException("setting " + key + " is set by multistage-pinn for every stage; "
                        + "override it for one stage with stage<k>." + key);
            }
        }
        Map<Integer, Map<String, Object>> overrides = new TreeMap<>();
        for (String key : new ArrayList<>(base.keySet())) {
            Matcher m = STAGE.matcher(key);
            if (m.matches()) {
                int k = Integer.parseInt(m.group(1));
                if (k < 1 || k > stages) {
                    throw new IllegalArgumentException("setting " + key + " names stage " + k + ", but there are "
                            + stages + " stages (stages=" + stages + ")");
                }
                if (List.of("stages", "target", "kappa-factor", "solver", "model").contains(m.group(2))) {
                    throw new IllegalArgumentException("setting " + key + " cannot differ between stages");
                }
                overrides.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(m.group(2), base.remove(key));
            } else if (key.startsWith("stage")) {
                throw new IllegalArgumentException("setting " + key + " is not of the form stage<k>.<setting>, e.g. "
                        + "stage2.adam.steps");
            }
        }
        // Machine precision needs float64; a problem's float32 default is not overridden, an absent dtype is.
        base.putIfAbsent("dtype", "float64");
        return new Settings(stages, regression, kappaFactor, base, overrides);
    }

    /**
     * What the pinn solver gets for stage {@code k}.
     *
     * @param frozen     the networks of the earlier stages
     * @param parameters their flat parameters (the previous stage's model.bin)
     * @param weights    loss weights by term (normalised by the loss so far), or null for the user's
     */
    Map<String, Object> stageSettings(int k, List<StageNetwork> frozen, double[] parameters, double scale,
            double kappa, Map<String, Double> weights) {
        Map<String, Object> s = new LinkedHashMap<>(base);
        s.put("solver", "pinn");
        s.put("model", "multistage");
        if (regression) {
            // The regression problem has no conditions to impose exactly.
            s.put("constraints", "soft");
        }
        if (!frozen.isEmpty()) {
            s.put("model.frozen", String.join(";", frozen.stream().map(StageNetwork::describe).toList()));
            s.put("model.frozen-parameters", MultistageModelFactory.encode(parameters));
            s.put("model.scale", Double.toString(scale));
            s.put("model.kappa", Double.toString(kappa));
            s.put("model.first-activation", "sin");
        }
        if (weights != null) {
            weights.forEach((name, w) -> s.put("weight." + name, Double.toString(w)));
        }
        s.putAll(overrides.getOrDefault(k, Map.of()));
        return s;
    }

    /** hard or soft, as every stage runs (regression: always soft). */
    String constraints() {
        return regression ? "soft" : String.valueOf(base.getOrDefault("constraints", "soft")).trim();
    }

    /** float32 or float64, as the pinn solver reads setting dtype (it rejects other values). */
    String dtype() {
        String d = String.valueOf(base.get("dtype")).trim().toLowerCase(java.util.Locale.ROOT);
        return d.equals("float32") || d.equals("f32") ? "float32" : "float64";
    }

    /** An integer setting of one stage, as the pinn solver reads it. */
    int integer(Map<String, Object> stage, String key, int fallback) {
        return new Options(stage).integer(key, fallback, 1);
    }

    /** The user's weight of a loss term (1 unless {@code weight.<term>} says otherwise). */
    double weight(String term) {
        return new Options(base, "").real("weight." + term, 1, 0);
    }
}
