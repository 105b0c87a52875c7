package org.ansatz.discovery.internal;

/**
 * Coefficients of one regression over the whole library, with one-sigma uncertainties (NaN where
 * unknown) and the coefficient of determination on the data it was fitted to.
 */
record Fit(double[] coefficients, double[] stdErrors, double r2) {

    int[] support() {
        return Regression.support(coefficients);
    }
}
