package org.ansatz.api.pde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.geometry.Geometries;
import org.ansatz.api.geometry.Geometry;
import org.ansatz.api.problem.PointSet;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each condition vanishes on a function that satisfies it and not on one that does not (float64). */
class ConditionsTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1)).newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static double worst(Condition c, int inputs, int count, Function<Jet, Jet> field) {
        double[] p = c.sample(count, new SplittableRandom(2));
        NDArray x = manager.create(p, new Shape(p.length / inputs, inputs));
        Jet u = field.apply(Jet.input(x, DerivativePlan.of(inputs, c.derivatives())));
        return c.residual(u, x).abs().max().getDouble();
    }

    @Test
    void neumannOnAnAnnulusUsesOutwardNormals() {
        Geometry annulus = Geometries.difference(Geometries.disk(0, 0, 1), Geometries.disk(0, 0, 0.5));
        Symbols s = Symbols.of(List.of("x", "y"), List.of("u"), Map.of("a", 0.5, "b", 1.0));
        Condition neumann = Conditions.boundary("flux", annulus, null,
                "u_x*n_x + u_y*n_y - 2*(x*n_x + y*n_y)*(a^2 + b^2 - 2*(x^2 + y^2))", s);
        Function<Jet, Jet> exact = in -> {
            Jet r2 = in.columns(0, 1).mul(in.columns(0, 1)).add(in.columns(1, 2).mul(in.columns(1, 2)));
            return r2.shift(-0.25).mul(r2.scale(-1).shift(1));
        };
        assertThat(worst(neumann, 2, 400, exact)).isLessThan(1e-12);
        // The same function with the normals reversed would not satisfy it.
        Condition inward = Conditions.boundary("flux", annulus, null,
                "-(u_x*n_x + u_y*n_y) - 2*(x*n_x + y*n_y)*(a^2 + b^2 - 2*(x^2 + y^2))", s);
        assertThat(worst(inward, 2, 400, exact)).isGreaterThan(0.5);
    }

    @Test
    void robinAndDirichletOnATimeDependentBoundary() {
        // u = exp(-t) cos(x) on x in [0, 1], boundary {0, 1}: at x = 1 (n = +1): u_x + tan(1) u = 0.
        Symbols s = Symbols.of(List.of("t", "x"), List.of("u"), Map.of());
        Condition robin = Conditions.boundary("robin", Geometries.box(new double[] {0}, new double[] {1}),
                new double[] {0, 2}, "(u_x*n_x + tan(x)*u)*(1 + n_x)/2 + (u - exp(-t))*(1 - n_x)/2", s);
        Function<Jet, Jet> exact = in -> in.columns(0, 1).scale(-1).apply(Activations.EXP)
                .mul(in.columns(1, 2).shift(Math.PI / 2).apply(Activations.SIN));
        assertThat(worst(robin, 2, 200, exact)).isLessThan(1e-12);
    }

    @Test
    void initialValuesAndVelocities() {
        Box box = new Box(new double[] {0, 0}, new double[] {1, 1});
        Symbols s = Symbols.of(List.of("t", "x"), List.of("u"), Map.of("a", 0.4));
        Function<Jet, Jet> heat = in -> in.columns(0, 1).scale(-0.4 * Math.PI * Math.PI).apply(Activations.EXP)
                .mul(in.columns(1, 2).scale(Math.PI).apply(Activations.SIN));
        assertThat(worst(Conditions.initial("ic", box, "u - sin(pi*x)", s), 2, 200, heat)).isLessThan(1e-12);
        assertThat(worst(Conditions.initial("ic_t", box, "u_t + a*pi^2*sin(pi*x)", s), 2, 200, heat)).isLessThan(1e-12);
        assertThat(worst(Conditions.initial("ic", box, "u - cos(pi*x)", s), 2, 200, heat)).isGreaterThan(0.5);
    }

    @Test
    void periodicValuesAndSlopes() {
        Box box = new Box(new double[] {0, 0}, new double[] {1, 2 * Math.PI});
        Symbols s = Symbols.of(List.of("t", "x"), List.of("u"), Map.of());
        Condition periodic = Conditions.periodic("per", box, 1, List.of("u", "u_x"), s);
        Function<Jet, Jet> wave = in -> in.columns(1, 2).sub(in.columns(0, 1)).apply(Activations.SIN);
        assertThat(worst(periodic, 2, 100, wave)).isLessThan(1e-12);
        Function<Jet, Jet> notPeriodic = in -> in.columns(1, 2).scale(0.5).apply(Activations.SIN);
        assertThat(worst(periodic, 2, 100, notPeriodic)).isGreaterThan(0.1);
    }

    @Test
    void hardDirichletAndInitialDataHoldWhateverTheNetwork() {
        Geometry annulus = Geometries.difference(Geometries.disk(0, 0, 1), Geometries.disk(0, 0, 0.5));
        Symbols s = Symbols.of(List.of("x", "y"), List.of("u"), Map.of());
        PdeProblem.OutputTransform t = Conditions.hardDirichlet(annulus, "x*y + 1", s);
        double[] b = annulus.sampleBoundary(100, new SplittableRandom(1)).points();
        Jet in = Jet.input(manager.create(b, new Shape(100, 2)), DerivativePlan.of(2));
        Jet network = in.columns(0, 1).scale(3).apply(Activations.SIN).shift(0.4);
        double[] u = t.apply(network, in).value().toDoubleArray();
        for (int i = 0; i < 100; i++) {
            assertThat(u[i]).isCloseTo(b[2 * i] * b[2 * i + 1] + 1, org.assertj.core.api.Assertions.within(1e-9));
        }
        Symbols st = Symbols.of(List.of("t", "x"), List.of("u"), Map.of());
        PdeProblem.OutputTransform ti = Conditions.hardInitial(0, Geometries.box(new double[] {-1}, new double[] {1}),
                "-sin(pi*x)", st);
        double[] p = {0, 0.3, 0, -0.7, 0.5, 1, 0.8, -1};
        Jet pin = Jet.input(manager.create(p, new Shape(4, 2)), DerivativePlan.of(2));
        double[] v = ti.apply(pin.columns(1, 2).apply(Activations.SIN).shift(2), pin).value().toDoubleArray();
        assertThat(v[0]).isCloseTo(-Math.sin(Math.PI * 0.3), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(v[1]).isCloseTo(-Math.sin(Math.PI * -0.7), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(v[2]).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(v[3]).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void observationsCompareWithData() {
        PointSet pts = new PointSet(List.of("x"), new double[] {0.1, 0.2});
        Condition obs = Conditions.observations("data", pts, new PointSet(List.of("u"), new double[] {Math.sin(0.1), Math.sin(0.2)}));
        assertThat(worst(obs, 1, 0, in -> in.apply(Activations.SIN))).isLessThan(1e-15);
        assertThatThrownBy(() -> Conditions.observations("data", pts, new PointSet(List.of("u"), new double[] {1})))
                .hasMessageContaining("2 points but 1 values");
    }
}
