package org.ansatz.api.derivative;

import ai.djl.ndarray.NDArray;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The output of a {@link FusedJetModel}'s fused kernel. Its {@link #output() data} is an autograd leaf:
 * a backward pass through anything computed from it stops there, leaving d(loss)/d(output) as the leaf's
 * gradient, and {@link #accumulate} turns that into the gradient of the model's parameters.
 *
 * @since 1.3
 */
@ConsumerType
public interface FusedJet {

    /** The output jet, {@code [streams, points, outputs]}; its data records a gradient. */
    Jet output();

    /**
     * Adds the parameters' gradient for an upstream gradient of the output (the leaf's gradient after a
     * backward pass) to {@code gradient}, whose entries from {@code offset} on follow the order of the
     * model's parameters. The parameters are those of the forward pass, even if they changed since.
     */
    void accumulate(NDArray upstream, double[] gradient, int offset);
}
