package org.ansatz.discovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RegressionTest {

    static final double[] TRUE = {0, 1.5, 0, -2.0, 0, 0.7};

    /** 6 correlated columns, 3 of them active. */
    static Mat design(int n, long seed) {
        Random rnd = new Random(seed);
        Mat a = new Mat(n, TRUE.length);
        for (int i = 0; i < n; i++) {
            double u = rnd.nextGaussian();
            for (int j = 0; j < TRUE.length; j++) {
                a.set(i, j, 0.5 * u + rnd.nextGaussian() * (j + 1));
            }
        }
        return a;
    }

    static double[] target(Mat a, double noise, long seed) {
        Random rnd = new Random(seed);
        double[] y = a.times(TRUE);
        for (int i = 0; i < y.length; i++) {
            y[i] += noise * rnd.nextGaussian();
        }
        return y;
    }

    @Test
    void cleanDataGiveExactCoefficients() {
        Mat a = design(200, 1);
        double[] y = target(a, 0, 2);
        assertThat(Regression.stlsq(a, y, 0.1, 0, 20)).containsExactly(TRUE, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(Regression.sr3(a, y, 0.1, 1, false, 10000, 1e-12)).containsExactly(TRUE, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(Regression.sr3(a, y, 0.05, 1, true, 10000, 1e-12)).containsExactly(TRUE, org.assertj.core.data.Offset.offset(1e-10));
        assertThat(Regression.rvm(a, y, 500, 1e-3).coefficients()).containsExactly(TRUE, org.assertj.core.data.Offset.offset(1e-6));
        double t = Regression.autoThreshold(a, y, th -> (m, v) -> Regression.stlsq(m, v, th, 0, 20), 0.1);
        assertThat(Regression.support(Regression.stlsq(a, y, t, 0, 20))).containsExactly(1, 3, 5);
    }

    @Test
    void noisyDataReportUncertaintyThatCoversTheTruth() {
        int covered = 0;
        int total = 0;
        for (long seed = 0; seed < 20; seed++) {
            Mat a = design(300, 100 + seed);
            double[] y = target(a, 0.5, 200 + seed);
            double[] xi = Regression.stlsq(a, y, 0.3, 0, 20);
            double[] se = Regression.standardErrors(a, y, xi);
            Fit rvm = Regression.rvm(a, y, 500, 1e-3);
            Fit ens = Regression.ensemble(a, y, (m, v) -> Regression.stlsq(m, v, 0.3, 0, 20), 60, 1, 0.5, seed);
            for (int j : new int[] {1, 3, 5}) {
                total += 3;
                covered += Math.abs(xi[j] - TRUE[j]) <= 2 * se[j] ? 1 : 0;
                covered += Math.abs(rvm.coefficients()[j] - TRUE[j]) <= 2 * rvm.stdErrors()[j] ? 1 : 0;
                covered += Math.abs(ens.coefficients()[j] - TRUE[j]) <= 2 * ens.stdErrors()[j] ? 1 : 0;
                assertThat(se[j]).isGreaterThan(0);
            }
            assertThat(Regression.support(xi)).containsExactly(1, 3, 5);
        }
        // two-sigma intervals: about 95 % coverage expected; 85 % guards against overconfidence
        assertThat((double) covered / total).isGreaterThan(0.85);
    }

    @Test
    void autocorrelatedResidualsInflateTheErrors() {
        double[] white = new double[1000];
        double[] red = new double[1000];
        Random rnd = new Random(3);
        for (int i = 0; i < white.length; i++) {
            white[i] = rnd.nextGaussian();
            red[i] = (i > 0 ? 0.9 * red[i - 1] : 0) + rnd.nextGaussian();
        }
        assertThat(Regression.autocorrelationInflation(white)).isBetween(0.9, 1.2);
        assertThat(Regression.autocorrelationInflation(red)).isBetween(12.0, 26.0);
    }
}
