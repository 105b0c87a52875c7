package org.ansatz.dynamics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.models.mlp.internal.MlpFactory;
import org.junit.jupiter.api.Test;

/** The adjoint method against backpropagation through the same RK4 solve. */
class AdjointTest {

    @Test
    void adjointGradientMatchesBackpropagationThroughTheSolver() {
        double[] times = {0, 0.3, 0.7, 1.0};
        double step = 0.02;
        double[] x0 = {0.5, -0.3, 1.1, 0.4, -0.8, 0.2};
        double[] target = {0.1, 0.2, -0.3};
        try (NDManager root = TestSupport.ENGINE.newManager()) {
            Model net = new MlpFactory().create(new ModelSpec(2, 2, DataType.FLOAT64, 3,
                    Map.of("layers", "16,16", "activation", "tanh")), root);
            Fields.Neural field = new Fields.Neural(net, new Scaling(new double[] {0.1, -0.2},
                    new double[] {0.8, 1.3}, new double[] {1.5, 0.7}), root, DataType.FLOAT64);
            Params params = new Params(field.parameters());

            // Loss: sum over output times t_i of w_i * sum((x - target_i)^2), w_i = i.
            Adjoint.Result adj = new Adjoint(field, params, root, DataType.FLOAT64).gradient(x0, 3, times, step,
                    (states, grad) -> {
                        double l = 0;
                        for (int t = 1; t < times.length; t++) {
                            for (int i = 0; i < states[t].length; i++) {
                                double e = states[t][i] - target[i % 3];
                                l += t * e * e;
                                grad[t][i] = 2 * t * e;
                            }
                        }
                        return l;
                    });

            double direct;
            double[] directGrad;
            double[] directX0;
            try (NDManager m = root.newSubManager()) {
                params.attachTo(m);
                NDArray x = m.create(x0, new Shape(3, 2));
                x.setRequiresGradient(true);
                NDArray tgt = m.create(new double[] {0.1, 0.2, -0.3, 0.1, 0.2, -0.3}, new Shape(3, 2));
                NDArray loss;
                try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                    NDArray traj = new Rk4().solve(field, x, times, step);
                    loss = null;
                    for (int t = 1; t < times.length; t++) {
                        NDArray term = traj.get(t).sub(tgt).square().sum().mul(m.create((double) t));
                        loss = loss == null ? term : loss.add(term);
                    }
                }
                params.zeroGradients();
                JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                direct = loss.getDouble();
                directGrad = params.gradient();
                directX0 = x.getGradient().toDoubleArray();
            }
            assertThat(adj.loss()).isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-12 * Math.abs(direct)));
            assertThat(relativeError(adj.parameterGradient(), directGrad)).isLessThan(1e-6);
            assertThat(relativeError(adj.initialGradient(), directX0)).isLessThan(1e-6);
            // The gradient is not trivially small: the comparison above is meaningful.
            assertThat(norm(directGrad)).isGreaterThan(1e-2);
        }
    }

    static double relativeError(double[] a, double[] b) {
        assertThat(a).hasSameSizeAs(b);
        double num = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(num) / norm(b);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
