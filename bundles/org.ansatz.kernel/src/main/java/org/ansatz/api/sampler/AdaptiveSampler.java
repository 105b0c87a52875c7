package org.ansatz.api.sampler;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A residual-adaptive sampler (RAR, RAD, R3, ...): draws the first collocation points like a plain
 * {@link Sampler} and then moves them during training, using the residuals the training loop has
 * already computed in its forward pass.
 */
@ConsumerType
public interface AdaptiveSampler extends Sampler {

    /**
     * @param options sampler-specific options (e.g. {@code every}, {@code k}), read with
     *                {@link org.ansatz.api.method.Options}
     * @throws IllegalArgumentException naming an unknown or malformed option
     */
    Resampler create(Map<String, Object> options);
}
