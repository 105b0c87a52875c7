package org.ansatz.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Functions;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each problem's residual, written against jets, vanishes on its exact solution (built as a jet from
 * the inputs, float64); each hard-constraint transform reproduces the boundary and initial data
 * whatever the network outputs.
 */
class ExactSolutionResidualTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1)).newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static NDArray points(PdeProblem p, int n) {
        double[] v = p.domain().uniform(n, new java.util.SplittableRandom(3));
        return manager.create(v, new Shape(n, p.inputs().size()));
    }

    private static double maxAbs(NDArray a) {
        return a.abs().max().toType(DataType.FLOAT64, false).getDouble();
    }

    @Test
    void heatResidualVanishesOnTheExactSolution() {
        Heat heat = new Heat();
        NDArray x = points(heat, 500);
        Jet in = Jet.input(x, DerivativePlan.of(2, heat.derivatives()));
        Jet t = in.columns(0, 1);
        Jet s = in.columns(1, 2);
        Jet exact = t.scale(-Heat.A * Math.PI * Math.PI).apply(Activations.EXP).mul(s.scale(Math.PI).apply(Activations.SIN));
        assertThat(maxAbs(heat.residual(exact, x))).isLessThan(1e-12);
        // ... and is not trivially zero for something else
        assertThat(maxAbs(heat.residual(s.scale(Math.PI).apply(Activations.SIN), x))).isGreaterThan(0.1);
    }

    @Test
    void poissonResidualVanishesOnTheExactSolution() {
        Poisson poisson = new Poisson();
        NDArray x = points(poisson, 500);
        Jet in = Jet.input(x, DerivativePlan.of(2, poisson.derivatives()));
        Jet exact = in.columns(0, 1).scale(Math.PI).apply(Activations.SIN)
                .mul(in.columns(1, 2).scale(Math.PI).apply(Activations.SIN));
        assertThat(maxAbs(poisson.residual(exact, x))).isLessThan(1e-11);
    }

    @Test
    void annulusResidualVanishesOnTheExactSolutionAndItsBoundaryDataHold() {
        PoissonAnnulus p = new PoissonAnnulus();
        double[] pts = p.geometry().sampleInterior(300, new java.util.SplittableRandom(4));
        NDArray x = manager.create(pts, new Shape(300, 2));
        Jet in = Jet.input(x, DerivativePlan.of(2, p.derivatives()));
        Jet r2 = in.columns(0, 1).mul(in.columns(0, 1)).add(in.columns(1, 2).mul(in.columns(1, 2)));
        Jet exact = r2.shift(-PoissonAnnulus.A * PoissonAnnulus.A).mul(r2.scale(-1).shift(PoissonAnnulus.B * PoissonAnnulus.B));
        assertThat(maxAbs(p.residual(exact, x))).isLessThan(1e-12);
        double[] boundary = p.geometry().sampleBoundary(50, new java.util.SplittableRandom(5)).points();
        check(p, boundary);
        for (double v : p.reference().orElseThrow().evaluate(new PointSet(p.inputs(), boundary)).values()) {
            assertThat(v).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        }
        // Evaluation points are restricted to the annulus.
        PointSet eval = p.evaluationPoints();
        assertThat(eval.size()).isBetween(5500, 6200);
    }

    @Test
    void hardConstraintsHoldForAnyNetworkOutput() {
        // Points on the boundaries and at t = 0, and an arbitrary "network" (a jet of sin(3x + 2y)).
        double[] heatPts = {0, 0.3, 0, 0.8, 0.4, 0, 0.7, 1};
        double[] squarePts = {0, 0.3, 1, 0.6, 0.2, 0, 0.9, 1};
        check(new Heat(), heatPts);
        check(new Poisson(), squarePts);
        check(new Burgers(), new double[] {0, -0.3, 0, 0.6, 0.5, -1, 0.9, 1});
        // Initial values only (periodicity stays a loss term); Allen-Cahn at nodes of its reference grid.
        check(new Convection(), new double[] {0, 0, 0, 1.3, 0, 4, 0, 2 * Math.PI});
        check(new Reaction(), new double[] {0, 0, 0, 1.3, 0, Math.PI, 0, 5.5});
        check(new AllenCahn(), new double[] {0, -1, 0, -0.5, 0, 0.25, 0, 0.75});
    }

    /** {@code sin(x - beta t)}. */
    private static Jet convection(Jet in) {
        return in.columns(1, 2).sub(in.columns(0, 1).scale(Convection.BETA)).apply(Activations.SIN);
    }

    /** {@code h e^{rho t} / (h e^{rho t} + 1 - h)}, {@code h = exp(-(x - pi)^2 / (2 (pi/4)^2))}. */
    private static Jet reaction(Jet in) {
        Jet d = in.columns(1, 2).shift(-Math.PI);
        Jet h = d.mul(d).scale(-8 / (Math.PI * Math.PI)).apply(Activations.EXP);
        Jet grown = h.mul(in.columns(0, 1).scale(Reaction.RHO).apply(Activations.EXP));
        return grown.mul(grown.sub(h).shift(1).apply(Functions.RECIPROCAL));
    }

    @Test
    void convectionAndReactionResidualsVanishOnTheirExactSolutions() {
        Convection c = new Convection();
        NDArray x = points(c, 500);
        Jet in = Jet.input(x, DerivativePlan.of(2, c.derivatives()));
        // The terms are of size beta = 30: float64 rounding allows ~1e-14 relative.
        assertThat(maxAbs(c.residual(convection(in), x))).isLessThan(1e-12);
        assertThat(maxAbs(c.residual(in.columns(1, 2).apply(Activations.SIN), x))).isGreaterThan(1);
        Reaction r = new Reaction();
        in = Jet.input(x, DerivativePlan.of(2, r.derivatives()));
        assertThat(maxAbs(r.residual(reaction(in), x))).isLessThan(1e-12);
        assertThat(maxAbs(r.residual(convection(in), x))).isGreaterThan(0.1);
    }

    @Test
    void exactSolutionsSatisfyTheConditionsAndMatchTheReferences() {
        for (PeriodicEvolution p : List.<PeriodicEvolution>of(new Convection(), new Reaction())) {
            UnaryOperator<Jet> exact = p instanceof Convection ? ExactSolutionResidualTest::convection
                    : ExactSolutionResidualTest::reaction;
            assertThat(p.conditions(false)).extracting(Condition::name).containsExactly("ic", "periodic");
            assertThat(p.conditions(true)).extracting(Condition::name).containsExactly("periodic");
            for (Condition c : p.conditions(false)) {
                double[] pts = c.sample(64, new SplittableRandom(6));
                NDArray xc = manager.create(pts, new Shape(pts.length / 2, 2));
                Jet in = Jet.input(xc, DerivativePlan.of(2, c.derivatives()));
                assertThat(maxAbs(c.residual(exact.apply(in), xc))).as(p.description() + " " + c.name()).isLessThan(1e-12);
            }
            PointSet eval = p.evaluationPoints();
            assertThat(eval.size()).isEqualTo(100 * 256);
            NDArray xe = manager.create(eval.values(), new Shape(eval.size(), 2));
            double[] jet = exact.apply(Jet.input(xe, DerivativePlan.of(2))).value().toDoubleArray();
            double[] ref = p.reference().orElseThrow().evaluate(eval).values();
            for (int i = 0; i < ref.length; i++) {
                assertThat(Math.abs(jet[i] - ref[i])).isLessThan(1e-12);
            }
        }
    }

    @Test
    void allenCahnResidualIsTheEquationItsReferenceSolves() {
        // No closed form: on f = cos(pi x) e^t (f_t = f, f_xx = -pi^2 f) the problem's residual must be
        // the equation the spectral solver integrates, with the same eps and a.
        AllenCahn p = new AllenCahn();
        NDArray x = points(p, 300);
        Jet in = Jet.input(x, DerivativePlan.of(2, p.derivatives()));
        Jet f = in.columns(1, 2).scale(Math.PI).apply(Functions.COS)
                .mul(in.columns(0, 1).apply(Activations.EXP));
        double[] r = p.residual(f, x).toDoubleArray();
        double[] fv = f.value().toDoubleArray();
        for (int i = 0; i < r.length; i++) {
            double expected = fv[i] + AllenCahn.EPS * Math.PI * Math.PI * fv[i] + AllenCahn.A * (fv[i] * fv[i] * fv[i] - fv[i]);
            assertThat(r[i]).isCloseTo(expected, within(1e-12));
        }
        assertThat(p.conditions(false)).extracting(Condition::name).containsExactly("ic", "periodic");
        // Periodicity covers u and u_x: the condition reads the first x-derivative.
        assertThat(p.conditions(false).get(1).derivatives()).contains(MultiIndex.of(1));
        // The reference takes the same values at both ends and the initial data at t = 0 (grid nodes).
        for (double t : new double[] {0, 0.1, 0.4, 1}) {
            assertThat(p.u(t, -1)).isCloseTo(p.u(t, 1), within(1e-12));
        }
        for (int j = 0; j < AllenCahn.MODES; j += 7) {
            double xj = -1 + 2.0 * j / AllenCahn.MODES;
            assertThat(p.u(0, xj)).isCloseTo(xj * xj * Math.cos(Math.PI * xj), within(1e-13));
        }
        assertThat(p.evaluationPoints().size()).isEqualTo(201 * 512);
    }

    private static void check(PdeProblem p, double[] pts) {
        NDArray x = manager.create(pts, new Shape(pts.length / 2, 2));
        Jet in = Jet.input(x, DerivativePlan.of(2));
        Jet anything = in.columns(0, 1).scale(3).add(in.columns(1, 2).scale(2)).apply(Activations.SIN).shift(0.7);
        double[] u = p.hardConstraints().orElseThrow().apply(anything, in).value().toDoubleArray();
        double[] ref = p.reference().orElseThrow().evaluate(new PointSet(p.inputs(), pts)).values();
        for (int i = 0; i < u.length; i++) {
            assertThat(Math.abs(u[i] - ref[i])).as(p.description() + " at point " + i).isLessThan(1e-12);
        }
    }

}
