package org.ansatz.discovery.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.method.Options;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Equation;
import org.ansatz.api.discovery.Observations;

/**
 * Symbolic regression of each variable's time derivative on the state (and, for fields, its
 * spatial derivatives): no library to choose, at the price of a search.
 */
public final class SymbolicDiscovery {

    private final String method;

    public SymbolicDiscovery(String method) {
        this.method = method;
    }

    public Discovery discover(Observations data, Map<String, Object> options) {
        Options o = new Options(options);
        Differentiator dt = Differentiator.fromOptions(o, "derivative", "fd");
        boolean spatial = data.spatial();
        Differentiator dx = spatial ? Differentiator.fromOptions(o, "space.derivative", data.periodic() ? "spectral" : "fd") : null;
        int order = spatial ? o.integer("derivatives", 2, 0) : 0;
        int samples = o.integer("samples", 400, 10);
        int trim = o.integer("trim", 5, 0);
        String unary = o.string("unary", "sin,cos,exp,log,sqrt");
        SymbolicRegression.Settings s = new SymbolicRegression.Settings(o.integer("population", 250, 10),
                o.integer("islands", 4, 1), o.integer("max-size", 25, 3), o.real("parsimony", 0.0005, 0),
                o.real("seconds", 20, 1e-3), o.integer("generations", Integer.MAX_VALUE, 1),
                unary.isBlank() ? List.of() : List.of(unary.split("\\s*,\\s*")), (long) o.real("seed", 0, 0), 1e-20);
        o.checkAllRead("method " + method);
        int nt = data.time().length;
        int nx = data.points();
        if (nt - 2 * trim < 5) {
            throw new IllegalArgumentException("trim " + trim + " leaves too few of " + nt + " sample times");
        }
        double h = data.time()[1] - data.time()[0];
        Map<String, double[]> features = new LinkedHashMap<>();
        Map<String, double[]> rates = new LinkedHashMap<>();
        for (String v : data.variables()) {
            double[] u = data.values(v);
            double[] rate = new double[u.length];
            double[] series = new double[nt];
            for (int j = 0; j < nx; j++) {
                for (int i = 0; i < nt; i++) {
                    series[i] = u[i * nx + j];
                }
                double[] d = dt.derivative(series, h, 1);
                for (int i = 0; i < nt; i++) {
                    rate[i * nx + j] = d[i];
                }
            }
            features.put(v, u);
            rates.put(v, rate);
        }
        if (spatial) {
            double hx = data.space()[1] - data.space()[0];
            for (String v : data.variables()) {
                double[] u = data.values(v);
                for (int k = 1; k <= order; k++) {
                    double[] f = new double[u.length];
                    for (int i = 0; i < nt; i++) {
                        double[] d = dx.derivative(java.util.Arrays.copyOfRange(u, i * nx, (i + 1) * nx), hx, k);
                        System.arraycopy(d, 0, f, i * nx, nx);
                    }
                    features.put(v + "_" + "x".repeat(k), f);
                }
            }
        }
        // evenly spread rows away from the time ends
        int usable = (nt - 2 * trim) * nx;
        int m = Math.min(samples, usable);
        int[] rows = new int[m];
        for (int k = 0; k < m; k++) {
            long idx = (long) k * usable / m;
            rows[k] = (int) (trim * nx + idx);
        }
        List<String> names = new ArrayList<>(features.keySet());
        double[][] x = new double[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            x[c] = Regression.pick(features.get(names.get(c)), rows);
        }
        List<Equation> equations = new ArrayList<>();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String v : data.variables()) {
            double[] y = Regression.pick(rates.get(v), rows);
            SymbolicRegression.Result r = new SymbolicRegression(s).fit(x, y, names);
            double mean = java.util.Arrays.stream(y).average().orElse(0);
            double var = java.util.Arrays.stream(y).map(a -> (a - mean) * (a - mean)).sum() / y.length;
            metrics.put("r2." + v, 1 - r.bestLoss() / var);
            metrics.put("generations." + v, (double) r.generations());
            metrics.put("seconds." + v, r.seconds());
            equations.add(new Equation(v + "_t", r.best(), List.of(), r.front()));
        }
        return new Discovery(method, equations, metrics);
    }
}
