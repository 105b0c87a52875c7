package org.ansatz.discovery.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ansatz.api.method.Options;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Equation;
import org.ansatz.api.discovery.Observations;
import org.ansatz.api.discovery.Term;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Model-error discovery in the style of MEDIDA (Mojgani, Chattopadhyay and Hassanzadeh 2022): the
 * known, imperfect model is integrated over one observation interval from each observed state;
 * the mismatch with the next observation, divided by the interval, estimates the model error,
 * which sparse Bayesian regression (RVM) explains by library terms. With noisy observations an
 * ensemble Kalman filter running the known model estimates the states first.
 */
public final class ModelErrorDiscovery {

    private static final Pattern DERIVATIVE = Pattern.compile("([A-Za-z][A-Za-z0-9]*)_(x+)");

    /** The method name this instance reports. */
    private final String method;

    public ModelErrorDiscovery(String method) {
        this.method = method;
    }

    /** The known model: one right-hand side per variable, over the variables and their x-derivatives. */
    static final class Model {
        final List<String> variables;
        final List<String> features = new ArrayList<>();
        final List<Expr> rhs = new ArrayList<>();
        final List<String> text = new ArrayList<>();
        final int order;
        final Observations grid;
        final Differentiator dx;

        Model(String spec, Observations data) {
            this.variables = data.variables();
            this.grid = data;
            Map<String, String> byLhs = new LinkedHashMap<>();
            for (String part : spec.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("model equation '" + part.trim() + "' needs the form v_t = ...");
                }
                byLhs.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
            int maxOrder = 0;
            Matcher m = DERIVATIVE.matcher(spec);
            while (m.find()) {
                if (variables.contains(m.group(1))) {
                    maxOrder = Math.max(maxOrder, m.group(2).length());
                }
            }
            if (maxOrder > 0 && !data.spatial()) {
                throw new IllegalArgumentException("the model uses spatial derivatives but the data have no space grid");
            }
            this.order = maxOrder;
            features.addAll(variables);
            for (String v : variables) {
                for (int k = 1; k <= order; k++) {
                    features.add(v + "_" + "x".repeat(k));
                }
            }
            for (String v : variables) {
                String r = byLhs.remove(v + "_t");
                if (r == null) {
                    throw new IllegalArgumentException("model has no equation for " + v + "_t (got " + spec + ")");
                }
                try {
                    rhs.add(Expr.parse(r, features));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("model equation for " + v + "_t: " + e.getMessage(), e);
                }
                text.add(r);
            }
            if (!byLhs.isEmpty()) {
                throw new IllegalArgumentException("model equations for unobserved variables: " + byLhs.keySet()
                        + "; observed: " + variables);
            }
            dx = data.spatial() ? (data.periodic() ? new Differentiator.Spectral() : new Differentiator.FiniteDifference(4)) : null;
        }

        /** f(state) for a state vector laid out variable-major ({@code [variable][point]}). */
        double[] eval(double[] state) {
            int nx = grid.points();
            double[][] cols = new double[features.size()][];
            int c = 0;
            for (int v = 0; v < variables.size(); v++) {
                cols[c++] = java.util.Arrays.copyOfRange(state, v * nx, (v + 1) * nx);
            }
            for (int v = 0; v < variables.size(); v++) {
                for (int k = 1; k <= order; k++) {
                    cols[c++] = dx.derivative(cols[v], grid.space()[1] - grid.space()[0], k);
                }
            }
            double[] out = new double[state.length];
            for (int v = 0; v < variables.size(); v++) {
                double[] r = rhs.get(v).eval(cols, nx);
                System.arraycopy(r, 0, out, v * nx, nx);
            }
            return out;
        }

