package org.ansatz.kernel.internal.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErrorsTest {

    private final double[] ref = {3, 4, 0, 0};
    private final double[] pred = {3, 4, 1, -2};

    @Test
    void matchesHandComputedValues() {
        // ||e|| = sqrt(5), ||r|| = 5
        assertThat(Errors.relativeL2(pred, ref)).isCloseTo(Math.sqrt(5) / 5, within(1e-15));
        assertThat(Errors.rmse(pred, ref)).isCloseTo(Math.sqrt(5.0 / 4), within(1e-15));
        assertThat(Errors.maxAbs(pred, ref)).isEqualTo(2.0);
        assertThat(Errors.meanAbs(pred, ref)).isEqualTo(0.75);
    }

    @Test
    void compensatedSumKeepsTinyErrorsOverManyPoints() {
        int n = 10_000_000;
        double[] r = new double[n];
        double[] p = new double[n];
        java.util.Arrays.fill(r, 1.0);
        java.util.Arrays.fill(p, 1.0 + 1e-9);
        assertThat(Errors.relativeL2(p, r)).isCloseTo(1e-9, within(1e-15));
    }

    @Test
    void zeroReferenceGivesAbsoluteError() {
        assertThat(Errors.relativeL2(new double[] {3, 4}, new double[] {0, 0})).isEqualTo(5.0);
    }

    @Test
    void nanIsNotHidden() {
        assertThat(Errors.maxAbs(new double[] {0, Double.NaN}, new double[] {0, 0})).isNaN();
        assertThat(Errors.relativeL2(new double[] {Double.NaN}, new double[] {1})).isNaN();
    }

    @Test
    void shapeMismatchNamesBothSizes() {
        assertThatThrownBy(() -> Errors.rmse(new double[3], new double[4]))
                .hasMessageContaining("shape mismatch").hasMessageContaining("3").hasMessageContaining("4");
    }
}
