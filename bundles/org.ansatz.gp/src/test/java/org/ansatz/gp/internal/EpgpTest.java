package org.ansatz.gp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.expr.Expression;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.Reference;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.ansatz.problems.internal.Heat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EPGP priors solve their equations: samples are pushed through the problem's own residual (a jet
 * built from the features' closed-form derivatives), which must vanish to round-off; a prior that
 * ignored the variety would leave residuals of the size of the derivatives.
 */
class EpgpTest {

    static final DjlTensorEngine ENGINE = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 0, 1));
    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = ENGINE.newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** A homogeneous linear problem written as text, for the equations the library does not register. */
    record TextProblem(String equation, List<String> inputs, List<String> outputs, Box domain) implements PdeProblem {
        Expression compiled() {
            return Expression.compile(equation, Symbols.of(inputs, outputs, Map.of("c", 1.7)));
        }

        @Override
        public String description() {
            return equation;
        }

        @Override
        public Optional<Reference> reference() {
            return Optional.empty();
        }

        @Override
        public List<MultiIndex> derivatives() {
            return compiled().derivatives();
        }

        @Override
        public NDArray residual(Jet u, NDArray x) {
            return compiled().evaluate(u, x, Map.of());
        }

        @Override
        public List<Condition> conditions(boolean hard) {
            return List.of();
        }
    }

    static final Box UNIT_SQUARE = new Box(new double[] {0, 0}, new double[] {1, 1});

    /** Largest residual of a prior sample relative to the largest derivative stream the residual reads. */
    static double[] sampleResidual(PdeProblem p, long seed) {
        int d = p.inputs().size();
        double[] probe = p.domain().uniform(50, new java.util.SplittableRandom(1));
        LinearProbe.Operator op = LinearProbe.probe("test", p::residual, p.derivatives(), d, p.outputs().size(), probe,
                manager);
        Variety v = Variety.of(op, p.inputs(), p.outputs(), "test");
        double[][] normals = Epgp.normals(40, v.freeAxes().length, seed);
        double[] scales = new double[v.freeAxes().length];
        java.util.Arrays.fill(scales, 6.0);
        double[] centre = {0.5, 0.5};
        Epgp.Features f = Epgp.monteCarlo(v, normals, scales, 1.0, centre, new double[] {1, 1});
        double[] w = Epgp.priorSample(f, seed + 1);
        double[] pts = p.domain().uniform(200, new java.util.SplittableRandom(seed + 2));
        double residual = EpgpChecks.residualOfWeights(p, f, w, pts, manager);
        double size = 0;
        for (MultiIndex m : p.derivatives()) {
            int[] orders = PdeSetup.orders(m, d);
            for (int i = 0; i < 200; i++) {
                double[] x = java.util.Arrays.copyOfRange(pts, i * d, (i + 1) * d);
                for (int o = 0; o < p.outputs().size(); o++) {
                    size = Math.max(size, Math.abs(Dense.dot(f.row(x, o, orders), w)));
                }
            }
        }
        return new double[] {residual, size};
    }

    @Test
    void heatSamplesSolveTheHeatEquation() {
        double[] r = sampleResidual(new Heat(), 3);
        assertThat(r[1]).isGreaterThan(1);
        assertThat(r[0]).isLessThan(1e-12 * r[1]);
    }

    @Test
    void waveSamplesSolveTheWaveEquation() {
        double[] r = sampleResidual(new TextProblem("u_tt - c^2*u_xx", List.of("t", "x"), List.of("u"), UNIT_SQUARE), 4);
        assertThat(r[1]).isGreaterThan(1);
        assertThat(r[0]).isLessThan(1e-12 * r[1]);
    }

    @Test
    void divergenceFreeSamplesHaveNoDivergence() {
        double[] r = sampleResidual(new TextProblem("u_x + v_y", List.of("x", "y"), List.of("u", "v"), UNIT_SQUARE), 5);
        assertThat(r[1]).isGreaterThan(1);
        assertThat(r[0]).isLessThan(1e-12 * r[1]);
    }

    @Test
    void laplaceSamplesAreHarmonic() {
        double[] r = sampleResidual(new TextProblem("u_xx + u_yy", List.of("x", "y"), List.of("u"), UNIT_SQUARE), 6);
        assertThat(r[1]).isGreaterThan(1);
        assertThat(r[0]).isLessThan(1e-12 * r[1]);
    }

    @Test
    void aPriorFromTheWrongEquationDoesNotSolveThisOne() {
        // Heat features checked against the wave equation: the test above can fail.
        PdeProblem heat = new Heat();
        PdeProblem wave = new TextProblem("u_tt - c^2*u_xx", List.of("t", "x"), List.of("u"), UNIT_SQUARE);
        double[] probe = heat.domain().uniform(50, new java.util.SplittableRandom(1));
        Variety v = Variety.of(LinearProbe.probe("heat", heat::residual, heat.derivatives(), 2, 1, probe, manager),
                heat.inputs(), heat.outputs(), "heat");
        Epgp.Features f = Epgp.monteCarlo(v, Epgp.normals(40, 1, 7), new double[] {6}, 1, new double[] {0.5, 0.5},
                new double[] {1, 1});
        double[] w = Epgp.priorSample(f, 8);
        double residual = EpgpChecks.residualOfWeights(wave, f, w, wave.domain().uniform(100,
                new java.util.SplittableRandom(9)), manager);
        assertThat(residual).isGreaterThan(1e-2);
    }

    @Test
    void inhomogeneousAndNonlinearEquationsAreRefusedByName() {
        PdeProblem source = new TextProblem("u_xx + u_yy - 1", List.of("x", "y"), List.of("u"), UNIT_SQUARE);
        double[] probe = UNIT_SQUARE.uniform(20, new java.util.SplittableRandom(1));
        LinearProbe.Operator op = LinearProbe.probe("p", source::residual, source.derivatives(), 2, 1, probe, manager);
        assertThatThrownBy(() -> Variety.of(op, source.inputs(), source.outputs(), "solver epgp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("homogeneous");
        PdeProblem burgers = new TextProblem("u_t + u*u_x - c*u_xx", List.of("t", "x"), List.of("u"), UNIT_SQUARE);
        assertThatThrownBy(() -> LinearProbe.probe("problem burgers", burgers::residual, burgers.derivatives(), 2, 1,
                probe, manager)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("problem burgers is not linear");
        PdeProblem variable = new TextProblem("u_t - x*u_xx", List.of("t", "x"), List.of("u"), UNIT_SQUARE);
        LinearProbe.Operator vo = LinearProbe.probe("p", variable::residual, variable.derivatives(), 2, 1, probe,
                manager);
        assertThatThrownBy(() -> Variety.of(vo, variable.inputs(), variable.outputs(), "solver epgp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("constant coefficients")
                .hasMessageContaining("u_xx");
    }

    @Test
    void probingReadsTheOperatorOffTheResidual() {
        org.ansatz.problems.internal.Poisson p = new org.ansatz.problems.internal.Poisson();
        double[] pts = {0.25, 0.5, 0.1, 0.9};
        LinearProbe.Operator op = LinearProbe.probe("poisson", p::residual, p.derivatives(), 2, 1, pts, manager);
        int xx = op.streams().indexOf(MultiIndex.of(0, 0));
        int yy = op.streams().indexOf(MultiIndex.of(1, 1));
        assertThat(op.coefficient(xx, 0, 1, 0)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(op.coefficient(yy, 0, 0, 0)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-14));
        assertThat(op.coefficient(0, 0, 0, 0)).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-14));
        // -f = 2 pi^2 sin(pi x) sin(pi y) at the residual of u = 0, so rhs = -2 pi^2 sin sin.
        assertThat(op.rhs()[0]).isCloseTo(-2 * Math.PI * Math.PI * Math.sin(Math.PI * 0.25) * Math.sin(Math.PI * 0.5),
                org.assertj.core.api.Assertions.within(1e-12));
    }
}
