package org.ansatz.discovery.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.method.Options;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Equation;
import org.ansatz.api.discovery.Observations;
import org.ansatz.api.discovery.Term;

/**
 * SINDy and its variants (Brunton, Proctor and Kutz 2016; PDE-FIND, Rudy et al. 2017): the time
 * derivative of every variable is regressed sparsely on a library of candidate terms. The strong
 * form differentiates the data; the weak form (Messenger and Bortz 2021) integrates the equation
 * against compactly supported test functions in time instead, so that noise is averaged rather
 * than differentiated.
 */
public final class SparseDiscovery {

    /** The sparse regression that picks the terms. */
    public enum Optimizer {
        STLSQ, SR3, ENSEMBLE, RVM
    }

    private final String method;
    private final Optimizer optimizer;
    private final boolean weak;

    public SparseDiscovery(String method, Optimizer optimizer, boolean weak) {
        this.method = method;
        this.optimizer = optimizer;
        this.weak = weak;
    }

    /** The linear system of one variable: library matrix, target, term names. */
    record LinearSystem(List<String> terms, Mat theta, Map<String, double[]> targets, Map<String, Double> info) {
    }

    /** Builds the regression problem (library and targets) for all variables. */
    static LinearSystem assemble(Observations data, Options o, boolean weak) {
        boolean spatial = data.spatial();
        Library library = Library.fromOptions(o, spatial);
        String defaultDerivative = "fd";
        Differentiator dt = Differentiator.fromOptions(o, "derivative", defaultDerivative);
        Differentiator dx = spatial
                ? Differentiator.fromOptions(o, "space.derivative", data.periodic() ? "spectral" : "fd")
                : null;
        boolean smoothState = o.flag("smooth", !weak);
        int nt = data.time().length;
        int nx = data.points();
        double h = data.time()[1] - data.time()[0];
        int defaultTrim = weak ? 0 : dt instanceof Differentiator.SavitzkyGolay || dt instanceof Differentiator.TotalVariation ? 10 : 2;
        int trim = o.integer("trim", defaultTrim, 0);
        int trimX = spatial && !data.periodic() ? o.integer("space.trim", 5, 0) : 0;
        if (nt - 2 * trim < 5 || nx - 2 * trimX < 1) {
            throw new IllegalArgumentException("trimming " + trim + " samples at each end leaves too few of " + nt);
        }
        // state and derivative fields, [nt][nx] row-major
        Map<String, double[]> state = new LinkedHashMap<>();
        Map<String, double[]> derivs = new LinkedHashMap<>();
        Map<String, double[]> rates = new LinkedHashMap<>();
        for (String v : data.variables()) {
            double[] u = data.values(v);
            double[] smoothed = u.clone();
            double[] rate = new double[u.length];
            double[] series = new double[nt];
            for (int j = 0; j < nx; j++) {
                for (int i = 0; i < nt; i++) {
                    series[i] = u[i * nx + j];
                }
                double[] d = weak ? new double[nt] : dt.derivative(series, h, 1);
                double[] s = smoothState ? dt.smooth(series, h) : series;
                for (int i = 0; i < nt; i++) {
                    rate[i * nx + j] = d[i];
                    smoothed[i * nx + j] = s[i];
                }
            }
            state.put(v, smoothed);
            rates.put(v, rate);
            if (spatial) {
                double hx = data.space()[1] - data.space()[0];
                for (String name : library.derivativeNames(v, true)) {
                    int order = name.length() - v.length() - 1;
                    double[] field = new double[u.length];
                    double[] row = new double[nx];
                    for (int i = 0; i < nt; i++) {
                        System.arraycopy(smoothed, i * nx, row, 0, nx);
                        double[] d = dx.derivative(row, hx, order);
                        System.arraycopy(d, 0, field, i * nx, nx);
                    }
                    derivs.put(name, field);
                }
            }
        }
        Map<String, Double> info = new LinkedHashMap<>();
        if (weak) {
            return weakSystem(data, o, library, state, derivs, info, h, trimX);
        }
        // keep rows away from the ends, where derivative stencils are one-sided
        List<Integer> rows = new ArrayList<>();
        for (int i = trim; i < nt - trim; i++) {
            for (int j = trimX; j < nx - trimX; j++) {
                rows.add(i * nx + j);
            }
        }
        int[] keep = rows.stream().mapToInt(Integer::intValue).toArray();
        Map<String, double[]> st = new LinkedHashMap<>();
        state.forEach((k, v) -> st.put(k, Regression.pick(v, keep)));
        Map<String, double[]> dv = new LinkedHashMap<>();
        derivs.forEach((k, v) -> dv.put(k, Regression.pick(v, keep)));
        Library.Terms terms = library.evaluate(st, dv);
        Map<String, double[]> targets = new LinkedHashMap<>();
        rates.forEach((k, v) -> targets.put(k, Regression.pick(v, keep)));
        info.put("samples", (double) keep.length);
        return new LinearSystem(terms.names(), terms.matrix(), targets, info);
    }

