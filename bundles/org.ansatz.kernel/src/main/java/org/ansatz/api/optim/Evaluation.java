package org.ansatz.api.optim;

import org.osgi.annotation.versioning.ProviderType;

/** The objective at one point: the combined loss, its descent-defining gradient, and the raw terms. */
@ProviderType
public interface Evaluation {

    /** The combined (weighted) loss; not finite when training diverged. */
    double loss();

    /**
     * The gradient to descend: of the weighted loss, or the direction a loss balancer (e.g. ConFIG)
     * chose. Computed on first call.
     */
    double[] gradient();

    /** The unweighted loss terms, for optimizers that treat terms separately. */
    Terms terms();
}
