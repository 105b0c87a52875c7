package org.ansatz.gp.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;

/**
 * Reads a linear differential operator off a residual given over jets, so that problems are defined once
 * for every family. In float64, the residual of a jet whose streams are all zero is {@code -f}; a unit
 * in one stream of one output gives that derivative's coefficient at every point. A random jet then
 * checks linearity: its residual must equal the combination of the probes.
 */
final class LinearProbe {

    /** A residual {@code (u, x) -> [n, k]}, e.g. {@code PdeProblem::residual} or a condition's. */
    interface Residual {
        NDArray apply(Jet u, NDArray x);
    }

    /**
     * {@code sum_{s,o} c[s][o](x) d^s u_o (x) = rhs(x)} at each point, per equation.
     *
     * @param streams      derivative multi-indices, stream 0 being the value
     * @param coefficients {@code [stream][output]} -> row-major {@code [points, equations]}
     * @param rhs          row-major {@code [points, equations]}
     */
    record Operator(List<MultiIndex> streams, int outputs, int equations, int points, double[][][] coefficients,
            double[] rhs) {

        double coefficient(int stream, int output, int point, int equation) {
            return coefficients[stream][output][point * equations + equation];
        }

        /** Whether a stream of an output has a non-zero coefficient anywhere. */
        boolean uses(int stream, int output) {
            for (double v : coefficients[stream][output]) {
                if (v != 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The coefficient of one stream, output and equation if it is the same at every point.
         *
         * @throws IllegalArgumentException naming the derivative whose coefficient varies
         */
        double constant(int stream, int output, int equation, String what, List<String> inputs, List<String> names) {
            double first = coefficient(stream, output, 0, equation);
            double scale = Math.abs(first);
            double worst = 0;
            for (int p = 1; p < points; p++) {
                double c = coefficient(stream, output, p, equation);
                worst = Math.max(worst, Math.abs(c - first));
                scale = Math.max(scale, Math.abs(c));
            }
            if (worst > 1e-9 * Math.max(1, scale)) {
                throw new IllegalArgumentException(what + " needs constant coefficients, but the coefficient of "
                        + streams.get(stream).name(names.get(output), inputs) + " in equation " + equation
                        + " varies over the domain");
            }
            return first;
        }
    }

    private LinearProbe() {
    }

    /**
     * @param what        names the problem or condition in error messages
     * @param derivatives the derivatives the residual reads
     * @param points      row-major {@code [n, inputs]}
     * @throws IllegalArgumentException when the residual is not linear in the output and its derivatives
     */
    static Operator probe(String what, Residual residual, List<MultiIndex> derivatives, int inputs, int outputs,
            double[] points, NDManager parent) {
        DerivativePlan plan = DerivativePlan.of(inputs, derivatives);
        int n = points.length / inputs;
        int s = plan.size();
        try (NDManager m = parent.newSubManager()) {
            NDArray x = m.create(points, new Shape(n, inputs)).toType(DataType.FLOAT64, false);
            Jet base = Jet.input(x, plan);
            double[] zero = new double[s * n * outputs];
            double[] r0 = evaluate(residual, base, x, zero, s, n, outputs);
            int k = r0.length / n;
            if (r0.length != n * k || k == 0) {
                throw new IllegalArgumentException(what + ": its residual has " + r0.length + " values for " + n
                        + " points");
            }
            double[][][] c = new double[s][outputs][];
            for (int st = 0; st < s; st++) {
                for (int o = 0; o < outputs; o++) {
                    double[] unit = new double[s * n * outputs];
                    for (int p = 0; p < n; p++) {
                        unit[(st * n + p) * outputs + o] = 1;
                    }
                    double[] r = evaluate(residual, base, x, unit, s, n, outputs);
                    for (int i = 0; i < r.length; i++) {
                        r[i] -= r0[i];
                    }
                    c[st][o] = r;
                }
            }
            SplittableRandom random = new SplittableRandom(20240917L);
            double[] data = new double[s * n * outputs];
            for (int i = 0; i < data.length; i++) {
                data[i] = 2 * random.nextDouble() - 1;
            }
            double[] r = evaluate(residual, base, x, data, s, n, outputs);
            double worst = 0;
            double scale = 0;
            for (int p = 0; p < n; p++) {
                for (int e = 0; e < k; e++) {
                    double expect = r0[p * k + e];
                    for (int st = 0; st < s; st++) {
                        for (int o = 0; o < outputs; o++) {
                            expect += c[st][o][p * k + e] * data[(st * n + p) * outputs + o];
                        }
                    }
                    worst = Math.max(worst, Math.abs(r[p * k + e] - expect));
                    scale = Math.max(scale, Math.abs(expect));
                }
            }
            if (!(worst <= 1e-9 * Math.max(1, scale))) {
                throw new IllegalArgumentException(what + " is not linear in its unknowns (a random jet's residual "
                        + "differs from the linear prediction by " + worst + "); Gaussian-process solvers handle "
                        + "linear equations only");
            }
            double[] rhs = new double[r0.length];
            for (int i = 0; i < rhs.length; i++) {
                rhs[i] = -r0[i];
            }
            return new Operator(new ArrayList<>(plan.streams()), outputs, k, n, c, rhs);
        }
    }

    private static double[] evaluate(Residual residual, Jet base, NDArray x, double[] data, int s, int n, int outputs) {
        NDArray d = x.getManager().create(data, new Shape(s, n, outputs));
        NDArray r = residual.apply(base.with(d), x);
        double[] out = Tensors.toDoubles(r);
        for (double v : out) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the residual is not finite at some point");
            }
        }
        return out;
    }
}
