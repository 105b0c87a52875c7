package org.ansatz.api.derivative;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link JetModel} that can also compute its output jet in one fused kernel, outside the autograd
 * graph, and supply the matching gradient to its parameters itself. Trainers use it where a jet's
 * elementwise rules would otherwise cost one tensor operation each (and as many again in the backward
 * pass); the result must equal {@link #forward(Jet)} to the kernel's rounding.
 *
 * @since 1.3
 */
@ConsumerType
public interface FusedJetModel extends JetModel {

    /**
     * The output jet for {@code input} by the fused kernel, or null when this model, plan, precision or
     * machine is not supported by it; {@link #forward(Jet)} then applies.
     */
    FusedJet fused(Jet input);
}
