package org.ansatz.api.optim;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/** Creates optimizers; registered with {@code ansatz.name}, e.g. {@code adam}, {@code lbfgs}, {@code multiadam}. */
@ConsumerType
public interface OptimizerFactory {

    /**
     * @param dimension length of the parameter vector
     * @param options   optimizer-specific options (e.g. {@code beta1}, {@code history}); read with
     *                  {@link org.ansatz.api.method.Options} so that unknown keys are reported
     * @throws IllegalArgumentException naming an unknown or malformed option
     */
    Optimizer create(int dimension, Map<String, Object> options);
}
