package org.ansatz.gp.internal;

import java.util.ArrayList;
import java.util.List;
import org.ansatz.api.derivative.MultiIndex;

/**
 * The characteristic variety of a linear PDE system with constant coefficients,
 * {@code P(d) u = 0}, and the exponential solutions on it (Ehrenpreis-Palamodov): {@code u = b e^<z, x>}
 * with {@code P(z) b = 0}. Two cases are covered. One output: {@code P(z) = 0} is solved for the
 * coordinate of one input (time when there is one) with the others on the imaginary axis,
 * {@code z_j = i w_j}; the equation must be of degree 1 or 2 in it (heat, wave, advection, Laplace,
 * Helmholtz, Klein-Gordon, ...). Several outputs and one equation (e.g. a divergence-free field
 * {@code u_x + v_y = 0}): every {@code z = i w} is on the variety and {@code b} ranges over the null
 * space of the row {@code P(z)}, spanned by {@code p_j e_1 - p_1 e_j}.
 */
final class Variety {

    /** One exponential solution {@code b e^<z, x - centre>}: complex {@code z} (per input) and {@code b} (per output). */
    record Mode(double[] zr, double[] zi, double[] br, double[] bi) {
    }

    private final int inputs;
    private final int outputs;
    private final int solveAxis;
    private final int[] free;
    private final List<int[]> streams;
    /** {@code [stream][output]}. */
    private final double[][] coefficients;

