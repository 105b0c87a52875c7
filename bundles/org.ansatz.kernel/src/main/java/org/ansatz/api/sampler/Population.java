package org.ansatz.api.sampler;

/**
 * Collocation points with their residuals.
 *
 * @param dimension coordinates per point
 * @param points    row-major {@code size * dimension}
 * @param residuals |residual| per point (the largest over equations for systems)
 * @param step      the optimizer step the residuals belong to
 */
public record Population(int dimension, double[] points, double[] residuals, long step) {

    public Population {
        if (points.length != residuals.length * dimension) {
            throw new IllegalArgumentException("shape mismatch: " + points.length / Math.max(1, dimension)
                    + " points but " + residuals.length + " residuals");
        }
    }

    public int size() {
        return residuals.length;
    }
}
