package org.ansatz.api.balance;

import org.ansatz.api.optim.Terms;
import org.osgi.annotation.versioning.ConsumerType;

/** Stateful weighting of loss terms over one run, consulted once per optimizer step. */
@ConsumerType
public interface Balancer {

    /**
     * @param step  the optimizer step, from 1
     * @param terms the terms at the current parameters; asking for gradients costs backward passes
     * @return the weights for this step and, for methods that do not descend a weighted sum, the
     *         direction to descend
     */
    Balance balance(long step, Terms terms);
}