    private Variety(int inputs, int outputs, int solveAxis, int[] free, List<int[]> streams, double[][] coefficients) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.solveAxis = solveAxis;
        this.free = free;
        this.streams = streams;
        this.coefficients = coefficients;
    }

    /**
     * @param op     the probed homogeneous operator (its right-hand side must vanish)
     * @param inputs the input names, to choose time as the solved coordinate
     * @throws IllegalArgumentException for inhomogeneous, variable-coefficient or unsupported systems
     */
    static Variety of(LinearProbe.Operator op, List<String> inputs, List<String> outputs, String what) {
        int d = inputs.size();
        double scale = 0;
        for (double v : op.rhs()) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale > 1e-12) {
            throw new IllegalArgumentException(what + " needs a homogeneous equation (no source term); the residual at "
                    + "u = 0 is " + scale + " somewhere. EPGP priors are built from the solutions of P(d) u = 0");
        }
        if (op.equations() != 1) {
            throw new IllegalArgumentException(what + " handles systems of one equation (one output, or several outputs "
                    + "such as a divergence-free field); this problem has " + op.equations() + " equations");
        }
        List<int[]> streams = new ArrayList<>();
        List<double[]> coefficients = new ArrayList<>();
        for (int s = 0; s < op.streams().size(); s++) {
            double[] c = new double[op.outputs()];
            boolean any = false;
            for (int o = 0; o < op.outputs(); o++) {
                if (op.uses(s, o)) {
                    c[o] = op.constant(s, o, 0, what, inputs, outputs);
                    any |= c[o] != 0;
                }
            }
            if (any) {
                streams.add(PdeSetup.orders(op.streams().get(s), d));
                coefficients.add(c);
            }
        }
        if (streams.isEmpty()) {
            throw new IllegalArgumentException(what + ": the equation is empty");
        }
        double[][] c = coefficients.toArray(new double[0][]);
        if (op.outputs() > 1) {
            int[] all = new int[d];
            for (int a = 0; a < d; a++) {
                all[a] = a;
            }
            return new Variety(d, op.outputs(), -1, all, streams, c);
        }
        int axis = -1;
        int t = inputs.indexOf("t");
        if (t >= 0 && degree(streams, t) >= 1 && degree(streams, t) <= 2) {
            axis = t;
        } else {
            for (int a = d - 1; a >= 0 && axis < 0; a--) {
                int deg = degree(streams, a);
                if (deg >= 1 && deg <= 2) {
                    axis = a;
                }
            }
        }
        if (axis < 0) {
            throw new IllegalArgumentException(what + " needs an equation of degree 1 or 2 in some input (its "
                    + "characteristic variety is then parametrised by the others); this one has none");
        }
        int[] freeAxes = new int[d - 1];
        int j = 0;
        for (int a = 0; a < d; a++) {
            if (a != axis) {
                freeAxes[j++] = a;
            }
        }
        return new Variety(d, 1, axis, freeAxes, streams, c);
    }

    private static int degree(List<int[]> streams, int axis) {
        int max = 0;
        for (int[] s : streams) {
            max = Math.max(max, s[axis]);
        }
        return max;
    }

    /** The inputs whose frequencies are free (drawn, or learned by S-EPGP). */
    int[] freeAxes() {
        return free.clone();
    }

    int outputs() {
        return outputs;
    }

    int inputs() {
        return inputs;
    }

    /** The exponential solutions for real frequencies {@code w} along the free axes. */
    List<Mode> modes(double[] w) {
        List<Mode> out = new ArrayList<>();
        if (solveAxis < 0) {
            double[] zr = new double[inputs];
            double[] zi = new double[inputs];
            for (int j = 0; j < free.length; j++) {
                zi[free[j]] = w[j];
            }
            // p_o = sum_s c[s][o] z^s, complex.
            double[] pr = new double[outputs];
            double[] pi = new double[outputs];
            for (int s = 0; s < streams.size(); s++) {
                double[] m = monomial(zr, zi, streams.get(s));
                for (int o = 0; o < outputs; o++) {
                    pr[o] += coefficients[s][o] * m[0];
                    pi[o] += coefficients[s][o] * m[1];
                }
            }
            for (int o = 1; o < outputs; o++) {
                double[] br = new double[outputs];
                double[] bi = new double[outputs];
                br[0] = pr[o];
                bi[0] = pi[o];
                br[o] = -pr[0];
                bi[o] = -pi[0];
                out.add(new Mode(zr.clone(), zi.clone(), br, bi));
            }
            return out;
        }
        // P(z) = a2 z_s^2 + a1 z_s + a0 with the free coordinates fixed.
        double[][] a = new double[3][2];
        double[] zr = new double[inputs];
        double[] zi = new double[inputs];
        for (int j = 0; j < free.length; j++) {
            zi[free[j]] = w[j];
        }
        for (int s = 0; s < streams.size(); s++) {
            int[] ord = streams.get(s).clone();
            int k = ord[solveAxis];
            ord[solveAxis] = 0;
            double[] m = monomial(zr, zi, ord);
            a[k][0] += coefficients[s][0] * m[0];
            a[k][1] += coefficients[s][0] * m[1];
        }
        List<double[]> roots = new ArrayList<>();
        if (a[2][0] == 0 && a[2][1] == 0) {
            if (a[1][0] == 0 && a[1][1] == 0) {
                return out;
            }
            roots.add(div(neg(a[0]), a[1]));
        } else {
            double[] disc = sub(mul(a[1], a[1]), mul(new double[] {4, 0}, mul(a[2], a[0])));
            double[] sq = sqrt(disc);
            double[] twoA = mul(new double[] {2, 0}, a[2]);
            roots.add(div(add(neg(a[1]), sq), twoA));
            roots.add(div(sub(neg(a[1]), sq), twoA));
        }
        for (double[] r : roots) {
            double[] zr2 = zr.clone();
            double[] zi2 = zi.clone();
            zr2[solveAxis] = r[0];
            zi2[solveAxis] = r[1];
            out.add(new Mode(zr2, zi2, new double[] {1}, new double[] {0}));
        }
        return out;
    }

    /** {@code z^orders} as {@code [re, im]}. */
    static double[] monomial(double[] zr, double[] zi, int[] orders) {
        double[] v = {1, 0};
        for (int a = 0; a < orders.length; a++) {
            for (int k = 0; k < orders[a]; k++) {
                v = mul(v, new double[] {zr[a], zi[a]});
            }
        }
        return v;
    }

    static double[] mul(double[] x, double[] y) {
        return new double[] {x[0] * y[0] - x[1] * y[1], x[0] * y[1] + x[1] * y[0]};
    }

    static double[] div(double[] x, double[] y) {
        double den = y[0] * y[0] + y[1] * y[1];
        return new double[] {(x[0] * y[0] + x[1] * y[1]) / den, (x[1] * y[0] - x[0] * y[1]) / den};
    }

    static double[] add(double[] x, double[] y) {
        return new double[] {x[0] + y[0], x[1] + y[1]};
    }

    static double[] sub(double[] x, double[] y) {
        return new double[] {x[0] - y[0], x[1] - y[1]};
    }

    static double[] neg(double[] x) {
        return new double[] {-x[0], -x[1]};
    }

    /** The principal square root. */
    static double[] sqrt(double[] x) {
        double r = Math.hypot(x[0], x[1]);
        double re = Math.sqrt(Math.max(0, (r + x[0]) / 2));
        double im = Math.copySign(Math.sqrt(Math.max(0, (r - x[0]) / 2)), x[1]);
        return new double[] {re, im};
    }
}
