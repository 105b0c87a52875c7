package org.ansatz.discovery.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Equation;
import org.ansatz.api.discovery.Observations;
import org.ansatz.api.discovery.Term;

/**
 * The measured targets (docs/discovery.md): Lorenz at 1% noise, Burgers' viscosity, KS
 * model-error discovery. Run by hand:
 *
 * <pre>
 * mvn -q -o -f bundles/org.ansatz.discovery/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.ansatz.discovery.internal.TargetsBenchmark
 * </pre>
 */
public final class TargetsBenchmark {

    static final Map<String, Map<String, Double>> LORENZ = Map.of(
            "x_t", Map.of("x", -10.0, "y", 10.0),
            "y_t", Map.of("x", 28.0, "y", -1.0, "x*z", -1.0),
            "z_t", Map.of("z", -8.0 / 3, "x*y", 1.0));

    static void lorenz(String method, Map<String, Object> opts, long seed) {
        Observations noisy = Systems.addNoise(Systems.lorenz(5000, 0.002), 0.01, seed);
        long t0 = System.nanoTime();
        Discovery d = DiscoverMain.methods().get(method).discover(noisy, new LinkedHashMap<>(opts));
        double secs = (System.nanoTime() - t0) / 1e9;
        boolean pattern = true;
        double maxRel = 0;
        int covered = 0;
        int total = 0;
        for (Map.Entry<String, Map<String, Double>> eq : LORENZ.entrySet()) {
            Equation e = d.equation(eq.getKey()).orElseThrow();
            pattern &= e.terms().stream().map(Term::name).collect(java.util.stream.Collectors.toSet()).equals(eq.getValue().keySet());
            for (Map.Entry<String, Double> t : eq.getValue().entrySet()) {
                double c = e.coefficient(t.getKey());
                maxRel = Math.max(maxRel, Math.abs(c - t.getValue()) / Math.abs(t.getValue()));
                double se = e.terms().stream().filter(x -> x.name().equals(t.getKey())).mapToDouble(Term::stdError).findFirst()
                        .orElse(Double.NaN);
                total++;
                covered += Math.abs(c - t.getValue()) <= 2 * se ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "lorenz 1%% noise seed %d  %-15s %-40s pattern %-5s  max rel err %.3f%%  2-sigma covers %d/%d  %.2f s%n",
                seed, method, opts, pattern, 100 * maxRel, covered, total, secs);
    }

    public static void main(String[] args) {
        for (long seed = 1; seed <= 5; seed++) {
            lorenz("weak-sindy", Map.of(), seed);
            lorenz("sindy", Map.of("derivative", "savgol"), seed);
            lorenz("ensemble-sindy", Map.of("derivative", "savgol", "threshold", "0.5"), seed);
            lorenz("rvm", Map.of("derivative", "savgol", "rvm.threshold", "0.01"), seed);
            lorenz("sr3", Map.of("derivative", "savgol", "threshold", "0.5"), seed);
        }
        for (double noise : new double[] {0, 0.01}) {
            Observations b = Systems.generate("burgers", new LinkedHashMap<>(Map.of("noise", Double.toString(noise), "seed", "1")));
            for (String method : List.of("sindy", "weak-sindy")) {
                Map<String, Object> opts = new LinkedHashMap<>();
                if (noise > 0 && method.equals("sindy")) {
                    opts.put("derivative", "savgol");
                    opts.put("space.derivative", "savgol");
                    opts.put("space.derivative.window", "9");
                }
                if (noise > 0 && method.equals("weak-sindy")) {
                    opts.put("space.derivative", "savgol");
                    opts.put("space.derivative.window", "9");
                    opts.put("weak.window", "21");
                }
                long t0 = System.nanoTime();
                Equation e = DiscoverMain.methods().get(method).discover(b, opts).equations().get(0);
                System.out.printf(Locale.ROOT, "burgers noise %.2f %-10s %s  nu err %.2f%%  (%.1f s)%n", noise, method, e.text(),
                        100 * Math.abs(e.coefficient("u_xx") - 0.1) / 0.1, (System.nanoTime() - t0) / 1e9);
            }
        }
        String[][] ks = {
            {"u_t = -u*u_x - u_xx", "1501", "30", "0", "tangent"},
            {"u_t = -u*u_x - u_xx", "1501", "30", "0", "second"},
            {"u_t = -u_xx - u_xxxx", "1501", "30", "0", "tangent"},
            {"u_t = -u*u_x - u_xxxx", "1501", "30", "0", "tangent"},
            {"u_t = -u*u_x - u_xx", "2001", "40", "0.01", "second"},
        };
        for (String[] c : ks) {
            Observations o = Systems.ks(128, Integer.parseInt(c[1]), Double.parseDouble(c[2]));
            Map<String, Object> opts = new LinkedHashMap<>(Map.of("model", c[0], "library.derivatives", "4", "error.order", c[4]));
            if (!c[3].equals("0")) {
                o = Systems.addNoise(o, Double.parseDouble(c[3]), 3);
                opts.put("filter", "lowpass");
                opts.put("stride", "5");
            }
            long t0 = System.nanoTime();
            Discovery d = DiscoverMain.methods().get("medida").discover(o, opts);
            Equation e = d.equations().get(0);
            StringBuilder terms = new StringBuilder();
            for (Term t : e.terms()) {
                terms.append(String.format(Locale.ROOT, "%s %.5f+-%.1e  ", t.name(), t.coefficient(), t.stdError()));
            }
            System.out.printf(Locale.ROOT, "ks medida known [%s] samples %s t<=%s noise %s %s: found %s (%.1f s)%n", c[0], c[1], c[2],
                    c[3], c[4], terms, (System.nanoTime() - t0) / 1e9);
        }
    }
}
