package org.ansatz.api.optim;

import java.util.List;
import java.util.SplittableRandom;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The loss terms at one point (e.g. {@code pde}, {@code bc}, {@code ic}), each a mean of squared
 * residuals. Gradients cost one backward pass each and are cached; the forward pass is shared.
 */
@ProviderType
public interface Terms {

    /** Term names, in a fixed order. */
    List<String> names();

    default int size() {
        return names().size();
    }

    /** The value of term {@code k} (unweighted). */
    double loss(int k);

    /** All term values (unweighted). */
    default double[] losses() {
        double[] out = new double[size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = loss(k);
        }
        return out;
    }

    /** Gradient of term {@code k} with respect to the parameters. */
    double[] gradient(int k);

    /** Gradient of {@code sum_k weights[k] * loss(k)}, in one backward pass. */
    double[] gradient(double[] weights);

    /**
     * An unbiased estimate of {@code (1/N) sum_i |d r_i / d theta|^2} over the {@code N} residuals of
     * term {@code k}: the trace of that term's neural tangent kernel, per point (Hutchinson's
     * estimator with {@code probes} random sign vectors).
     */
    double kernelTrace(int k, int probes, SplittableRandom random);
}
