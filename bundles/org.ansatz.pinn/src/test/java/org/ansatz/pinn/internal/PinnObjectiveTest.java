package org.ansatz.pinn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.api.optim.Evaluation;
import org.ansatz.api.optim.Terms;
import org.ansatz.models.mlp.internal.MlpFactory;
import org.ansatz.problems.internal.Burgers;
import org.junit.jupiter.api.Test;

/** The objective's term losses and gradients, checked against finite differences and exact identities. */
class PinnObjectiveTest {

    private static PinnObjective objective(NDManager m, int conditionPoints) {
        var model = new MlpFactory().create(new ModelSpec(2, 1, DataType.FLOAT64, 3,
                Map.of("layers", "12,12", "activation", "tanh")), m);
        return new PinnObjective(new Burgers(), model, m, false, 64, conditionPoints, null, 11);
    }

    @Test
    void termGradientsAddUpAndMatchFiniteDifferences() {
        try (NDManager m = PinnSolverTest.ENGINE.newManager(); PinnObjective f = objective(m, 16)) {
            double[] x = f.parameters();
            Terms t = f.evaluate(x).terms();
            assertThat(t.names()).containsExactly("pde", "ic", "bc");
            double[] w = {0.5, 2, 3};
            double[] combined = t.gradient(w);
            double[][] g = new double[3][];
            for (int k = 0; k < 3; k++) {
                g[k] = t.gradient(k);
            }
            double[] losses = t.losses();
            for (int i = 0; i < x.length; i += 17) {
                double sum = w[0] * g[0][i] + w[1] * g[1][i] + w[2] * g[2][i];
                assertThat(combined[i]).isCloseTo(sum, within(1e-12 * (1 + Math.abs(sum))));
            }
            // Central differences of each term in float64 on a few coordinates.
            for (int i : new int[] {0, 5, 40, x.length - 1}) {
                double h = 1e-6;
                double[] xp = x.clone();
                xp[i] += h;
                double[] lp = f.evaluate(xp).terms().losses();
                double[] xm = x.clone();
                xm[i] -= h;
                double[] lm = f.evaluate(xm).terms().losses();
                for (int k = 0; k < 3; k++) {
                    double fd = (lp[k] - lm[k]) / (2 * h);
                    assertThat(g[k][i]).as("term %d coordinate %d", k, i).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
                }
            }
            Evaluation e = f.evaluate(x);
            assertThat(e.loss()).isCloseTo(losses[0] + losses[1] + losses[2], within(1e-14));
        }
    }

    /**
     * The fused kernel (float32) against tensor-by-tensor Taylor mode on the same float32 model: the term
     * losses and every term's gradient agree to float32 rounding, including terms that do not touch the
     * fused output (the conditions) and weighted combinations.
     */
    @Test
    void fusedKernelGivesTheLossesAndGradientsOfTaylorMode() {
        try (NDManager m = PinnSolverTest.ENGINE.newManager()) {
            var model = new MlpFactory().create(new ModelSpec(2, 1, DataType.FLOAT32, 3,
                    Map.of("layers", "20,20,20", "activation", "tanh")), m);
            try (PinnObjective fused = new PinnObjective(new Burgers(), model, m, false, 300, 16, null, 11);
                    PinnObjective plain = new PinnObjective(new Burgers(), model, m, false, 300, 16, null, 11)) {
                plain.fused(false);
                double[] x = fused.parameters();
                Terms a = fused.evaluate(x).terms();
                assertThat(fused.lastEvaluationFused()).isTrue();
                // A condition's gradient first: the fused output has no gradient yet.
                double[][] ga = {a.gradient(1), a.gradient(0), a.gradient(2), a.gradient(new double[] {0.5, 2, 3})};
                double[] la = a.losses();
                Terms b = plain.evaluate(x).terms();
                assertThat(plain.lastEvaluationFused()).isFalse();
                double[][] gb = {b.gradient(1), b.gradient(0), b.gradient(2), b.gradient(new double[] {0.5, 2, 3})};
                double[] lb = b.losses();
                for (int k = 0; k < 3; k++) {
                    assertThat(la[k]).as("loss %d", k).isCloseTo(lb[k], within(1e-5 * lb[k]));
                }
                for (int k = 0; k < ga.length; k++) {
                    double diff = 0;
                    double norm = 0;
                    for (int i = 0; i < x.length; i++) {
                        diff += (ga[k][i] - gb[k][i]) * (ga[k][i] - gb[k][i]);
                        norm += gb[k][i] * gb[k][i];
                    }
                    assertThat(norm).as("gradient %d non-trivial", k).isGreaterThan(1e-12);
                    assertThat(Math.sqrt(diff / norm)).as("gradient %d", k).isLessThan(1e-4);
                }
            }
        }
    }

    @Test
    void kernelTraceOfASinglePointIsExact() {
        // With one point, |d r / d theta|^2 = |d r^2 / d theta|^2 / (4 r^2), whatever the probe signs.
        try (NDManager m = PinnSolverTest.ENGINE.newManager(); PinnObjective f = objective(m, 1)) {
            Terms t = f.evaluate(f.parameters()).terms();
            double[] g = t.gradient(1);
            double norm2 = 0;
            for (double v : g) {
                norm2 += v * v;
            }
            double exact = norm2 / (4 * t.loss(1));
            assertThat(t.kernelTrace(1, 3, new SplittableRandom(1))).isCloseTo(exact, within(1e-10 * exact));
        }
    }

    @Test
    void causalWeightsFollowTheCumulativeLossOfEarlierTimes() {
        try (NDManager m = PinnSolverTest.ENGINE.newManager()) {
            // Four points at t = 0.1, 0.3, 0.6, 0.9 in two dimensions (t, x); two bins of [0, 1].
            double[] points = {0.1, 0, 0.3, 0, 0.6, 0, 0.9, 0};
            Causal c = new Causal(0, 2, new double[] {0, -1, 1, 1}, 2, new double[] {2, 20}, 0.5, m,
                    DataType.FLOAT64);
            c.bin(points);
            NDArray perPoint = m.create(new double[] {1, 3, 0.5, 0.5}, new Shape(4, 1));
            // bin 0 mean 2, bin 1 mean 0.5: L = (1 * 2 + exp(-2 * 2) * 0.5) / 2
            double loss = c.loss(perPoint).getDouble();
            assertThat(loss).isCloseTo((2 + Math.exp(-4) * 0.5) / 2, within(1e-14));
            assertThat(c.minWeight()).isCloseTo(Math.exp(-4), within(1e-15));
            assertThat(c.advance()).isFalse();
            assertThat(c.epsilon()).isEqualTo(2);
            // Earlier times fitted: weights near 1, the next epsilon, then the end of the schedule.
            c.loss(m.create(new double[] {0.01, 0.01, 1, 1}, new Shape(4, 1)));
            assertThat(c.advance()).isFalse();
            assertThat(c.epsilon()).isEqualTo(20);
            c.loss(m.create(new double[] {0.001, 0.001, 1, 1}, new Shape(4, 1)));
            assertThat(c.minWeight()).isCloseTo(Math.exp(-0.02), within(1e-12));
            assertThat(c.advance()).isTrue();
            // Frozen (line searches): the weights stay, whatever the losses.
            c.freeze(true);
            double kept = c.minWeight();
            double frozenLoss = c.loss(m.create(new double[] {5, 5, 1, 1}, new Shape(4, 1))).getDouble();
            assertThat(c.minWeight()).isEqualTo(kept);
            assertThat(frozenLoss).isCloseTo((5 + kept * 1) / 2, within(1e-12));
            c.close();
        }
    }
}
