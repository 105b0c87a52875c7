package org.ansatz.api.run;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Training state of a plug-in object (an optimizer, a loss balancer, an adaptive sampler's resampler)
 * that a checkpoint saves so that a resumed run continues bit for bit. Objects that do not implement
 * it are saved field by field when their fields are plain data (numbers, strings, arrays, collections,
 * records); implement it when they hold anything else, such as a {@link java.util.SplittableRandom}.
 */
@ConsumerType
public interface Checkpointable {

    /**
     * The state as a tree: {@code Map<String, ?>} and {@code List<?>} nodes with {@code String},
     * {@code Boolean}, {@code Integer}, {@code Long}, {@code Double} leaves and {@code double[]},
     * {@code long[]}, {@code int[]} arrays. The caller stores it exactly (doubles bit for bit).
     */
    Map<String, Object> saveState();

    /** Restores what {@link #saveState()} returned, into an object created with the same options. */
    void restoreState(Map<String, Object> state);
}
