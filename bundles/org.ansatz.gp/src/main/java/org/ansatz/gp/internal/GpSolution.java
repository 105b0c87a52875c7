package org.ansatz.gp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.solver.Solution;

/**
 * A GP solution: posterior means of the outputs and their derivatives anywhere, and predictive
 * variances. Plain Java, no native resources.
 */
abstract class GpSolution implements Solution {

    private final List<String> inputs;
    private final List<String> outputs;
    private final Map<String, Double> metrics = new LinkedHashMap<>();

    GpSolution(List<String> inputs, List<String> outputs) {
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
    }

    /** The posterior mean of {@code d^(orders) u_output} at a point. */
    abstract double mean(double[] x, int output, int[] orders);

    /** The predictive variance of output {@code output} (latent, without observation noise). */
    abstract double variance(double[] x, int output);

    /** Mean and variance together; solutions that share work between them override this. */
    double[] meanAndVariance(double[] x, int output) {
        return new double[] {mean(x, output, new int[inputs.size()]), variance(x, output)};
    }

    void putMetrics(Map<String, Double> m) {
        metrics.putAll(m);
    }

    @Override
    public Map<String, Double> metrics() {
        return Map.copyOf(metrics);
    }

    private double[] point(PointSet p, int i) {
        if (!p.names().equals(inputs)) {
            throw new IllegalArgumentException("points with columns " + p.names() + " for a solution over " + inputs);
        }
        double[] x = new double[p.width()];
        for (int j = 0; j < x.length; j++) {
            x[j] = p.get(i, j);
        }
        return x;
    }

    @Override
    public PointSet predict(PointSet in) {
        return predict(in, List.of());
    }

    @Override
    public PointSet predict(PointSet in, List<String> derivatives) {
        List<String> names = new ArrayList<>(outputs);
        List<int[]> what = new ArrayList<>();
        List<Integer> which = new ArrayList<>();
        for (int o = 0; o < outputs.size(); o++) {
            what.add(new int[inputs.size()]);
            which.add(o);
        }
        for (String d : derivatives) {
            int us = d.indexOf('_');
            int o = us < 0 ? -1 : outputs.indexOf(d.substring(0, us));
            if (o < 0) {
                throw new IllegalArgumentException("'" + d + "' is no derivative of an output " + outputs
                        + " (write e.g. " + outputs.get(0) + "_" + inputs.get(0) + ")");
            }
            MultiIndex m = MultiIndex.parse(d.substring(us + 1), inputs);
            names.add(d);
            what.add(PdeSetup.orders(m, inputs.size()));
            which.add(o);
        }
        int n = in.size();
        double[] out = new double[n * names.size()];
        for (int i = 0; i < n; i++) {
            double[] x = point(in, i);
            for (int c = 0; c < names.size(); c++) {
                out[i * names.size() + c] = mean(x, which.get(c), what.get(c));
            }
        }
        return new PointSet(names, out);
    }

    /** Means of the outputs followed by their variances, columns {@code u, ..., u_var, ...}. */
    PointSet predictWithVariance(PointSet in) {
        int w = outputs.size();
        List<String> names = new ArrayList<>(outputs);
        outputs.forEach(o -> names.add(o + "_var"));
        double[] out = new double[in.size() * 2 * w];
        for (int i = 0; i < in.size(); i++) {
            double[] x = point(in, i);
            for (int o = 0; o < w; o++) {
                double[] mv = meanAndVariance(x, o);
                out[i * 2 * w + o] = mv[0];
                out[i * 2 * w + w + o] = mv[1];
            }
        }
        return new PointSet(names, out);
    }
}
