package org.ansatz.api.optim;

import ai.djl.ndarray.NDList;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/** Creates optimizers; registered with {@code ansatz.name}, e.g. {@code adam}, {@code lbfgs}. */
@ConsumerType
public interface OptimizerFactory {

    /**
     * @param parameters what to update, with gradients attached
     * @param options    optimizer-specific options (learning rate, betas, history size, ...)
     * @throws IllegalArgumentException naming an unknown or malformed option
     */
    Optimizer create(NDList parameters, Map<String, Object> options);
}
