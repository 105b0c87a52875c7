package org.ansatz.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The FFT against the DFT by its definition, summed directly. */
class FftTest {

    /** {@code X_k = sum_j x_j e^{-2 pi i jk/n}}, angles reduced mod n so they stay exact. */
    private static double[][] naive(double[] re, double[] im) {
        int n = re.length;
        double[] outRe = new double[n];
        double[] outIm = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double angle = -2 * Math.PI * ((long) j * k % n) / n;
                outRe[k] += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
                outIm[k] += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
            }
        }
        return new double[][] {outRe, outIm};
    }

    @Test
    void matchesTheNaiveDftAndInvertsIt() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 4, 8, 64, 512, 1024}) {
            double[] re = random.doubles(n, -1, 1).toArray();
            double[] im = random.doubles(n, -1, 1).toArray();
            double[][] expected = naive(re, im);
            Fft fft = new Fft(n);
            double[] fr = re.clone();
            double[] fi = im.clone();
            fft.forward(fr, fi);
            double worst = 0;
            for (int k = 0; k < n; k++) {
                worst = Math.max(worst, Math.hypot(fr[k] - expected[0][k], fi[k] - expected[1][k]));
            }
            assertThat(worst).as("n = %d", n).isLessThan(1e-12);
            fft.inverse(fr, fi);
            for (int j = 0; j < n; j++) {
                assertThat(Math.hypot(fr[j] - re[j], fi[j] - im[j])).as("n = %d", n).isLessThan(1e-14);
            }
        }
    }

    @Test
    void transformsASingleModeToOneSpike() {
        int n = 16;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int j = 0; j < n; j++) {
            re[j] = Math.cos(2 * Math.PI * 3 * j / n);
            im[j] = Math.sin(2 * Math.PI * 3 * j / n);
        }
        new Fft(n).forward(re, im);
        for (int k = 0; k < n; k++) {
            assertThat(Math.hypot(re[k] - (k == 3 ? n : 0), im[k])).isLessThan(1e-13);
        }
    }

    @Test
    void refusesLengthsThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> new Fft(12)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fft(8).forward(new double[4], new double[4]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
