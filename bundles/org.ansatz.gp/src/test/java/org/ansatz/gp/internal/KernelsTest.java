package org.ansatz.gp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Kernel derivatives against finite differences of the order below; parameter derivatives likewise. */
class KernelsTest {

    static List<Kernel1d> all() {
        return List.of(new Kernels.Rbf(0.3, -0.7), new Kernels.Matern(3, 0.1, -0.4), new Kernels.Matern(5, -0.2, -0.3),
                new Kernels.Periodic(0.2, -0.1, -0.5),
                new Kernels.SpectralMixture(false, new double[] {-0.3, -1.2}, new double[] {0.4, 2.1},
                        new double[] {-0.8, -1.5}),
                new Kernels.SpectralMixture(true, new double[] {-0.3, -1.2}, new double[] {0.4, 2.1},
                        new double[] {-0.8, -1.5}));
    }

    @Test
    void derivativesAreTheDerivativesOfTheOrderBelow() {
        double h = 1e-5;
        for (Kernel1d k : all()) {
            for (int n = 1; n <= k.maxOrder(); n++) {
                for (double r : new double[] {-0.83, -0.21, 0.05, 0.37, 1.3}) {
                    double fd = (k.derivative(r + h, n - 1) - k.derivative(r - h, n - 1)) / (2 * h);
                    double scale = Math.max(1, Math.abs(fd));
                    assertThat(k.derivative(r, n)).as(k.name() + " order " + n + " at " + r)
                            .isCloseTo(fd, within(1e-6 * scale * Math.pow(10, n)));
                }
            }
        }
    }

    @Test
    void evenDerivativesAreEvenAndOddOnesOdd() {
        for (Kernel1d k : all()) {
            for (int n = 0; n <= k.maxOrder(); n++) {
                double a = k.derivative(0.41, n);
                double b = k.derivative(-0.41, n);
                assertThat(b).as(k.name() + " order " + n).isCloseTo(n % 2 == 0 ? a : -a,
                        within(1e-13 * Math.max(1, Math.abs(a))));
            }
        }
    }

    @Test
    void parameterDerivativesMatchDifferencesOfTheWholeKernel() {
        for (Kernel1d k : all()) {
            double[] p = k.parameters();
            for (int i = 0; i < p.length; i++) {
                for (int n : new int[] {0, Math.min(2, k.maxOrder())}) {
                    double h = 1e-6;
                    double[] up = p.clone();
                    double[] dn = p.clone();
                    up[i] += h;
                    dn[i] -= h;
                    double fd = (k.with(up).derivative(0.3, n) - k.with(dn).derivative(0.3, n)) / (2 * h);
                    assertThat(k.parameterDerivative(0.3, n, i)).as(k.name() + " parameter " + i + " order " + n)
                            .isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
                }
            }
        }
    }

    @Test
    void spectralMixtureIsItsComponentsSumAndPrunesLightOnes() {
        Kernels.SpectralMixture sm = new Kernels.SpectralMixture(false, new double[] {0, Math.log(1e-12), Math.log(0.5)},
                new double[] {1, 3, 0}, new double[] {-1, -1, -2});
        // k(0) is the sum of the weights; the Gaussian component's closed form at r = 0.2.
        assertThat(sm.value(0)).isCloseTo(1 + 1e-12 + 0.5, within(1e-12));
        double s = Math.exp(-1);
        double expect = Math.exp(-2 * Math.PI * Math.PI * s * s * 0.04) * Math.cos(2 * Math.PI * 0.2)
                + 1e-12 * Math.exp(-2 * Math.PI * Math.PI * s * s * 0.04) * Math.cos(2 * Math.PI * 3 * 0.2)
                + 0.5 * Math.exp(-2 * Math.PI * Math.PI * Math.exp(-4) * 0.04);
        assertThat(sm.value(0.2)).isCloseTo(expect, within(1e-12));
        assertThat(sm.pruned(1e-8).components()).isEqualTo(2);
    }

    @Test
    void nonDifferentiableKernelsSaySo() {
        assertThatThrownBy(() -> new Kernels.Matern(1, 0, 0).derivative(0.1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not differentiable");
        assertThatThrownBy(() -> Kernels.create("gauss", 1, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown kernel 'gauss'").hasMessageContaining("matern52");
        assertThatThrownBy(() -> new Kernels.Rbf(0, 0).with(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 2 parameters");
    }
}
