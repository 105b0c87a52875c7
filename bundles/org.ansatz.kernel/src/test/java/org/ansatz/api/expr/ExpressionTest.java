package org.ansatz.api.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    private static NDManager manager;
    private static final Symbols BURGERS = Symbols.of(List.of("t", "x"), List.of("u"), Map.of("nu", 0.01 / Math.PI));

    @BeforeAll
    static void start() {
        manager = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1)).newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    /** A smooth test field u(t, x) = sin(2x + t) * exp(0.3 t) as a jet, in float64. */
    private static Jet field(NDArray x, DerivativePlan plan) {
        Jet in = Jet.input(x, plan);
        Jet t = in.columns(0, 1);
        Jet s = in.columns(1, 2);
        return s.scale(2).add(t).apply(Activations.SIN).mul(t.scale(0.3).apply(Activations.EXP));
    }

    @Test
    void burgersResidualPlansItsDerivativesAndMatchesHandWrittenCode() {
        Expression e = Expression.compile("u_t + u*u_x - nu*u_xx", BURGERS);
        assertThat(e.derivatives()).containsExactly(MultiIndex.of(0), MultiIndex.of(1), MultiIndex.of(1, 1));
        NDArray x = manager.randomUniform(-1, 1, new Shape(100, 2), DataType.FLOAT64);
        Jet u = field(x, DerivativePlan.of(2, e.derivatives()));
        NDArray byHand = u.stream(MultiIndex.of(0)).add(u.value().mul(u.stream(MultiIndex.of(1))))
                .sub(u.stream(MultiIndex.of(1, 1)).mul(manager.create(0.01 / Math.PI)));
        NDArray compiled = e.evaluate(u, x, Map.of());
        assertThat(compiled.getShape()).isEqualTo(new Shape(100, 1));
        assertThat(compiled.sub(byHand).abs().max().getDouble()).isLessThan(1e-15);
    }

    @Test
    void equationsFunctionsPowersAndParameters() {
        Symbols sym = new Symbols(List.of("t", "x"), List.of("u"), Map.of(), Set.of("lam"));
        Expression e = Expression.compile("u_xx = -lam*sin(pi*x)^2 + 2e-1*u^3/(1 + t^2)", sym);
        assertThat(e.parameters()).containsExactly("lam");
        NDArray x = manager.randomUniform(-1, 1, new Shape(50, 2), DataType.FLOAT64);
        Jet u = field(x, DerivativePlan.of(2, e.derivatives()));
        NDArray lam = manager.create(1.7);
        double[] got = e.evaluate(u, x, Map.of("lam", lam)).toDoubleArray();
        double[] xs = x.toDoubleArray();
        double[] uv = u.value().toDoubleArray();
        double[] uxx = u.stream(MultiIndex.of(1, 1)).toDoubleArray();
        for (int i = 0; i < 50; i++) {
            double t = xs[2 * i];
            double s = xs[2 * i + 1];
            double expected = uxx[i] - (-1.7 * Math.pow(Math.sin(Math.PI * s), 2) + 0.2 * Math.pow(uv[i], 3) / (1 + t * t));
            assertThat(got[i]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void expressionsOfTheInputsEvaluateAsJetsWithCorrectDerivatives() {
        Symbols sym = Symbols.of(List.of("x", "y"), List.of("u"), Map.of("k", 0.3));
        String text = "sin(pi*x)*exp(-y) + x^2/(1 + y^2) + sqrt(2 + x) + log(3 + y) + tan(k*x) + cos(y) - 2^x";
        Expression e = Expression.compile(text, sym);
        NDArray x = manager.randomUniform(-1, 1, new Shape(40, 2), DataType.FLOAT64);
        DerivativePlan plan = DerivativePlan.of(2, MultiIndex.of(0, 0, 1), MultiIndex.of(1, 1, 1), MultiIndex.of(0, 0, 0, 0));
        NDArray taylor = e.evaluate(Jet.input(x, plan)).data();
        NDArray reverse;
        try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getEngine("PyTorch").newGradientCollector()) {
            reverse = org.ansatz.api.derivative.ReverseModeDerivatives.compute(p -> {
                NDArray a = p.get(":, 0:1");
                NDArray b = p.get(":, 1:2");
                NDArray one = manager.create(1.0);
                return a.mul(manager.create(Math.PI)).sin().mul(b.neg().exp())
                        .add(a.square().div(b.square().add(one)))
                        .add(a.add(manager.create(2.0)).sqrt()).add(b.add(manager.create(3.0)).log())
                        .add(a.mul(manager.create(0.3)).tan()).add(b.cos())
                        .sub(a.mul(manager.create(Math.log(2))).exp());
            }, x, plan).duplicate();
        }
        double rel = taylor.sub(reverse).norm().getDouble() / reverse.norm().getDouble();
        assertThat(rel).isLessThan(1e-10);
        assertThatThrownBy(() -> Expression.compile("u + x", sym).evaluate(Jet.input(x, plan)))
                .hasMessageContaining("'u' is not a function of the inputs alone");
    }

    @Test
    void systemsReadTheRightOutputColumns() {
        // (u, v) = (sin x, cos x) satisfies u_x - v = 0 and v_x + u = 0.
        Symbols sym = Symbols.of(List.of("x"), List.of("u", "v"), Map.of());
        Expression e1 = Expression.compile("u_x - v", sym);
        Expression e2 = Expression.compile("v_x + u", sym);
        NDArray x = manager.randomUniform(-2, 2, new Shape(30, 1), DataType.FLOAT64);
        DerivativePlan plan = DerivativePlan.of(1, MultiIndex.of(0));
        Jet in = Jet.input(x, plan);
        Jet uv = in.apply(Activations.SIN).with(in.apply(Activations.SIN).data()
                .concat(in.shift(Math.PI / 2).apply(Activations.SIN).data(), 2));
        assertThat(e1.evaluate(uv, x, Map.of()).abs().max().getDouble()).isLessThan(1e-15);
        assertThat(e2.evaluate(uv, x, Map.of()).abs().max().getDouble()).isLessThan(1e-15);
        assertThat(Expression.compile("u_x + v", sym).evaluate(uv, x, Map.of()).abs().max().getDouble()).isGreaterThan(0.5);
    }

    @Test
    void errorsNameTheProblemAndItsPosition() {
        assertThatThrownBy(() -> Expression.compile("u_t + w*u_x", BURGERS))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("unknown symbol 'w'").hasMessageContaining("position 7")
                .satisfies(ex -> assertThat(((SpecException) ex).position()).isEqualTo(6));
        assertThatThrownBy(() -> Expression.compile("u_t + u_z", BURGERS))
                .hasMessageContaining("derivative along 'z', which is not an input [t, x]")
                .hasMessageContaining("position 9");
        assertThatThrownBy(() -> Expression.compile("u_t + (u*u_x", BURGERS)).hasMessageContaining("missing ')'");
        assertThatThrownBy(() -> Expression.compile("u_t +", BURGERS)).hasMessageContaining("ends where a value was expected");
        assertThatThrownBy(() -> Expression.compile("u_t $ u", BURGERS)).hasMessageContaining("unexpected '$'");
        assertThatThrownBy(() -> Expression.compile("sin u", BURGERS)).hasMessageContaining("function sin needs an argument");
        assertThatThrownBy(() -> Expression.compile("  ", BURGERS)).hasMessageContaining("empty expression");
    }
}
