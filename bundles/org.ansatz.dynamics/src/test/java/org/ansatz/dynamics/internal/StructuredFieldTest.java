package org.ansatz.dynamics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Map;
import org.ansatz.api.derivative.Functions;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.JetModel;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.models.mlp.internal.MlpFactory;
import org.junit.jupiter.api.Test;

/** Hamiltonian and Lagrangian fields against finite differences and a known Lagrangian. */
class StructuredFieldTest {

    private static final Scaling SCALING = new Scaling(new double[] {0.2, -0.1, 0.3, 0.05},
            new double[] {1.3, 0.7, 2.1, 0.9}, new double[] {0.5, 1.4, 0.8, 1.1});
    private static final double[][] POINTS = {{0.3, -0.4, 0.9, 0.1}, {-1.1, 0.6, -0.2, 0.8}, {0.05, 0.02, 1.5, -1.3}};

    @Test
    void hamiltonianFieldIsTheSymplecticGradientOfTheLearnedEnergy() {
        for (boolean separable : new boolean[] {false, true}) {
            try (NDManager m = TestSupport.ENGINE.newManager()) {
                MlpFactory f = new MlpFactory();
                Map<String, Object> o = Map.of("layers", "12,12", "activation", "tanh");
                Model h = f.create(new ModelSpec(separable ? 2 : 4, 1, DataType.FLOAT64, 5, o), m);
                Model t = separable ? f.create(new ModelSpec(2, 1, DataType.FLOAT64, 6, o), m) : null;
                Fields.Hamiltonian field = new Fields.Hamiltonian(h, t, SCALING, m, DataType.FLOAT64);
                double[][] x = POINTS;
                double[][] v = TestSupport.rows(field.apply(0, TestSupport.states(m, x)));
                double eps = 1e-5;
                for (int i = 0; i < x.length; i++) {
                    double[] grad = new double[4];
                    for (int j = 0; j < 4; j++) {
                        double[][] plus = {x[i].clone()}, minus = {x[i].clone()};
                        plus[0][j] += eps;
                        minus[0][j] -= eps;
                        grad[j] = (energy(field, m, plus) - energy(field, m, minus)) / (2 * eps);
                    }
                    double[] expected = {grad[2], grad[3], -grad[0], -grad[1]};
                    for (int j = 0; j < 4; j++) {
                        assertThat(v[i][j]).as("separable=%s point %d component %d", separable, i, j)
                                .isCloseTo(expected[j], org.assertj.core.data.Offset.offset(1e-7 * (1 + Math.abs(expected[j]))));
                    }
                    // Hence dH/dt = grad H . X = 0 exactly, up to rounding.
                    double dh = 0;
                    for (int j = 0; j < 4; j++) {
                        dh += grad[j] * v[i][j];
                    }
                    assertThat(Math.abs(dh)).isLessThan(1e-7 * (1 + AdjointTest.norm(grad) * AdjointTest.norm(v[i])));
                }
                if (!separable) {
                    // A separable energy's q-rates depend on p only: the property leapfrog needs.
                    continue;
                }
                double[][] moved = {POINTS[0].clone()};
                moved[0][0] += 0.5;
                double[] a = TestSupport.rows(field.apply(0, TestSupport.states(m, new double[][] {POINTS[0]})))[0];
                double[] b = TestSupport.rows(field.apply(0, TestSupport.states(m, moved)))[0];
                assertThat(b[0]).isEqualTo(a[0]);
                assertThat(b[1]).isEqualTo(a[1]);
            }
        }
    }

    private static double energy(Fields.Hamiltonian f, NDManager m, double[][] x) {
        return f.energy(TestSupport.states(m, x)).getDouble(0);
    }

    @Test
    void lagrangianFieldReproducesTheDoublePendulumFromItsLagrangian() {
        DynamicalSystem dp = Systems.named("double-pendulum");
        try (NDManager m = TestSupport.ENGINE.newManager()) {
            Fields.Lagrangian field = new Fields.Lagrangian(new DoublePendulumLagrangian(SCALING, 9.81), SCALING, 0, 0, m,
                    DataType.FLOAT64);
            double[][] v = TestSupport.rows(field.apply(0, TestSupport.states(m, POINTS)));
            for (int i = 0; i < POINTS.length; i++) {
                double[] expected = new double[4];
                dp.derivative(POINTS[i], expected);
                for (int j = 0; j < 4; j++) {
                    assertThat(v[i][j]).isCloseTo(expected[j], org.assertj.core.data.Offset.offset(1e-10 * (1 + Math.abs(expected[j]))));
                }
            }
        }
    }

    @Test
    void networksWithoutJetRulesAreRejectedByName() {
        try (NDManager m = TestSupport.ENGINE.newManager()) {
            Model plain = new Model() {
                @Override
                public ModelSpec spec() {
                    return new ModelSpec(2, 1, DataType.FLOAT64, 0, Map.of());
                }

                @Override
                public NDList parameters() {
                    return new NDList();
                }

                @Override
                public NDArray forward(NDArray x) {
                    return x.sum(new int[] {1}, true);
                }

                @Override
                public void close() {
                }
            };
            assertThatThrownBy(() -> new Fields.Hamiltonian(plain, null, Scaling.identity(2), m, DataType.FLOAT64))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Taylor-mode");
            assertThatThrownBy(() -> new Fields.Hamiltonian(plain, null, Scaling.identity(3), m, DataType.FLOAT64))
                    .hasMessageContaining("even dimension");
        }
    }

    /**
     * {@code L = w1^2 + w2^2/2 + w1 w2 cos(t1 - t2) + 2 g cos t1 + g cos t2} (unit masses and lengths),
     * written over standardised inputs so that the field's unit conversion is exercised too.
     */
    private static final class DoublePendulumLagrangian implements Model, JetModel {
        private final Scaling s;
        private final double g;

        DoublePendulumLagrangian(Scaling s, double g) {
            this.s = s;
            this.g = g;
        }

        @Override
        public Jet forward(Jet in) {
            Jet[] x = new Jet[4];
            for (int j = 0; j < 4; j++) {
                x[j] = in.columns(j, j + 1).scale(s.std()[j]).shift(s.mean()[j]);
            }
            return x[2].mul(x[2]).add(x[3].mul(x[3]).scale(0.5))
                    .add(x[2].mul(x[3]).mul(x[0].sub(x[1]).apply(Functions.COS)))
                    .add(x[0].apply(Functions.COS).scale(2 * g)).add(x[1].apply(Functions.COS).scale(g));
        }

        @Override
        public ModelSpec spec() {
            return new ModelSpec(4, 1, DataType.FLOAT64, 0, Map.of());
        }

        @Override
        public NDList parameters() {
            return new NDList();
        }

        @Override
        public NDArray forward(NDArray x) {
            throw new UnsupportedOperationException("only the jet forward pass is needed here");
        }

        @Override
        public void close() {
        }
    }
}
