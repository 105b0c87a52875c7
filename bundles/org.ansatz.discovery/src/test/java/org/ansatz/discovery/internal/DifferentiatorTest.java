package org.ansatz.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DifferentiatorTest {

    /** Max error of the derivative of sin(3t) + t^2 on [0, 2], interior and ends. */
    private static double error(Differentiator d, int n, int order) {
        double h = 2.0 / (n - 1);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i * h;
            f[i] = Math.sin(3 * t) + t * t;
        }
        double[] df = d.derivative(f, h, order);
        double max = 0;
        for (int i = 0; i < n; i++) {
            double t = i * h;
            double exact = order == 1 ? 3 * Math.cos(3 * t) + 2 * t : -9 * Math.sin(3 * t) + 2;
            max = Math.max(max, Math.abs(df[i] - exact));
        }
        return max;
    }

    private static double rate(Differentiator d, int order) {
        return Math.log(error(d, 101, order) / error(d, 201, order)) / Math.log(200.0 / 100.0);
    }

    @Test
    void finiteDifferencesConvergeAtTheirOrderIncludingTheEnds() {
        assertThat(rate(new Differentiator.FiniteDifference(2), 1)).isBetween(1.8, 2.3);
        assertThat(rate(new Differentiator.FiniteDifference(4), 1)).isBetween(3.7, 4.5);
        assertThat(rate(new Differentiator.FiniteDifference(2), 2)).isBetween(1.8, 2.4);
        assertThat(rate(new Differentiator.FiniteDifference(4), 2)).isBetween(3.6, 4.6);
    }

    @Test
    void savitzkyGolayIsExactForPolynomialsOfItsDegreeAndConvergesOtherwise() {
        Differentiator sg = new Differentiator.SavitzkyGolay(11, 3);
        int n = 50;
        double h = 0.1;
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i * h;
            f[i] = 1 - 2 * t + 0.5 * t * t * t;
        }
        double[] d = sg.derivative(f, h, 1);
        double[] s = sg.smooth(f, h);
        for (int i = 0; i < n; i++) {
            double t = i * h;
            assertThat(d[i]).isCloseTo(-2 + 1.5 * t * t, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(s[i]).isCloseTo(f[i], org.assertj.core.data.Offset.offset(1e-9));
        }
        // degree 3 fits: the first derivative's error falls like h^3 with the window fixed in points
        assertThat(rate(sg, 1)).isBetween(2.7, 4.5);
    }

    @Test
    void spectralDifferencesAreExactForResolvedPeriodicFunctions() {
        for (int n : new int[] {64, 60}) {
            double length = 2 * Math.PI;
            double h = length / n;
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = Math.sin(2 * i * h) + 0.5 * Math.cos(5 * i * h);
            }
            Differentiator sp = new Differentiator.Spectral();
            double[] d1 = sp.derivative(f, h, 1);
            double[] d4 = sp.derivative(f, h, 4);
            for (int i = 0; i < n; i++) {
                double x = i * h;
                assertThat(d1[i]).isCloseTo(2 * Math.cos(2 * x) - 2.5 * Math.sin(5 * x), org.assertj.core.data.Offset.offset(1e-10));
                assertThat(d4[i]).isCloseTo(16 * Math.sin(2 * x) + 0.5 * 625 * Math.cos(5 * x), org.assertj.core.data.Offset.offset(1e-7));
            }
        }
    }

    @Test
    void totalVariationBeatsFiniteDifferencesOnNoisyDataAndIsAccurateOnCleanData() {
        int n = 400;
        double h = 0.01;
        double[] clean = new double[n];
        double[] noisy = new double[n];
        Random rnd = new Random(1);
        for (int i = 0; i < n; i++) {
            clean[i] = Math.sin(2 * i * h);
            noisy[i] = clean[i] + 0.01 * rnd.nextGaussian();
        }
        Differentiator tv = new Differentiator.TotalVariation(1e-2, 20);
        Differentiator fd = new Differentiator.FiniteDifference(2);
        double errTv = 0;
        double errFd = 0;
        double errClean = 0;
        double[] a = tv.derivative(noisy, h, 1);
        double[] b = fd.derivative(noisy, h, 1);
        double[] c = new Differentiator.TotalVariation(1e-5, 20).derivative(clean, h, 1);
        for (int i = 20; i < n - 20; i++) {
            double exact = 2 * Math.cos(2 * i * h);
            errTv += (a[i] - exact) * (a[i] - exact);
            errFd += (b[i] - exact) * (b[i] - exact);
            errClean = Math.max(errClean, Math.abs(c[i] - exact));
        }
        assertThat(Math.sqrt(errTv)).isLessThan(Math.sqrt(errFd) / 5);
        assertThat(errClean).isLessThan(0.02);
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> new Differentiator.SavitzkyGolay(10, 3)).hasMessageContaining("odd");
        assertThatThrownBy(() -> new Differentiator.SavitzkyGolay(5, 5)).hasMessageContaining("degree");
        assertThatThrownBy(() -> new Differentiator.FiniteDifference(3)).hasMessageContaining("accuracy");
        assertThatThrownBy(() -> new Differentiator.FiniteDifference(2).derivative(new double[10], 0, 1))
                .hasMessageContaining("spacing");
        assertThatThrownBy(() -> new Differentiator.SavitzkyGolay(5, 2).derivative(new double[10], 1, 3))
                .hasMessageContaining("order 3");
    }
}
