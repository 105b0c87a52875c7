package org.ansatz.gp.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.pde.PdeProblem;

/** Evaluates a problem's own residual on an EPGP function given by feature weights. */
final class EpgpChecks {

    private EpgpChecks() {
    }

    /**
     * The largest absolute residual of {@code u = Phi(x) w} at the points, with every derivative the
     * residual reads taken from the features in closed form and fed in as a jet.
     */
    static double residualOfWeights(PdeProblem problem, Epgp.Features f, double[] w, double[] points, NDManager m) {
        int d = problem.inputs().size();
        int outputs = problem.outputs().size();
        DerivativePlan plan = DerivativePlan.of(d, problem.derivatives());
        int n = points.length / d;
        List<MultiIndex> streams = plan.streams();
        double[] data = new double[streams.size() * n * outputs];
        for (int s = 0; s < streams.size(); s++) {
            int[] orders = PdeSetup.orders(streams.get(s), d);
            for (int p = 0; p < n; p++) {
                double[] x = java.util.Arrays.copyOfRange(points, p * d, (p + 1) * d);
                for (int o = 0; o < outputs; o++) {
                    data[(s * n + p) * outputs + o] = Dense.dot(f.row(x, o, orders), w);
                }
            }
        }
        NDArray x = m.create(points, new Shape(n, d)).toType(DataType.FLOAT64, false);
        Jet u = Jet.input(x, plan).with(m.create(data, new Shape(streams.size(), n, outputs)));
        NDArray r = problem.residual(u, x);
        double max = 0;
        for (double v : Tensors.toDoubles(r)) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
