package org.ansatz.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Equation;
import org.ansatz.api.discovery.Observations;
import org.ansatz.api.discovery.Term;
import org.junit.jupiter.api.Test;

class ModelErrorDiscoveryTest {

    private static final ModelErrorDiscovery MEDIDA = new ModelErrorDiscovery("medida");

    @Test
    void findsTheHyperdiffusionRemovedFromKuramotoSivashinsky() {
        Observations ks = Systems.ks(128, 1501, 30);
        Discovery d = MEDIDA.discover(ks, Map.of("model", "u_t = -u*u_x - u_xx", "library.derivatives", "4"));
        Equation u = d.equation("u_t").orElseThrow();
        assertThat(u.terms()).extracting(Term::name).containsExactly("u_xxxx");
        assertThat(u.coefficient("u_xxxx")).isCloseTo(-1, org.assertj.core.data.Offset.offset(0.005));
        assertThat(u.rhs()).startsWith("(-u*u_x - u_xx) - ");
    }

    @Test
    void findsTheNonlinearTermRemovedFromKuramotoSivashinsky() {
        Observations ks = Systems.ks(128, 1001, 20);
        Discovery d = MEDIDA.discover(ks, Map.of("model", "u_t = -u_xx - u_xxxx", "library.derivatives", "4"));
        Equation u = d.equation("u_t").orElseThrow();
        assertThat(u.terms()).extracting(Term::name).containsExactly("u*u_x");
        assertThat(u.coefficient("u*u_x")).isCloseTo(-1, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void findsAMissingTermOfAnOdeWithEveryRegressorVariant() {
        Observations lorenz = Systems.lorenz(2000, 0.005);
        String model = "x_t = 10*(y - x); y_t = 28*x - y; z_t = x*y - 8/3*z";
        Discovery d = MEDIDA.discover(lorenz, Map.of("model", model));
        Equation y = d.equation("y_t").orElseThrow();
        assertThat(y.terms()).extracting(Term::name).containsExactly("x*z");
        assertThat(y.coefficient("x*z")).isCloseTo(-1, org.assertj.core.data.Offset.offset(5e-3));
        assertThat(d.equation("x_t").orElseThrow().terms()).isEmpty();
        assertThat(d.equation("z_t").orElseThrow().terms()).isEmpty();
        Discovery tangent = MEDIDA.discover(lorenz, Map.of("model", model, "error.order", "second"));
        assertThat(tangent.equation("y_t").orElseThrow().coefficient("x*z")).isCloseTo(-1, org.assertj.core.data.Offset.offset(5e-3));
        assertThat(tangent.equation("x_t").orElseThrow().terms()).isEmpty();
    }

    @Test
    void noisyFieldsAreHandledByRestrictingToResolvedModes() {
        Observations ks = Systems.addNoise(Systems.ks(128, 1001, 40), 0.01, 3);
        Discovery d = MEDIDA.discover(ks, Map.of("model", "u_t = -u*u_x - u_xx", "library.derivatives", "4",
                "filter", "lowpass", "stride", "3", "error.order", "second"));
        Equation u = d.equation("u_t").orElseThrow();
        assertThat(u.terms()).extracting(Term::name).containsExactly("u_xxxx");
        assertThat(u.coefficient("u_xxxx")).isCloseTo(-1, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void ensembleKalmanFilterEstimatesTheStateBetterThanTheObservations() {
        Observations clean = Systems.ks(32, 61, 6);
        Observations noisy = Systems.addNoise(clean, 0.1, 4);
        ModelErrorDiscovery.Model model = new ModelErrorDiscovery.Model("u_t = -u*u_x - u_xx - u_xxxx", noisy);
        int nt = clean.time().length;
        double[][] obs = new double[nt][];
        for (int i = 0; i < nt; i++) {
            obs[i] = java.util.Arrays.copyOfRange(noisy.values("u"), i * 32, (i + 1) * 32);
        }
        double dt = clean.time()[1];
        double sigma = 0;
        double[] u = clean.values("u");
        double[] v = noisy.values("u");
        for (int k = 0; k < u.length; k++) {
            sigma += (u[k] - v[k]) * (u[k] - v[k]) / u.length;
        }
        sigma = Math.sqrt(sigma);
        double[][] analysis = ModelErrorDiscovery.enkf(model, obs, dt, ModelErrorDiscovery.substeps(model, obs, dt), 30,
                sigma, 1.05, 6, 1, new java.util.HashMap<>());
        double err = 0;
        int count = 0;
        for (int i = nt / 2; i < nt; i++) {
            for (int j = 0; j < 32; j++) {
                err += Math.pow(analysis[i][j] - u[i * 32 + j], 2);
                count++;
            }
        }
        // with the right model the filter must beat the raw observations by a clear margin
        assertThat(Math.sqrt(err / count)).isLessThan(0.6 * sigma);
    }

    @Test
    void modelErrorsAreNamed() {
        Observations ks = Systems.ks(32, 20, 1);
        assertThatThrownBy(() -> MEDIDA.discover(ks, Map.of())).hasMessageContaining("known model");
        assertThatThrownBy(() -> MEDIDA.discover(ks, Map.of("model", "v_t = u"))).hasMessageContaining("no equation for u_t");
        assertThatThrownBy(() -> MEDIDA.discover(ks, Map.of("model", "u_t = -q*u_x"))).hasMessageContaining("unknown symbol 'q'");
        assertThatThrownBy(() -> MEDIDA.discover(ks, Map.of("model", "u_t = -u_xx", "filter", "enkf")))
                .hasMessageContaining("enkf.noise");
    }
}
