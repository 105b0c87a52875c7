package org.ansatz.dynamics.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.DynamicsLearner;

/**
 * The targets of docs/dynamics.md, run by hand (minutes, not a test):
 *
 * <pre>
 * cd bundles/org.ansatz.dynamics
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.ansatz.dynamics.internal.DynamicsBenchmark -Dexec.args="drift 1,2,3"
 * mvn ... -Dexec.args="lorenz 1,2,3"
 * </pre>
 *
 * Arguments: the experiment ({@code drift} or {@code lorenz}), comma-separated seeds, then optional
 * {@code key=value} settings that override the defaults for every run, and {@code out=DIR} to
 * write run directories.
 */
public final class DynamicsBenchmark {

    private DynamicsBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        String experiment = args.length > 0 ? args[0] : "drift";
        List<Long> seeds = new ArrayList<>();
        for (String s : (args.length > 1 ? args[1] : "1,2,3").split(",")) {
            seeds.add(Long.parseLong(s.trim()));
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        Path out = null;
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv[0].equals("out")) {
                out = Path.of(kv[1]);
            } else {
                overrides.put(kv[0], kv[1]);
            }
        }
        switch (experiment) {
            case "drift" -> drift(seeds, overrides, out);
            case "lorenz" -> lorenz(seeds, overrides, out);
            case "edmd" -> edmdVariants(seeds, overrides);
            default -> throw new IllegalArgumentException("unknown experiment '" + experiment + "'; known: drift, lorenz");
        }
        System.exit(0);
    }

    /** HNN against an unstructured network field on the same data, energy drift over 1000 periods. */
    static void drift(List<Long> seeds, Map<String, Object> overrides, Path out) {
        // systems=pendulum runs one system only (to run the two in parallel processes).
        Object only = overrides.remove("systems");
        for (String system : only == null ? List.of("mass-spring", "pendulum") : List.of(only.toString().split(","))) {
            DynamicalSystem s = Systems.named(system);
            Map<String, Double> medians = new LinkedHashMap<>();
            for (String model : List.of("hnn", "node")) {
                Map<String, Object> set = new LinkedHashMap<>();
                // Identical data, network, loss and budget; only the structure differs.
                set.put("test.periods", "1000");
                set.put("test.every", "30");
                set.put("loss", "derivative");
                set.put("layers", "64,64");
                set.put("steps", "4000");
                set.put("batch", "256");
                set.put("lr", "3e-3");
                // RK4 at T/60 for both models: its own energy error over 1000 periods (the floor
                // printed below) stays well under the drifts being compared.
                set.put("forecast.step", Double.toString(s.timeScale() / 60));
                set.putAll(overrides);
                double[] drift = new double[seeds.size()];
                for (int i = 0; i < seeds.size(); i++) {
                    long seed = seeds.get(i);
                    DynamicsLearner l = TestSupport.learner(model.equals("hnn") ? NeuralLearner.Kind.HNN
                            : NeuralLearner.Kind.NODE);
                    DynamicsRun.Result r = DynamicsRun.run(system, s, model, l, set, seed,
                            out == null ? null : out.resolve(system + "-" + model + "-" + seed), null);
                    drift[i] = r.metrics().get("energyDrift.median");
                    System.out.printf(Locale.ROOT, "%-12s %-5s seed %d  %s%n", system, model, seed, r.metrics());
                }
                medians.put(model, DynamicsRun.median(drift));
            }
            double periods = Double.parseDouble(String.valueOf(overrides.getOrDefault("test.periods", "1000")));
            double h = Double.parseDouble(String.valueOf(overrides.getOrDefault("forecast.step", s.timeScale() / 60)));
            double[] floor = new double[seeds.size()];
            for (int i = 0; i < seeds.size(); i++) {
                double[] x0 = s.initialState(new java.util.SplittableRandom(seeds.get(i)));
                double[] times = Reference.uniformTimes((int) Math.round(periods) + 1, s.timeScale());
                floor[i] = org.ansatz.api.dynamics.DynamicsMetrics.energyDrift(
                        DynamicsRun.energies(s, Reference.integrate(s, x0, times, h)));
            }
            System.out.printf(Locale.ROOT, "%s: median energy drift over %.0f periods  hnn %.3g  mlp %.3g  ratio %.1f"
                    + "  (true field, same RK4 step: %.3g)%n", system, periods, medians.get("hnn"), medians.get("node"),
                    medians.get("node") / medians.get("hnn"), DynamicsRun.median(floor));
        }
    }

    /** EDMD dictionaries and forecast modes on Lorenz, and the data-poor setting (one trajectory). */
    static void edmdVariants(List<Long> seeds, Map<String, Object> overrides) {
        DynamicalSystem s = Systems.named("lorenz");
        List<Map<String, Object>> variants = List.of(
                Map.of("degree", "2"), Map.of("degree", "3"), Map.of("degree", "4"), Map.of("degree", "5"),
                Map.of("degree", "4", "forecast", "linear"),
                Map.of("dictionary", "rbf", "centers", "300", "ridge", "1e-8"),
                Map.of("degree", "4", "train.trajectories", "1"));
        for (Map<String, Object> v : variants) {
            Map<String, Object> set = new LinkedHashMap<>(Map.of("test.trajectories", "20", "test.periods", "15"));
            set.putAll(v);
            set.putAll(overrides);
            double[] vpt = new double[seeds.size()];
            for (int i = 0; i < seeds.size(); i++) {
                vpt[i] = DynamicsRun.run("lorenz", s, "edmd", new Edmd(), set, seeds.get(i), null, null).metrics()
                        .get("vpt.lyapunovTimes.median");
            }
            System.out.printf(Locale.ROOT, "lorenz edmd %s: median VPT %.2f Lyapunov times (per seed %s)%n", v,
                    DynamicsRun.median(vpt), java.util.Arrays.toString(vpt));
        }
    }

    /** Valid prediction time on Lorenz for the neural ODE and EDMD. */
    static void lorenz(List<Long> seeds, Map<String, Object> overrides, Path out) {
        DynamicalSystem s = Systems.named("lorenz");
        for (String model : List.of("edmd", "node")) {
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("test.trajectories", "20");
            set.put("test.periods", "15");
            if (model.equals("edmd")) {
                set.put("degree", "4");
            } else {
                set.put("steps", "3000");
                set.put("horizon", "10");
                set.put("batch", "128");
            }
            overrides.forEach((k, v) -> {
                if (k.startsWith(model + ".")) {
                    set.put(k.substring(model.length() + 1), v);
                } else if (!k.startsWith("edmd.") && !k.startsWith("node.")) {
                    set.put(k, v);
                }
            });
            double[] vpt = new double[seeds.size()];
            for (int i = 0; i < seeds.size(); i++) {
                long seed = seeds.get(i);
                DynamicsLearner l = model.equals("edmd") ? new Edmd() : TestSupport.learner(NeuralLearner.Kind.NODE);
                DynamicsRun.Result r = DynamicsRun.run("lorenz", s, model, l, set, seed,
                        out == null ? null : out.resolve("lorenz-" + model + "-" + seed), null);
                vpt[i] = r.metrics().get("vpt.lyapunovTimes.median");
                System.out.printf(Locale.ROOT, "lorenz %-5s seed %d  %s%n", model, seed, r.metrics());
            }
            System.out.printf(Locale.ROOT, "lorenz %s: median over seeds of the median VPT %.2f Lyapunov times%n", model,
                    DynamicsRun.median(vpt));
        }
    }
}