    private static LinearSystem weakSystem(Observations data, Options o, Library library, Map<String, double[]> state,
            Map<String, double[]> derivs, Map<String, Double> info, double h, int trimX) {
        int nt = data.time().length;
        int nx = data.points();
        int width = o.integer("weak.window", Math.max(15, Math.min(201, (nt / 40) | 1)), 5);
        int degree = o.integer("weak.degree", 6, 1);
        int stride = o.integer("weak.stride", Math.max(1, width / 4), 1);
        if (width > nt) {
            throw new IllegalArgumentException("weak.window " + width + " exceeds the " + nt + " sample times");
        }
        // test functions phi(s) = (1 - s^2)^p on [-1, 1], s the scaled time in a window
        double[] phi = new double[width];
        double[] dphi = new double[width];
        double half = (width - 1) / 2.0;
        for (int k = 0; k < width; k++) {
            double s = (k - half) / half;
            double base = 1 - s * s;
            phi[k] = Math.pow(base, degree);
            dphi[k] = degree * Math.pow(base, degree - 1) * (-2 * s) / (half * h);
        }
        // trapezoid weights; phi vanishes with derivatives at the window ends
        List<int[]> windows = new ArrayList<>();
        for (int start = 0; start + width <= nt; start += stride) {
            for (int j = trimX; j < nx - trimX; j++) {
                windows.add(new int[] {start, j});
            }
        }
        Library.Terms pointwise = library.evaluate(state, derivs);
        Mat theta = pointwise.matrix();
        int p = theta.cols;
        Mat g = new Mat(windows.size(), p);
        Map<String, double[]> targets = new LinkedHashMap<>();
        for (String v : data.variables()) {
            targets.put(v, new double[windows.size()]);
        }
        for (int w = 0; w < windows.size(); w++) {
            int start = windows.get(w)[0];
            int j = windows.get(w)[1];
            for (int k = 0; k < width; k++) {
                int row = (start + k) * nx + j;
                double wk = phi[k] * h;
                for (int c = 0; c < p; c++) {
                    g.data[w * p + c] += wk * theta.data[row * p + c];
                }
            }
            for (String v : data.variables()) {
                double[] u = state.get(v);
                double acc = 0;
                for (int k = 0; k < width; k++) {
                    acc -= dphi[k] * h * u[(start + k) * nx + j];
                }
                targets.get(v)[w] = acc;
            }
        }
        info.put("weak.windows", (double) windows.size());
        info.put("weak.window", (double) width);
        return new LinearSystem(pointwise.names(), g, targets, info);
    }

