package org.ansatz.api.metric;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An error measure of a prediction against a reference, over matching flat arrays (all outputs of all
 * points). Registered with {@code ansatz.name}, e.g. {@code rel-l2}.
 */
@ConsumerType
public interface Metric {

    /**
     * @throws IllegalArgumentException when the arrays differ in length
     */
    double evaluate(double[] predicted, double[] reference);

    /** Whether smaller values are better (true for errors). */
    default boolean lowerIsBetter() {
        return true;
    }
}
