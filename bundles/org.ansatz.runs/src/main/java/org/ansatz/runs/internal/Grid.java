package org.ansatz.runs.internal;

import java.util.ArrayList;
import java.util.List;
import org.ansatz.api.geometry.Geometry;
import org.ansatz.api.pde.Box;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Reference;
import org.ansatz.api.solver.Solution;

/**
 * A solution sampled on a regular grid over the problem's box, C order (the last input varies
 * fastest): the coordinates per axis, the prediction, the reference and the absolute error per output,
 * and which points lie in the problem's geometry (the others hold NaN).
 */
final class Grid {

    final List<String> inputs;
    final List<String> outputs;
    final double[][] axes;
    final int[] shape;
    final int size;
    final boolean[] inside;
    final double[][] predicted;
    /** null without a reference */
    final double[][] reference;
    final double[][] error;

    Grid(List<String> inputs, List<String> outputs, Box box, int[] shape, Geometry geometry, Solution solution,
            Reference ref) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.shape = shape.clone();
        int d = inputs.size();
        this.axes = new double[d][];
        int n = 1;
        for (int a = 0; a < d; a++) {
            axes[a] = new double[shape[a]];
            for (int k = 0; k < shape[a]; k++) {
                axes[a][k] = box.lower()[a] + (box.upper()[a] - box.lower()[a]) * k / (shape[a] - 1);
            }
            n *= shape[a];
        }
        this.size = n;
        this.inside = new boolean[n];
        List<Integer> kept = new ArrayList<>();
        double[] q = new double[d];
        for (int i = 0; i < n; i++) {
            point(i, q);
            inside[i] = geometry.contains(q);
            if (inside[i]) {
                kept.add(i);
            }
        }
        double[] pts = new double[kept.size() * d];
        for (int k = 0; k < kept.size(); k++) {
            point(kept.get(k), q);
            System.arraycopy(q, 0, pts, k * d, d);
        }
        PointSet x = new PointSet(inputs, pts);
        PointSet u = kept.isEmpty() ? null : solution.predict(x);
        PointSet r = ref == null || kept.isEmpty() ? null : ref.evaluate(x);
        int m = outputs.size();
        predicted = new double[m][n];
        reference = r == null ? null : new double[m][n];
        error = r == null ? null : new double[m][n];
        for (int o = 0; o < m; o++) {
            java.util.Arrays.fill(predicted[o], Double.NaN);
            if (r != null) {
                java.util.Arrays.fill(reference[o], Double.NaN);
                java.util.Arrays.fill(error[o], Double.NaN);
            }
            for (int k = 0; k < kept.size(); k++) {
                int i = kept.get(k);
                predicted[o][i] = u.get(k, o);
                if (r != null) {
                    reference[o][i] = r.get(k, o);
                    error[o][i] = Math.abs(predicted[o][i] - reference[o][i]);
                }
            }
        }
    }

    /** The coordinates of flat index {@code i}. */
    void point(int i, double[] out) {
        int rest = i;
        for (int a = shape.length - 1; a >= 0; a--) {
            out[a] = axes[a][rest % shape[a]];
            rest /= shape[a];
        }
    }

    boolean allInside() {
        for (boolean b : inside) {
            if (!b) {
                return false;
            }
        }
        return true;
    }
}
