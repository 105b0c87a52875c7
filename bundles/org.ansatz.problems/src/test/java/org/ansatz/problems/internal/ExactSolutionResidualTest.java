package org.ansatz.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
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
