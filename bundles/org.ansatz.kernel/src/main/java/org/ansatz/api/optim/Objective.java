package org.ansatz.api.optim;

import org.osgi.annotation.versioning.ConsumerType;

/** What an optimizer minimises: a scalar loss made of named terms, over a flat parameter vector. */
@FunctionalInterface
@ConsumerType
public interface Objective {

    /**
     * Runs the forward pass at {@code x}. The returned evaluation is valid until the next call;
     * gradients are computed when first asked for.
     */
    Evaluation evaluate(double[] x);
}
