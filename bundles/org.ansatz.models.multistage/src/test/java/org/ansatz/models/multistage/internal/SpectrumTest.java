package org.ansatz.models.multistage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ansatz.api.pde.Box;
import org.junit.jupiter.api.Test;

/** Magnitudes and dominant frequencies of known fields, and the residue estimated from a residual. */
class SpectrumTest {

    @Test
    void aSineIsFoundWithItsFrequencyAndRms() {
        Box box = new Box(new double[] {-1}, new double[] {1});
        int[] counts = Spectrum.counts(1);
        double[] x = Spectrum.grid(box, counts);
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = 2e-6 * Math.sin(2 * Math.PI * 3 * x[i] + 0.4) + 1e-7 * Math.cos(2 * Math.PI * 9.5 * x[i]);
        }
        Spectrum s = Spectrum.of(v, 1, null, counts, box);
        assertThat(s.frequency()).isEqualTo(3.0);
        assertThat(s.rms()).isCloseTo(Math.sqrt(2e-6 * 2e-6 / 2 + 1e-7 * 1e-7 / 2), within(1e-9));
    }

    @Test
    void aPlaneWaveIn2dHasTheLengthOfItsWaveVector() {
        Box box = new Box(new double[] {0, 0}, new double[] {1, 2});
        int[] counts = Spectrum.counts(2);
        double[] p = Spectrum.grid(box, counts);
        double[] v = new double[p.length / 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(2 * Math.PI * (4 * p[2 * i] + 1.5 * p[2 * i + 1]));
        }
        assertThat(Spectrum.of(v, 1, null, counts, box).frequency()).isCloseTo(Math.hypot(4, 1.5), within(1e-12));
    }

    @Test
    void theResidueOfASecondOrderEquationIsReadFromItsResidual() {
        // e = 1e-8 sin(pi x) on [0, 1] (half a wave) plus tiny high-frequency noise; r = e'' dominated by
        // the noise, which differentiation amplified a hundredfold.
        Box box = new Box(new double[] {0}, new double[] {1});
        int[] counts = Spectrum.counts(1);
        double[] x = Spectrum.grid(box, counts);
        double[] r = new double[x.length];
        double w = 2 * Math.PI * 40;
        for (int i = 0; i < x.length; i++) {
            r[i] = -Math.PI * Math.PI * 1e-8 * Math.sin(Math.PI * x[i]) - w * w * 1e-10 * Math.sin(w * x[i]);
        }
        Spectrum residual = Spectrum.of(r, 1, null, counts, box);
        assertThat(residual.frequency()).as("the residual itself is the noise").isEqualTo(40.0);
        Spectrum residue = Spectrum.of(r, 1, null, counts, box, 2);
        // A half wave is no Fourier mode of the box: its power spreads over the lowest modes.
        assertThat(residue.frequency()).isLessThanOrEqualTo(1.0);
        assertThat(residue.rms()).isBetween(0.3 * 1e-8 / Math.sqrt(2), 3 * 1e-8 / Math.sqrt(2));
    }

    @Test
    void aConstantResidualMeansAParabolaNotNothing() {
        Box box = new Box(new double[] {-1}, new double[] {1});
        int[] counts = Spectrum.counts(1);
        double[] r = new double[counts[0]];
        java.util.Arrays.fill(r, 2e-9);
        // u_xx = 2e-9 with zero ends: e = 1e-9 (x^2 - 1), RMS 1e-9 sqrt(8/15).
        Spectrum s = Spectrum.of(r, 1, null, counts, box, 2);
        assertThat(s.frequency()).isEqualTo(0.25);
        assertThat(s.rms()).isBetween(0.5e-9 * Math.sqrt(8.0 / 15), 2e-9 * Math.sqrt(8.0 / 15));
    }
}
