package org.ansatz.discovery.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.method.Options;

/**
 * Candidate functions evaluated on the data: polynomials of the state (times spatial derivatives
 * for PDEs, PDE-FIND style), Fourier terms and user-supplied expressions. Term names are written in
 * the syntax of PDE specs ({@code x*y}, {@code u^2*u_xx}, {@code sin(x)}).
 */
public final class Library {

    private final int degree;
    private final int fourier;
    private final List<String> custom;
    private final boolean constant;
    private final int derivativeOrder;

    /**
     * @param degree          highest total degree of state monomials (0 for none)
     * @param fourier         number of frequencies {@code sin(k*x), cos(k*x)}, {@code k = 1..fourier}
     * @param custom          extra terms as expressions of the features
     * @param constant        whether to include the constant {@code 1}
     * @param derivativeOrder highest spatial derivative for PDE data (ignored for ODE data)
     */
    public Library(int degree, int fourier, List<String> custom, boolean constant, int derivativeOrder) {
        if (degree < 0 || degree > 6) {
            throw new IllegalArgumentException("library degree must be in [0, 6], got " + degree);
        }
        if (fourier < 0) {
            throw new IllegalArgumentException("library fourier frequencies must be >= 0, got " + fourier);
        }
        if (derivativeOrder < 0 || derivativeOrder > 6) {
            throw new IllegalArgumentException("library derivative order must be in [0, 6], got " + derivativeOrder);
        }
        this.degree = degree;
        this.fourier = fourier;
        this.custom = List.copyOf(custom);
        this.constant = constant;
        this.derivativeOrder = derivativeOrder;
    }

    /** Reads {@code library.degree}, {@code library.fourier}, {@code library.custom} (terms separated by ';'), {@code library.constant}, {@code library.derivatives}. */
    public static Library fromOptions(Options o, boolean spatial) {
        int degree = o.integer("library.degree", spatial ? 3 : 2, 0);
        int fourier = o.integer("library.fourier", 0, 0);
        String c = o.string("library.custom", "");
        List<String> custom = new ArrayList<>();
        for (String s : c.split(";")) {
            if (!s.isBlank()) {
                custom.add(s.trim());
            }
        }
        boolean constant = o.flag("library.constant", true);
        int deriv = o.integer("library.derivatives", 3, 0);
        return new Library(degree, fourier, custom, constant, deriv);
    }

    public int derivativeOrder() {
        return derivativeOrder;
    }

    /** Names of the spatial-derivative features of {@code variable}: {@code u_x, u_xx, ...}. */
    public List<String> derivativeNames(String variable, boolean spatial) {
        List<String> out = new ArrayList<>();
        if (spatial) {
            for (int k = 1; k <= derivativeOrder; k++) {
                out.add(variable + "_" + "x".repeat(k));
            }
        }
        return out;
    }

    /** The library's columns. */
    public record Terms(List<String> names, Mat matrix) {
    }

    /**
     * @param state       state variables with their values
     * @param derivatives spatial derivatives (PDE data) with their values; empty for ODEs
     */
    public Terms evaluate(Map<String, double[]> state, Map<String, double[]> derivatives) {
        int n = state.values().iterator().next().length;
        Map<String, double[]> cols = new LinkedHashMap<>();
        List<String> vars = new ArrayList<>(state.keySet());
        List<int[]> monomials = new ArrayList<>();
        monomials(vars.size(), degree, 0, new int[vars.size()], monomials);
        monomials.sort((a, b) -> Integer.compare(sum(a), sum(b)));
        List<String> monoNames = new ArrayList<>();
        List<double[]> monoValues = new ArrayList<>();
        for (int[] m : monomials) {
            if (sum(m) == 0 && !constant && derivatives.isEmpty()) {
                continue;
            }
            monoNames.add(monomialName(vars, m));
            monoValues.add(monomialValue(vars, state, m, n));
        }
        for (int i = 0; i < monoNames.size(); i++) {
            if (!monoNames.get(i).equals("1") || constant) {
                cols.put(monoNames.get(i), monoValues.get(i));
            }
        }
        for (Map.Entry<String, double[]> d : derivatives.entrySet()) {
            for (int i = 0; i < monoNames.size(); i++) {
                String name = monoNames.get(i).equals("1") ? d.getKey() : monoNames.get(i) + "*" + d.getKey();
                double[] v = new double[n];
                double[] a = monoValues.get(i);
                double[] b = d.getValue();
                for (int k = 0; k < n; k++) {
                    v[k] = a[k] * b[k];
                }
                cols.put(name, v);
            }
        }
        for (int f = 1; f <= fourier; f++) {
            for (String var : vars) {
                String arg = f == 1 ? var : f + "*" + var;
                double[] x = state.get(var);
                double[] s = new double[n];
                double[] c = new double[n];
                for (int k = 0; k < n; k++) {
                    s[k] = Math.sin(f * x[k]);
                    c[k] = Math.cos(f * x[k]);
                }
                cols.put("sin(" + arg + ")", s);
                cols.put("cos(" + arg + ")", c);
            }
        }
        if (!custom.isEmpty()) {
            List<String> names = new ArrayList<>(vars);
            names.addAll(derivatives.keySet());
            double[][] values = new double[names.size()][];
            for (int i = 0; i < names.size(); i++) {
                values[i] = state.containsKey(names.get(i)) ? state.get(names.get(i)) : derivatives.get(names.get(i));
            }
            for (String text : custom) {
                Expr e;
                try {
                    e = Expr.parse(text, names);
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("library.custom term '" + text + "': " + ex.getMessage(), ex);
                }
                double[] v = e.eval(values, n).clone();
                for (int k = 0; k < n; k++) {
                    if (!Double.isFinite(v[k])) {
                        throw new IllegalArgumentException("library.custom term '" + text + "' is not finite on the data ("
                                + v[k] + " at sample " + k + ")");
                    }
                }
                cols.put(e.toString(), v);
            }
        }
        if (cols.isEmpty()) {
            throw new IllegalArgumentException("the library is empty: raise library.degree or add library.custom terms");
        }
        return new Terms(new ArrayList<>(cols.keySet()), Mat.ofColumns(new ArrayList<>(cols.values())));
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }

    private static void monomials(int nvars, int maxDegree, int var, int[] current, List<int[]> out) {
        if (var == nvars) {
            out.add(current.clone());
            return;
        }
        int used = 0;
        for (int i = 0; i < var; i++) {
            used += current[i];
        }
        for (int p = 0; p <= maxDegree - used; p++) {
            current[var] = p;
            monomials(nvars, maxDegree, var + 1, current, out);
        }
        current[var] = 0;
    }

    private static String monomialName(List<String> vars, int[] m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < m.length; i++) {
            if (m[i] == 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('*');
            }
            sb.append(vars.get(i));
            if (m[i] > 1) {
                sb.append('^').append(m[i]);
            }
        }
        return sb.length() == 0 ? "1" : sb.toString();
    }

    private static double[] monomialValue(List<String> vars, Map<String, double[]> state, int[] m, int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        for (int i = 0; i < m.length; i++) {
            double[] x = state.get(vars.get(i));
            for (int p = 0; p < m[i]; p++) {
                for (int k = 0; k < n; k++) {
                    v[k] *= x[k];
                }
            }
        }
        return v;
    }
}
