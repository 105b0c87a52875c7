package org.ansatz.api.sampler;

/**
 * The outcome of a resampling.
 *
 * @param points  the new collocation points, row-major; their number may differ from before (RAR grows)
 * @param weights a fixed weight per point for the residual loss (e.g. a causal gate), or {@code null}
 *                for equal weights
 */
public record Resampled(double[] points, double[] weights) {
}
