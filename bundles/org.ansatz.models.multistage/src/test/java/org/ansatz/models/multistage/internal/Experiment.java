package org.ansatz.models.multistage.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.junit.jupiter.api.Test;

class Experiment {
    @Test
    void run() throws Exception {
        String spec = System.getProperty("exp");
        if (spec == null) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String kv : spec.split(" ")) {
            String[] p = kv.split("=", 2);
            settings.put(p[0], p[1]);
        }
        Path dir = Files.createTempDirectory("exp");
        long t0 = System.nanoTime();
        Progress p = new Progress() {
            @Override
            public void report(ProgressUpdate u) {
                if (!u.stage().contains("/") || u.step() == u.totalSteps()) {
                    System.out.println(u.stage() + " " + u.step() + " " + u.values());
                }
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        try (Solution s = Wiring.solver().solve(new SolveRequest(new SmoothProblem(), settings, 0, dir), p)) {
            System.out.println("RESULT " + s.metrics() + " in " + (System.nanoTime() - t0) / 1e9 + " s");
            int n = 2000;
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = -1 + 2.0 * (i + 0.5) / n;
            }
            double[] u = s.predict(new org.ansatz.api.problem.PointSet(java.util.List.of("x"), x)).values();
            double[] e = new double[n];
            StringBuilder b = new StringBuilder("error by tenth:");
            for (int i = 0; i < n; i++) {
                e[i] = SmoothProblem.exact(x[i]) - u[i];
            }
            for (int t = 0; t < 10; t++) {
                double q = 0;
                for (int i = t * n / 10; i < (t + 1) * n / 10; i++) {
                    q += e[i] * e[i];
                }
                b.append(String.format(" %.2e", Math.sqrt(q / (n / 10))));
            }
            System.out.println(b);
            StringBuilder f = new StringBuilder("dft |E_k| k=0..30:");
            for (int k = 0; k <= 30; k++) {
                double re = 0, im = 0;
                for (int i = 0; i < n; i++) {
                    re += e[i] * Math.cos(2 * Math.PI * i * k / n);
                    im -= e[i] * Math.sin(2 * Math.PI * i * k / n);
                }
                f.append(String.format(" %.1e", Math.hypot(re, im) / n));
            }
            System.out.println(f);
        }
        System.out.println(Files.readString(dir.resolve("multistage.json")));
    }
}