    /** Runs the discovery. */
    public Discovery discover(Observations data, Map<String, Object> options) {
        Options o = new Options(options);
        LinearSystem sys = assemble(data, o, weak);
        String thresholdText = o.string("threshold", "auto");
        double ridge = o.real("ridge", optimizer == Optimizer.STLSQ || optimizer == Optimizer.ENSEMBLE ? 1e-10 : 0, 0);
        int maxIter = o.integer("max-iterations", optimizer == Optimizer.SR3 ? 10000 : optimizer == Optimizer.RVM ? 500 : 20, 1);
        double nu = o.real("sr3.nu", 1.0, 1e-12);
        boolean l1 = "l1".equals(o.choice("sr3.penalty", "l0", List.of("l0", "l1")));
        int models = o.integer("ensemble.models", 100, 2);
        double inclusion = o.real("ensemble.inclusion", 0.5, 0, 1);
        long seed = (long) o.real("seed", 0, -Double.MAX_VALUE);
        double tolerance = o.real("auto.tolerance", 0.1, 0);
        double tStat = o.real("prune", 2, 0);
        double rvmThreshold = o.real("rvm.threshold", 1e-3, 0);
        int block = o.integer("ensemble.block", Math.max(1, sys.theta().rows / 100), 1);
        o.checkAllRead("method " + method);
        Map<String, Double> metrics = new LinkedHashMap<>(sys.info());
        List<Equation> equations = new ArrayList<>();
        for (Map.Entry<String, double[]> target : sys.targets().entrySet()) {
            double[] y = target.getValue();
            Mat a = sys.theta();
            Fit fit;
            if (optimizer == Optimizer.RVM) {
                fit = Regression.rvm(a, y, maxIter, rvmThreshold);
                fit = inflateForCorrelation(a, y, fit);
            } else {
                java.util.function.DoubleFunction<Regression.Sparse> solver = t -> optimizer == Optimizer.SR3
                        ? (m, v) -> Regression.sr3(m, v, t, nu, l1, maxIter, 1e-10)
                        : (m, v) -> Regression.stlsq(m, v, t, ridge, maxIter);
                double threshold;
                if (thresholdText.equals("auto")) {
                    threshold = Regression.autoThreshold(a, y, solver, tolerance);
                } else {
                    try {
                        threshold = Double.parseDouble(thresholdText);
                    } catch (NumberFormatException e) {
                        threshold = -1;
                    }
                    if (!(threshold >= 0)) {
                        throw new IllegalArgumentException("threshold must be 'auto' or a number >= 0, got '" + thresholdText + "'");
                    }
                }
                metrics.put("threshold." + target.getKey(), threshold);
                if (optimizer == Optimizer.ENSEMBLE) {
                    fit = Regression.ensemble(a, y, solver.apply(threshold), models, block, inclusion, seed);
                } else {
                    double[] xi = Regression.prune(a, y, solver.apply(threshold).fit(a, y), tStat);
                    fit = new Fit(xi, Regression.standardErrors(a, y, xi), Regression.r2(a, y, xi));
                }
            }
            metrics.put("r2." + target.getKey(), fit.r2());
            equations.add(equation(target.getKey() + "_t", sys.terms(), fit));
        }
        return new Discovery(method, equations, metrics);
    }

    private static Fit inflateForCorrelation(Mat a, double[] y, Fit fit) {
        double[] pred = a.times(fit.coefficients());
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i] - pred[i];
        }
        double f = Math.sqrt(Regression.autocorrelationInflation(r));
        double[] se = fit.stdErrors().clone();
        for (int j = 0; j < se.length; j++) {
            se[j] *= f;
        }
        return new Fit(fit.coefficients(), se, fit.r2());
    }

    static Equation equation(String lhs, List<String> names, Fit fit) {
        List<Term> terms = new ArrayList<>();
        double[] c = fit.coefficients();
        for (int j = 0; j < c.length; j++) {
            if (c[j] != 0) {
                terms.add(new Term(names.get(j), c[j], fit.stdErrors()[j]));
            }
        }
        return new Equation(lhs, rhs(terms), terms, List.of());
    }

    /** {@code c1*t1 + c2*t2 - ...} in spec syntax. */
    static String rhs(List<Term> terms) {
        StringBuilder sb = new StringBuilder();
        for (Term t : terms) {
            double c = t.coefficient();
            String mag = Expr.number(Math.abs(c));
            String body = t.name().equals("1") ? mag : mag + "*" + (needsParens(t.name()) ? "(" + t.name() + ")" : t.name());
            if (sb.length() == 0) {
                sb.append(c < 0 ? "-" : "").append(body);
            } else {
                sb.append(c < 0 ? " - " : " + ").append(body);
            }
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }

    private static boolean needsParens(String name) {
        int depth = 0;
        for (char ch : name.toCharArray()) {
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (depth == 0 && (ch == '+' || ch == '-' || ch == '/')) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s%s)", method, optimizer, weak ? ", weak form" : "");
    }
}
