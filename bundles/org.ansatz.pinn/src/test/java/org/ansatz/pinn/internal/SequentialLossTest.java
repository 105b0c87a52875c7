package org.ansatz.pinn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.JetModel;
import org.ansatz.api.derivative.SequenceModel;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.api.optim.Terms;
import org.ansatz.models.mlp.internal.MlpFactory;
import org.ansatz.problems.internal.Burgers;
import org.junit.jupiter.api.Test;

/**
 * The sequential loss of {@link SequenceModel}s: with positions that are an MLP at shifted points, the
 * objective's residual term must be the mean over the positions of the ordinary objective at the
 * shifted collocation points, value and gradient, with the hard constraint applied per position.
 */
class SequentialLossTest {

    static final int K = 3;
    static final double[] SHIFT = {0.05, -0.02};

    /** Position k of point p is the MLP at p + k SHIFT; the hidden MLP's own forward is position 0. */
    static final class ShiftedPositions extends PinnSolverTest.DelegatingModel implements SequenceModel {
        ShiftedPositions(Model mlp) {
            super(mlp);
        }

        @Override
        public int positions() {
            return K;
        }

        @Override
        public double[] shift(int k) {
            return new double[] {k * SHIFT[0], k * SHIFT[1]};
        }

        @Override
        public Jet forward(Jet in) {
            return ((JetModel) inner).forward(in);
        }

        @Override
        public Jet sequence(Jet in) {
            NDArray x = in.value();
            NDList parts = new NDList(K);
            for (int k = 0; k < K; k++) {
                NDArray xk = x.add(x.getManager().create(shift(k), new Shape(1, 2)));
                parts.add(forward(Jet.input(xk, in.plan())).data().expandDims(2));
            }
            NDArray all = NDArrays.concat(parts, 2);
            Shape s = all.getShape();
            return in.with(all.reshape(s.get(0), s.get(1) * K, s.get(3)));
        }
    }

    @Test
    void theResidualTermIsTheMeanOverShiftedPositions() {
        double[] points = new Burgers().geometry().sampleInterior(40, new SplittableRandom(3));
        for (boolean hard : new boolean[] {false, true}) {
            try (NDManager m = PinnSolverTest.ENGINE.newManager()) {
                Model mlp = new MlpFactory().create(new ModelSpec(2, 1, DataType.FLOAT64, 5,
                        Map.of("layers", "10,10", "activation", "tanh")), m);
                PinnObjective seq = new PinnObjective(new Burgers(), new ShiftedPositions(mlp), m, hard, 40, 8,
                        points, 1);
                double[] theta = seq.parameters();
                Terms t = seq.evaluate(theta).terms();
                double[] gradient = t.gradient(0);
                double loss = 0;
                double[] expected = new double[gradient.length];
                for (int k = 0; k < K; k++) {
                    double[] shifted = points.clone();
                    for (int i = 0; i < shifted.length; i++) {
                        shifted[i] += k * SHIFT[i % 2];
                    }
                    PinnObjective plain = new PinnObjective(new Burgers(), mlp, m, hard, 40, 8, shifted, 1);
                    Terms tk = plain.evaluate(theta).terms();
                    loss += tk.loss(0) / K;
                    double[] gk = tk.gradient(0);
                    for (int i = 0; i < gk.length; i++) {
                        expected[i] += gk[i] / K;
                    }
                }
                assertThat(t.loss(0)).as("hard=%s", hard).isCloseTo(loss, within(1e-12 * loss));
                for (int i = 0; i < gradient.length; i++) {
                    assertThat(gradient[i]).as("hard=%s, coordinate %d", hard, i)
                            .isCloseTo(expected[i], within(1e-10 * (1e-6 + Math.abs(expected[i]))));
                }
                // Conditions stay at the point itself: position 0 only, as the plain objective has them.
                if (!hard) {
                    Terms plain0 = new PinnObjective(new Burgers(), mlp, m, false, 40, 8, points, 1)
                            .evaluate(theta).terms();
                    assertThat(t.losses()[1]).isEqualTo(plain0.losses()[1]);
                }
            }
        }
    }
}