        /** RK4 over {@code interval} with the forcing {@code eps * ((1 - s) g0 + s g1)}, s the fraction of the interval. */
        double[] stepForced(double[] state, double interval, int steps, double[] g0, double[] g1, double eps) {
            double h = interval / steps;
            double[] y = state.clone();
            int d = y.length;
            double[] tmp = new double[d];
            for (int s = 0; s < steps; s++) {
                double t0 = (double) s / steps;
                double tm = (s + 0.5) / steps;
                double t1 = (s + 1.0) / steps;
                double[] k1 = forced(y, g0, g1, eps, t0);
                for (int i = 0; i < d; i++) {
                    tmp[i] = y[i] + 0.5 * h * k1[i];
                }
                double[] k2 = forced(tmp, g0, g1, eps, tm);
                for (int i = 0; i < d; i++) {
                    tmp[i] = y[i] + 0.5 * h * k2[i];
                }
                double[] k3 = forced(tmp, g0, g1, eps, tm);
                for (int i = 0; i < d; i++) {
                    tmp[i] = y[i] + h * k3[i];
                }
                double[] k4 = forced(tmp, g0, g1, eps, t1);
                for (int i = 0; i < d; i++) {
                    y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                }
            }
            return y;
        }

        private double[] forced(double[] y, double[] g0, double[] g1, double eps, double frac) {
            double[] f = eval(y);
            for (int i = 0; i < f.length; i++) {
                f[i] += eps * ((1 - frac) * g0[i] + frac * g1[i]);
            }
            return f;
        }

        /** RK4 over {@code interval} in {@code steps} steps. */
        double[] step(double[] state, double interval, int steps) {
            double h = interval / steps;
            double[] y = state.clone();
            int d = y.length;
            double[] tmp = new double[d];
            for (int s = 0; s < steps; s++) {
                double[] k1 = eval(y);
                for (int i = 0; i < d; i++) {
                    tmp[i] = y[i] + 0.5 * h * k1[i];
                }
                double[] k2 = eval(tmp);
                for (int i = 0; i < d; i++) {
                    tmp[i] = y[i] + 0.5 * h * k2[i];
                }
                double[] k3 = eval(tmp);
                for (int i = 0; i < d; i++) {
                    tmp[i] = y[i] + h * k3[i];
                }
                double[] k4 = eval(tmp);
                for (int i = 0; i < d; i++) {
                    y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                }
            }
            return y;
        }
    }

    /** Discovers the terms missing from {@code model}. */
    public Discovery discover(Observations data, Map<String, Object> options) {
        Options o = new Options(options);
        String spec = o.string("model", null);
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(method + " needs the known model, e.g. model=\"u_t = -u*u_x - u_xx\"");
        }
        Model model = new Model(spec, data);
        String filter = o.choice("filter", "none", List.of("none", "enkf", "lowpass", "enkf+lowpass"));
        double keep = o.real("lowpass.fraction", 0.5, 0, 1);
        int stride = o.integer("stride", 1, 1);
        int members = o.integer("enkf.members", 40, 4);
        double obsNoise = o.real("enkf.noise", 0, 0);
        double inflation = o.real("enkf.inflation", 1.2, 1);
        double radius = o.real("enkf.localization", 8, 0);
        long seed = (long) o.real("seed", 0, 0);
        Library library = Library.fromOptions(o, data.spatial());
        double threshold = o.real("rvm.threshold", 0.05, 0);
        int maxIter = o.integer("max-iterations", 500, 1);
        String regressor = o.choice("error.order", "tangent", List.of("first", "second", "tangent"));
        o.checkAllRead("method " + method);
        if (filter.startsWith("enkf") && !(obsNoise > 0)) {
            throw new IllegalArgumentException("filter=enkf needs enkf.noise, the observation noise standard deviation (> 0)");
        }

