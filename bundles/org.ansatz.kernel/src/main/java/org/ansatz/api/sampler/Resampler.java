package org.ansatz.api.sampler;

import java.util.SplittableRandom;
import org.osgi.annotation.versioning.ConsumerType;

/** The per-run state of an adaptive sampler. */
@ConsumerType
public interface Resampler {

    /** Optimizer steps between calls to {@link #resample}. */
    int every();

    /**
     * New collocation points for the residual loss.
     *
     * @param current the points now in use with their residual magnitudes
     * @param domain  draws fresh points in the problem's domain
     * @param random  the run's source of randomness
     */
    Resampled resample(Population current, Domain domain, SplittableRandom random);
}
