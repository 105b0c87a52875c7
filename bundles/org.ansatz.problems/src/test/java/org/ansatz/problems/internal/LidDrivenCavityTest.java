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
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.expr.Expression;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.problem.PointSet;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LidDrivenCavityTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1)).newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static double maxAbs(NDArray a) {
        return a.abs().max().toType(DataType.FLOAT64, false).getDouble();
    }

    /** u, v, p given as expressions in x and y, as a jet at the points. */
    private static Jet jet(NDArray x, String u, String v, String p) {
        Jet in = Jet.input(x, DerivativePlan.of(2));
        Symbols s = Symbols.of(List.of("x", "y"), List.of(), Map.of());
        return Jet.concat(List.of(Expression.compile(u, s).evaluate(in), Expression.compile(v, s).evaluate(in),
                Expression.compile(p, s).evaluate(in)));
    }

    @Test
    void theReferenceIsMeanFreeAwayFromTheCornersAndMatchesGhia() {
        LidDrivenCavity problem = new LidDrivenCavity();
        PointSet points = problem.evaluationPoints();
        assertThat(points.size()).isEqualTo(3917);
        for (int i = 0; i < points.size(); i++) {
            double x = points.get(i, 0);
            double y = points.get(i, 1);
            assertThat(x).isStrictlyBetween(0.0, 1.0);
            assertThat(y).isStrictlyBetween(0.0, 1.0);
            assertThat(Math.min(Math.hypot(x, 1 - y), Math.hypot(1 - x, 1 - y))).isGreaterThanOrEqualTo(0.1);
        }
        PointSet ref = problem.reference().orElseThrow().evaluate(points);
        assertThat(ref.names()).containsExactly("u", "v", "p");
        double mean = 0;
        for (double p : ref.column("p")) {
            mean += p;
        }
        assertThat(Math.abs(mean / points.size())).isLessThan(1e-12);
        // The extrapolated reference, like the 129-node grid, agrees with Ghia et al. to 1e-2.
        double deviation = CavityFlowTest.ghiaDeviation((x, y) -> problem.exact(new double[] {x, y}));
        System.out.printf("cavity reference vs Ghia et al.: max deviation %.2e%n", deviation);
        assertThat(deviation).isLessThan(1e-2);
    }

    @Test
    void conditionsHoldOnFieldsWithTheBoundaryDataAndFailOtherwise() {
        LidDrivenCavity problem = new LidDrivenCavity();
        List<Condition> conditions = problem.conditions(false);
        assertThat(conditions).extracting(Condition::name).containsExactly("lid", "walls", "gauge");
        double pin = problem.exact(LidDrivenCavity.PIN)[2];
        String p = Double.toString(pin);
        // u = y, v = 0 on the lid; u = v = x (1 - x) y vanish on the other walls; p constant at the pin.
        String[][] right = {{"y", "0*x", p}, {"x*(1-x)*y", "x*(1-x)*y", p}, {"x", "y", p}};
        String[][] wrong = {{"0*x", "0*x", p}, {"x*(1-x) + 1", "y + 1", p}, {"x", "y", p + " + 0.1"}};
        for (int c = 0; c < 3; c++) {
            Condition cond = conditions.get(c);
            double[] pts = cond.sample(64, new SplittableRandom(3));
            NDArray x = manager.create(pts, new Shape(64, 2));
            assertThat(maxAbs(cond.residual(jet(x, right[c][0], right[c][1], right[c][2]), x)))
                    .as(cond.name()).isLessThan(1e-12);
            assertThat(maxAbs(cond.residual(jet(x, wrong[c][0], wrong[c][1], wrong[c][2]), x)))
                    .as(cond.name()).isGreaterThan(0.05);
        }
        // The walls' points cover the three sides, the lid's lie on y = 1.
        double[] walls = conditions.get(1).sample(300, new SplittableRandom(4));
        int left = 0;
        int bottom = 0;
        int rightSide = 0;
        for (int i = 0; i < 300; i++) {
            double x = walls[2 * i];
            double y = walls[2 * i + 1];
            left += x == 0 ? 1 : 0;
            bottom += y == 0 && x > 0 && x < 1 ? 1 : 0;
            rightSide += x == 1 ? 1 : 0;
        }
        assertThat(left + bottom + rightSide).isEqualTo(300);
        assertThat(Math.min(left, Math.min(bottom, rightSide))).isGreaterThan(70);
        assertThatThrownBy(() -> problem.conditions(true)).hasMessageContaining("constraints=soft");
    }

    @Test
    void theSmoothLidComparesEveryInteriorNodeAndImposesItsProfile() {
        LidDrivenCavity problem = new LidDrivenCavitySmooth();
        PointSet points = problem.evaluationPoints();
        assertThat(points.size()).isEqualTo(63 * 63);
        PointSet ref = problem.reference().orElseThrow().evaluate(points);
        double mean = 0;
        double[] p = ref.column("p");
        for (double v : p) {
            mean += v;
        }
        assertThat(Math.abs(mean / points.size())).isLessThan(1e-12);
        // Near the lid's middle the flow follows the lid (4x(1-x) = 1 at x = 1/2).
        assertThat(problem.exact(new double[] {0.5, 63 / 64.0})[0]).isBetween(0.8, 1.0);
        Condition lid = problem.conditions(false).get(0);
        double[] pts = lid.sample(64, new SplittableRandom(5));
        NDArray x = manager.create(pts, new Shape(64, 2));
        String pin = Double.toString(problem.exact(LidDrivenCavity.PIN)[2]);
        assertThat(maxAbs(lid.residual(jet(x, "4*x*(1-x)*y", "0*x", pin), x))).isLessThan(1e-12);
        assertThat(maxAbs(lid.residual(jet(x, "y", "0*x", pin), x))).isGreaterThan(0.05);
    }

    @Test
    void residualIsTheSteadyNavierStokesSystem() {
        // On u = sin(y), v = x^2, p = x y the three residuals are known by hand.
        LidDrivenCavity problem = new LidDrivenCavity();
        double[] pts = {0.3, 0.4, 0.8, 0.1};
        NDArray x = manager.create(pts, new Shape(2, 2));
        Jet in = Jet.input(x, DerivativePlan.of(2, problem.derivatives()));
        Symbols s = Symbols.of(List.of("x", "y"), List.of(), Map.of());
        Jet u = Jet.concat(List.of(Expression.compile("sin(y)", s).evaluate(in),
                Expression.compile("x^2", s).evaluate(in), Expression.compile("x*y", s).evaluate(in)));
        double[] r = problem.residual(u, x).toDoubleArray();
        for (int i = 0; i < 2; i++) {
            double px = pts[2 * i];
            double py = pts[2 * i + 1];
            double nu = 0.01;
            assertThat(r[3 * i]).isCloseTo(px * px * Math.cos(py) + py + nu * Math.sin(py),
                    org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r[3 * i + 1]).isCloseTo(Math.sin(py) * 2 * px + px - nu * 2,
                    org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r[3 * i + 2]).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(problem.defaults()).containsEntry("constraints", "soft").containsKey("model.layers");
    }
}