        int nt = data.time().length;
        int nx = data.points();
        int nv = data.variables().size();
        double dt = data.time()[1] - data.time()[0];
        double[][] states = new double[nt][nv * nx];
        for (int i = 0; i < nt; i++) {
            for (int v = 0; v < nv; v++) {
                System.arraycopy(data.values().get(v), i * nx, states[i], v * nx, nx);
            }
        }
        int substeps = substeps(model, states, dt);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("substeps", (double) substeps);
        if (filter.endsWith("lowpass")) {
            if (!data.periodic()) {
                throw new IllegalArgumentException("filter=" + filter + " needs periodic fields");
            }
            for (double[] st : states) {
                for (int v = 0; v < nv; v++) {
                    double[] f = lowpass(java.util.Arrays.copyOfRange(st, v * nx, (v + 1) * nx), keep);
                    System.arraycopy(f, 0, st, v * nx, nx);
                }
            }
        }
        if (filter.startsWith("enkf")) {
            states = enkf(model, states, dt, substeps, members, obsNoise, inflation, radius, seed, metrics);
        }
        if (stride > 1) {
            // longer intervals: the model error grows with the interval, observation noise does not
            double[][] sub = new double[(nt - 1) / stride + 1][];
            for (int i = 0; i < sub.length; i++) {
                sub[i] = states[i * stride];
            }
            states = sub;
            nt = sub.length;
            dt *= stride;
            substeps = substeps(model, states, dt);
            metrics.put("substeps", (double) substeps);
        }
        if (nt < 3) {
            throw new IllegalArgumentException("stride " + stride + " leaves fewer than 3 states");
        }
        // model error per interval, with the library averaged over its ends (trapezoid in time)
        int rows = (nt - 1) * nx;
        double[][] error = new double[nv][rows];
        Map<String, double[]> left = fields(states, 0, nt - 1, nv, nx, data.variables());
        Map<String, double[]> right = fields(states, 1, nt, nv, nx, data.variables());
        for (int i = 0; i < nt - 1; i++) {
            double[] forecast = model.step(states[i], dt, substeps);
            for (int v = 0; v < nv; v++) {
                for (int j = 0; j < nx; j++) {
                    error[v][i * nx + j] = (states[i + 1][v * nx + j] - forecast[v * nx + j]) / dt;
                }
            }
        }
        Library.Terms a = library.evaluate(left, derivatives(left, library, data));
        Library.Terms b = library.evaluate(right, derivatives(right, library, data));
        // one joint regression: a term missing from one equation also moves the other variables
        // within an interval (through the known model's coupling), which per-equation fits would
        // misread as terms of those equations
        metrics.put("tangent", regressor.equals("tangent") ? 1.0 : 0.0);
        Mat theta = regressor.equals("tangent")
                ? tangentRegressors(model, states, a.matrix(), b.matrix(), nv, nx, dt, substeps)
                : regressors(model, states, a.matrix(), b.matrix(), nv, nx, dt, regressor.equals("second"));
        int p = a.matrix().cols;
        double[] target = new double[nv * rows];
        for (int i = 0; i < nt - 1; i++) {
            for (int w = 0; w < nv; w++) {
                System.arraycopy(error[w], i * nx, target, (i * nv + w) * nx, nx);
            }
        }
        if (filter.endsWith("lowpass")) {
            // compare like with like: the forecast has high modes (from the nonlinear terms) that the
            // filtered next state lacks, so regress within the kept modes only
            project(target, nx, keep);
            for (int c = 0; c < theta.cols; c++) {
                double[] col = theta.column(c);
                project(col, nx, keep);
                for (int r = 0; r < theta.rows; r++) {
                    theta.set(r, c, col[r]);
                }
            }
        }
        Fit fit = Regression.rvm(theta, target, maxIter, threshold);
        double[] pred = theta.times(fit.coefficients());
        double[] res = new double[pred.length];
        for (int k = 0; k < res.length; k++) {
            res[k] = target[k] - pred[k];
        }
        double inflate = Math.sqrt(Regression.autocorrelationInflation(res));
        metrics.put("r2", fit.r2());
        List<Equation> equations = new ArrayList<>();
        for (int v = 0; v < nv; v++) {
            String var = data.variables().get(v);
            double[] c = java.util.Arrays.copyOfRange(fit.coefficients(), v * p, (v + 1) * p);
            double[] se = java.util.Arrays.copyOfRange(fit.stdErrors(), v * p, (v + 1) * p);
            for (int k = 0; k < se.length; k++) {
                se[k] *= inflate;
            }
            double rms = 0;
            for (double e : error[v]) {
                rms += e * e / error[v].length;
            }
            metrics.put("model-error-rms." + var, Math.sqrt(rms));
            Equation missing = SparseDiscovery.equation(var + "_t", a.names(), new Fit(c, se, fit.r2()));
            List<Term> terms = missing.terms();
            String known = model.text.get(v);
            String rhs = terms.isEmpty() ? known : "(" + known + ") " + (missing.rhs().startsWith("-")
                    ? "- " + missing.rhs().substring(1) : "+ " + missing.rhs());
            equations.add(new Equation(var + "_t", rhs, terms, List.of()));
        }
        return new Discovery(method, equations, metrics);
    }

    /**
     * The regressors of the one-interval model error. A missing term g changes the forecast over
     * one interval by {@code dt * mean(g) + dt^2/2 * J g + O(dt^3)}, J the known model's Jacobian:
     * the first part is the library averaged over the interval's ends, the second (with
     * {@code secondOrder}) is J applied to each library column, by a directional difference. Without
     * it, the dynamics of the known model mix into the error and show up as spurious terms.
     */
    private static Mat regressors(Model model, double[][] states, Mat left, Mat right, int nv, int nx, double dt,
            boolean secondOrder) {
        int p = left.cols;
        int intervals = states.length - 1;
        // rows (interval, component, point); columns (equation, term)
        Mat theta = new Mat(intervals * nv * nx, nv * p);
        for (int i = 0; i < intervals; i++) {
            for (int v = 0; v < nv; v++) {
                for (int q = 0; q < nx; q++) {
                    int row = (i * nv + v) * nx + q;
                    for (int j = 0; j < p; j++) {
                        theta.set(row, v * p + j, 0.5 * (left.get(i * nx + q, j) + right.get(i * nx + q, j)));
                    }
                }
            }
        }
        if (!secondOrder) {
            return theta;
        }
        int d = states[0].length;
        for (int i = 0; i < intervals; i++) {
            double[] u = states[i];
            double[] f0 = model.eval(u);
            double unorm = 0;
            for (double x : u) {
                unorm = Math.max(unorm, Math.abs(x));
            }
            for (int v = 0; v < nv; v++) {
                for (int j = 0; j < p; j++) {
                    double[] dir = new double[d];
                    double dnorm = 0;
                    for (int q = 0; q < nx; q++) {
                        dir[v * nx + q] = left.get(i * nx + q, j);
                        dnorm = Math.max(dnorm, Math.abs(dir[v * nx + q]));
                    }
                    if (dnorm == 0) {
                        continue;
                    }
                    double eps = 1e-6 * (unorm + 1) / dnorm;
                    double[] shifted = u.clone();
                    for (int q = 0; q < d; q++) {
                        shifted[q] += eps * dir[q];
                    }
                    double[] f1 = model.eval(shifted);
                    for (int w = 0; w < nv; w++) {
                        for (int q = 0; q < nx; q++) {
                            double jv = (f1[w * nx + q] - f0[w * nx + q]) / eps;
                            int row = (i * nv + w) * nx + q;
                            theta.data[row * theta.cols + v * p + j] += 0.5 * dt * jv;
                        }
                    }
                }
            }
        }
        return theta;
    }

    /**
     * The exact linear response of the one-interval forecast to each library term: the known model
     * integrated with the term, interpolated linearly between the interval's ends, added as a
     * small forcing, minus the unforced forecast. Needed when the known model is stiff over one
     * interval (e.g. hyperdiffusion), where the Taylor expansion in {@code dt * J} diverges.
     */
    private static Mat tangentRegressors(Model model, double[][] states, Mat left, Mat right, int nv, int nx, double dt,
            int substeps) {
        int p = left.cols;
        int intervals = states.length - 1;
        int d = states[0].length;
        Mat theta = new Mat(intervals * nv * nx, nv * p);
        for (int i = 0; i < intervals; i++) {
            double[] u = states[i];
            double[] base = model.step(u, dt, substeps);
            double unorm = 0;
            for (double x : u) {
                unorm = Math.max(unorm, Math.abs(x));
            }
            for (int v = 0; v < nv; v++) {
                for (int j = 0; j < p; j++) {
                    double[] g0 = new double[d];
                    double[] g1 = new double[d];
                    double gnorm = 0;
                    for (int q = 0; q < nx; q++) {
                        g0[v * nx + q] = left.get(i * nx + q, j);
                        g1[v * nx + q] = right.get(i * nx + q, j);
                        gnorm = Math.max(gnorm, Math.max(Math.abs(g0[v * nx + q]), Math.abs(g1[v * nx + q])));
                    }
                    if (gnorm == 0) {
                        continue;
                    }
                    double eps = 1e-6 * (unorm + 1) / (gnorm * dt);
                    double[] forced = model.stepForced(u, dt, substeps, g0, g1, eps);
                    for (int w = 0; w < nv; w++) {
                        for (int q = 0; q < nx; q++) {
                            int row = (i * nv + w) * nx + q;
                            theta.data[row * theta.cols + v * p + j] = (forced[w * nx + q] - base[w * nx + q]) / (eps * dt);
                        }
                    }
                }
            }
        }
        return theta;
    }

    /**
     * Keeps the lowest {@code fraction} of the Fourier modes: observation noise is white, the
     * dissipative dynamics' spectrum decays fast, and the spatial derivatives in the library would
     * otherwise amplify the noise by {@code k^order}.
     */
    static double[] lowpass(double[] f, double fraction) {
        int n = f.length;
        if (!Fft.powerOfTwo(n)) {
            throw new IllegalArgumentException("lowpass needs a power-of-two grid, got " + n);
        }
        double[] re = f.clone();
        double[] im = new double[n];
        Fft.transform(re, im, -1);
        int cutoff = (int) Math.floor(fraction * n / 2);
        for (int i = 0; i < n; i++) {
            int m = i <= n / 2 ? i : n - i;
            if (m > cutoff) {
                re[i] = 0;
                im[i] = 0;
            }
        }
        Fft.transform(re, im, 1);
        for (int i = 0; i < n; i++) {
            re[i] /= n;
        }
        return re;
    }

    private static void project(double[] field, int nx, double keep) {
        for (int i = 0; i < field.length / nx; i++) {
            double[] f = lowpass(java.util.Arrays.copyOfRange(field, i * nx, (i + 1) * nx), keep);
            System.arraycopy(f, 0, field, i * nx, nx);
        }
    }

    private static Map<String, double[]> fields(double[][] states, int from, int to, int nv, int nx, List<String> vars) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int v = 0; v < nv; v++) {
            double[] f = new double[(to - from) * nx];
            for (int i = from; i < to; i++) {
                System.arraycopy(states[i], v * nx, f, (i - from) * nx, nx);
            }
            out.put(vars.get(v), f);
        }
        return out;
    }

    private static Map<String, double[]> derivatives(Map<String, double[]> state, Library library, Observations data) {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (!data.spatial()) {
            return out;
        }
        int nx = data.points();
        double hx = data.space()[1] - data.space()[0];
        Differentiator dx = data.periodic() ? new Differentiator.Spectral() : new Differentiator.FiniteDifference(4);
        for (Map.Entry<String, double[]> e : state.entrySet()) {
            double[] u = e.getValue();
            int nt = u.length / nx;
            for (String name : library.derivativeNames(e.getKey(), true)) {
                int order = name.length() - e.getKey().length() - 1;
                double[] f = new double[u.length];
                for (int i = 0; i < nt; i++) {
                    double[] d = dx.derivative(java.util.Arrays.copyOfRange(u, i * nx, (i + 1) * nx), hx, order);
                    System.arraycopy(d, 0, f, i * nx, nx);
                }
                out.put(name, f);
            }
        }
        return out;
    }

    /** Substeps for the known model: doubled until the one-interval forecast no longer changes. */
    static int substeps(Model model, double[][] states, double dt) {
        int n = 1;
        double[] probe = states[0];
        double[] prev = null;
        while (n <= 8192) {
            double[] next;
            try {
                next = model.step(probe, dt, n);
            } catch (ArithmeticException e) {
                next = null;
            }
            boolean finite = next != null && java.util.Arrays.stream(next).allMatch(Double::isFinite);
            if (finite && prev != null) {
                double diff = 0;
                double norm = 0;
                for (int i = 0; i < next.length; i++) {
                    diff = Math.max(diff, Math.abs(next[i] - prev[i]));
                    norm = Math.max(norm, Math.abs(next[i]));
                }
                if (diff <= 1e-9 * (norm + 1e-300)) {
                    return n;
                }
            }
            prev = finite ? next : null;
            n *= 2;
        }
        throw new IllegalArgumentException("the known model does not converge within 8192 RK4 steps per interval of " + dt
                + " (stiff or unstable?)");
    }

    /**
     * Stochastic ensemble Kalman filter with perturbed observations (every grid value observed),
     * multiplicative inflation and Gaspari-Cohn localisation on the periodic or bounded grid.
     * Returns the analysis means.
     */
    static double[][] enkf(Model model, double[][] obs, double dt, int substeps, int members, double noise,
            double inflation, double radius, long seed, Map<String, Double> metrics) {
        int nt = obs.length;
        int d = obs[0].length;
        int nx = model.grid.points();
        Random rnd = new Random(seed);
        double[][] ens = new double[members][d];
        for (int m = 0; m < members; m++) {
            for (int i = 0; i < d; i++) {
                ens[m][i] = obs[0][i] + noise * rnd.nextGaussian();
            }
        }
        double[][] rho = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                int pi = i % nx;
                int pj = j % nx;
                double dist = Math.abs(pi - pj);
                if (model.grid.periodic()) {
                    dist = Math.min(dist, nx - dist);
                }
                rho[i][j] = radius <= 0 ? 1 : gaspariCohn(dist / radius);
            }
        }
        double[][] analysis = new double[nt][];
        analysis[0] = mean(ens);
        DMatrixRMaj p = new DMatrixRMaj(d, d);
        DMatrixRMaj s = new DMatrixRMaj(d, d);
        DMatrixRMaj k = new DMatrixRMaj(d, d);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(d);
        double innovation = 0;
        for (int n = 1; n < nt; n++) {
            for (int m = 0; m < members; m++) {
                ens[m] = model.step(ens[m], dt, substeps);
            }
            double[] mu = mean(ens);
            for (int m = 0; m < members; m++) {
                for (int i = 0; i < d; i++) {
                    ens[m][i] = mu[i] + inflation * (ens[m][i] - mu[i]);
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double c = 0;
                    for (int m = 0; m < members; m++) {
                        c += (ens[m][i] - mu[i]) * (ens[m][j] - mu[j]);
                    }
                    p.set(i, j, rho[i][j] * c / (members - 1));
                }
            }
            s.setTo(p);
            for (int i = 0; i < d; i++) {
                s.add(i, i, noise * noise);
            }
            if (!chol.setA(s)) {
                throw new IllegalStateException("ensemble Kalman filter: innovation covariance not positive definite at step " + n);
            }
            // K = P S^-1 (S symmetric): solve S K^T = P
            DMatrixRMaj kt = new DMatrixRMaj(d, d);
            chol.solve(p, kt);
            CommonOps_DDRM.transpose(kt, k);
            for (int m = 0; m < members; m++) {
                double[] innov = new double[d];
                for (int i = 0; i < d; i++) {
                    innov[i] = obs[n][i] + noise * rnd.nextGaussian() - ens[m][i];
                }
                for (int i = 0; i < d; i++) {
                    double acc = 0;
                    for (int j = 0; j < d; j++) {
                        acc += k.get(i, j) * innov[j];
                    }
                    ens[m][i] += acc;
                }
            }
            analysis[n] = mean(ens);
            for (int i = 0; i < d; i++) {
                innovation += (obs[n][i] - mu[i]) * (obs[n][i] - mu[i]) / ((double) d * (nt - 1));
            }
        }
        metrics.put("enkf.innovation-rms", Math.sqrt(innovation));
        return analysis;
    }

    private static double[] mean(double[][] ens) {
        double[] mu = new double[ens[0].length];
        for (double[] e : ens) {
            for (int i = 0; i < mu.length; i++) {
                mu[i] += e[i] / ens.length;
            }
        }
        return mu;
    }

    /** Gaspari-Cohn fifth-order compactly supported correlation, zero beyond {@code r = 2}. */
    static double gaspariCohn(double r) {
        if (r >= 2) {
            return 0;
        }
        if (r <= 1) {
            return -0.25 * Math.pow(r, 5) + 0.5 * Math.pow(r, 4) + 0.625 * Math.pow(r, 3) - 5.0 / 3 * r * r + 1;
        }
        return Math.pow(r, 5) / 12 - 0.5 * Math.pow(r, 4) + 0.625 * Math.pow(r, 3) + 5.0 / 3 * r * r - 5 * r + 4 - 2.0 / (3 * r);
    }
}
