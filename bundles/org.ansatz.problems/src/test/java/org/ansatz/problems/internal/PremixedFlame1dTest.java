package org.ansatz.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.problem.PointSet;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The flame problem as the solver sees it: its equation text and conditions, evaluated on the
 * reference, hold (and fail for a wrong burning rate); the output transform pins and bounds T whatever
 * the network.
 */
class PremixedFlame1dTest {

    private static final PremixedFlame1d PROBLEM = new PremixedFlame1d();
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1)).newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** The reference as a jet over {@code xs}: T, T', T'' by fourth-order differences (h = 1e-3). */
    private static Jet referenceJet(double[] xs, List<MultiIndex> needs) {
        NDArray x = manager.create(xs, new Shape(xs.length, 1));
        Jet in = Jet.input(x, DerivativePlan.of(1, needs));
        List<MultiIndex> streams = in.plan().streams();
        double[] data = new double[streams.size() * xs.length];
        FlameShooting f = PROBLEM.solution();
        double h = 1e-3;
        for (int i = 0; i < xs.length; i++) {
            double[] t = new double[5];
            for (int k = 0; k < 5; k++) {
                t[k] = f.temperature(xs[i] + (k - 2) * h);
            }
            for (int s = 0; s < streams.size(); s++) {
                int order = streams.get(s).order();
                data[s * xs.length + i] = order == 0 ? t[2]
                        : order == 1 ? (t[0] - 8 * t[1] + 8 * t[3] - t[4]) / (12 * h)
                        : (-t[0] + 16 * t[1] - 30 * t[2] + 16 * t[3] - t[4]) / (12 * h * h);
            }
        }
        return in.with(manager.create(data, new Shape(streams.size(), xs.length, 1)));
    }

    private static double maxAbs(NDArray a) {
        return a.abs().max().toType(DataType.FLOAT64, false).getDouble();
    }

    @Test
    void theEquationTextHoldsOnTheReferenceForItsBurningRateOnly() {
        double[] xs = new double[191];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -0.95 + 0.01 * i;
        }
        Jet t = referenceJet(xs, PROBLEM.derivatives());
        NDArray x = manager.create(xs, new Shape(xs.length, 1));
        double m = PROBLEM.solution().burningRate();
        double right = maxAbs(PROBLEM.residual(t, x, Map.of("m", manager.create(m))));
        double wrong = maxAbs(PROBLEM.residual(t, x, Map.of("m", manager.create(1.01 * m))));
        assertThat(right).isLessThan(1e-5);
        assertThat(wrong).isGreaterThan(0.05);
        assertThat(PROBLEM.unknowns()).containsOnlyKeys("m");
        assertThatThrownBy(() -> PROBLEM.residual(t, x)).hasMessageContaining("unknown m");
    }

    @Test
    void theConditionsHoldOnTheReference() {
        List<Condition> conditions = PROBLEM.conditions(true);
        assertThat(conditions).extracting(Condition::name).containsExactly("cold", "unburnt", "hot");
        for (Condition c : conditions) {
            double[] at = c.sample(10, new SplittableRandom(1));
            NDArray x = manager.create(at, new Shape(at.length, 1));
            double m = PROBLEM.solution().burningRate();
            double r = maxAbs(c.residual(referenceJet(at, c.derivatives()), x, Map.of("m", manager.create(m))));
            assertThat(r).as(c.name()).isLessThan(2e-6);
            if (c.name().equals("cold")) {
                // The Robin condition T_x = m T reads the unknown: a rate 1 % off misses it.
                double off = maxAbs(c.residual(referenceJet(at, c.derivatives()), x, Map.of("m",
                        manager.create(1.01 * m))));
                System.out.println("cold condition: " + r + " at the reference rate, " + off + " 1 % off");
                assertThat(off).isGreaterThan(10 * r);
            }
        }
        // The hinge is not empty: a half-burnt inflow, T(-1) = 0.4, misses it by 0.3.
        Condition unburnt = conditions.get(1);
        NDArray x = manager.create(new double[] {-1}, new Shape(1, 1));
        Jet in = Jet.input(x, DerivativePlan.of(1));
        assertThat(maxAbs(unburnt.residual(in.with(manager.create(new double[] {0.4}, new Shape(1, 1, 1))), x)))
                .isGreaterThan(0.29);
        assertThatThrownBy(() -> PROBLEM.conditions(false)).hasMessageContaining("constraints=hard");
    }

    @Test
    void theOutputTransformPinsAndBoundsTWhateverTheNetwork() {
        double[] xs = {-1, -0.5, -1e-3, 0, 1e-3, 0.5, 1};
        NDArray x = manager.create(xs, new Shape(xs.length, 1));
        Jet in = Jet.input(x, DerivativePlan.of(1));
        for (double a : new double[] {-3, 0.5, 4}) {
            Jet network = in.scale(a).apply(Activations.SIN).scale(2);
            double[] t = PROBLEM.hardConstraints().orElseThrow().apply(network, in).value().toDoubleArray();
            assertThat(t[3]).isEqualTo(PremixedFlame1d.PIN, org.assertj.core.api.Assertions.within(1e-15));
            for (int i = 0; i < t.length; i++) {
                assertThat(t[i]).isStrictlyBetween(0.0, 1.0);
                assertThat(Math.signum(t[i] - PremixedFlame1d.PIN)).isEqualTo(Math.signum(xs[i]));
            }
        }
        double[] ref = PROBLEM.reference().orElseThrow().evaluate(new PointSet(List.of("x"), xs)).values();
        assertThat(ref[3]).isEqualTo(PremixedFlame1d.PIN);
    }
}
