package org.ansatz.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.ansatz.api.discovery.Discovery;
import org.ansatz.api.discovery.Equation;
import org.ansatz.api.discovery.Observations;
import org.ansatz.api.discovery.Term;
import org.junit.jupiter.api.Test;

class SparseDiscoveryTest {

    static final Map<String, Map<String, Double>> LORENZ = Map.of(
            "x_t", Map.of("x", -10.0, "y", 10.0),
            "y_t", Map.of("x", 28.0, "y", -1.0, "x*z", -1.0),
            "z_t", Map.of("z", -8.0 / 3, "x*y", 1.0));

    /** Exact sparsity pattern; every coefficient within {@code rel}; optionally within 3 sigma. */
    static void assertLorenz(Discovery d, double rel, boolean covered) {
        for (Map.Entry<String, Map<String, Double>> eq : LORENZ.entrySet()) {
            Equation e = d.equation(eq.getKey()).orElseThrow();
            assertThat(e.terms().stream().map(Term::name).toList()).as(e.text())
                    .containsExactlyInAnyOrderElementsOf(eq.getValue().keySet());
            for (Term t : e.terms()) {
                double truth = eq.getValue().get(t.name());
                assertThat(Math.abs(t.coefficient() - truth)).as(e.lhs() + " " + t).isLessThan(rel * Math.abs(truth));
                if (covered) {
                    assertThat(Math.abs(t.coefficient() - truth)).as(e.lhs() + " " + t + " within 3 sigma")
                            .isLessThanOrEqualTo(3 * t.stdError());
                }
            }
        }
    }

    static Observations lorenz(double noise) {
        Observations clean = Systems.lorenz(2500, 0.002);
        return noise > 0 ? Systems.addNoise(clean, noise, 1) : clean;
    }

    @Test
    void sindyRecoversLorenzExactlyFromCleanData() {
        Discovery d = new SparseDiscovery("sindy", SparseDiscovery.Optimizer.STLSQ, false).discover(lorenz(0), Map.of());
        assertLorenz(d, 1e-5, false);
    }

    @Test
    void sr3RecoversLorenzExactlyFromCleanData() {
        Discovery d = new SparseDiscovery("sr3", SparseDiscovery.Optimizer.SR3, false).discover(lorenz(0),
                Map.of("threshold", "0.5"));
        assertLorenz(d, 1e-5, false);
    }

    @Test
    void weakSindyRecoversLorenzFromOnePercentNoiseWithHonestUncertainty() {
        Observations noisy = Systems.addNoise(Systems.lorenz(5000, 0.002), 0.01, 1);
        Discovery d = new SparseDiscovery("weak-sindy", SparseDiscovery.Optimizer.STLSQ, true).discover(noisy, Map.of());
        assertLorenz(d, 0.02, true);
    }

    @Test
    void ensembleAndRvmReportUncertaintyCoveringTheTruthOnNoisyData() {
        Observations noisy = Systems.addNoise(Systems.lorenz(5000, 0.002), 0.01, 2);
        Discovery ens = new SparseDiscovery("ensemble-sindy", SparseDiscovery.Optimizer.ENSEMBLE, false).discover(noisy,
                Map.of("derivative", "savgol", "ensemble.models", "40", "threshold", "0.5"));
        assertLorenz(ens, 0.03, true);
        Discovery rvm = new SparseDiscovery("rvm", SparseDiscovery.Optimizer.RVM, false).discover(noisy,
                Map.of("derivative", "savgol", "rvm.threshold", "0.01"));
        assertLorenz(rvm, 0.03, true);
    }

    @Test
    void vanDerPolNeedsACubicLibraryAndGetsIt() {
        Discovery d = new SparseDiscovery("sindy", SparseDiscovery.Optimizer.STLSQ, false)
                .discover(Systems.vanDerPol(1, 2000, 0.01), Map.of("library.degree", "3"));
        Equation y = d.equation("y_t").orElseThrow();
        assertThat(y.terms()).hasSize(3);
        assertThat(y.coefficient("x")).isCloseTo(-1, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(y.coefficient("y")).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(y.coefficient("x^2*y")).isCloseTo(-1, org.assertj.core.data.Offset.offset(1e-4));
        Equation x = d.equation("x_t").orElseThrow();
        assertThat(x.terms()).hasSize(1);
        assertThat(x.coefficient("y")).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void pdeFindRecoversBurgersViscosity() {
        Observations burgers = Systems.burgers(0.1, 128, 101, 10);
        Discovery d = new SparseDiscovery("sindy", SparseDiscovery.Optimizer.STLSQ, false).discover(burgers, Map.of());
        Equation u = d.equation("u_t").orElseThrow();
        assertThat(u.terms().stream().map(Term::name).toList()).containsExactlyInAnyOrder("u*u_x", "u_xx");
        assertThat(u.coefficient("u_xx")).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.1 * 0.01));
        assertThat(u.coefficient("u*u_x")).isCloseTo(-1, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void customAndFourierTermsAreCandidates() {
        // x' = -sin(x) + 0.5*cos(y), y' = -y
        Observations o = Observations.trajectory(Systems.times(2000, 0.005), List.of("x", "y"),
                List.of(Ode.integrate((t, s, out) -> {
                    out[0] = -Math.sin(s[0]) + 0.5 * Math.cos(s[1]);
                    out[1] = -s[1];
                }, new double[] {2.5, 2}, 2000, 0.005, 10)));
        Discovery d = new SparseDiscovery("sindy", SparseDiscovery.Optimizer.STLSQ, false).discover(o,
                Map.of("library.degree", "1", "library.fourier", "1", "library.custom", "x*exp(-y)"));
        Equation x = d.equation("x_t").orElseThrow();
        assertThat(x.terms().stream().map(Term::name).toList()).containsExactlyInAnyOrder("sin(x)", "cos(y)");
        assertThat(x.coefficient("cos(y)")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void badOptionsAreNamed() {
        SparseDiscovery s = new SparseDiscovery("sindy", SparseDiscovery.Optimizer.STLSQ, false);
        Observations o = lorenz(0);
        assertThatThrownBy(() -> s.discover(o, Map.of("treshold", "0.1"))).hasMessageContaining("treshold");
        assertThatThrownBy(() -> s.discover(o, Map.of("threshold", "-1"))).hasMessageContaining("threshold");
        assertThatThrownBy(() -> s.discover(o, Map.of("derivative", "magic"))).hasMessageContaining("derivative");
        assertThatThrownBy(() -> s.discover(o, Map.of("library.custom", "sin(q)"))).hasMessageContaining("unknown symbol 'q'");
        assertThatThrownBy(() -> Observations.trajectory(new double[] {0, 1, 2, 4, 5}, List.of("x"),
                List.of(new double[5]))).hasMessageContaining("uniformly spaced");
        assertThatThrownBy(() -> Observations.trajectory(new double[] {0, 1, 2, 3, 4}, List.of("x"),
                List.of(new double[4]))).hasMessageContaining("expected 5");
    }
}
