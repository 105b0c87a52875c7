package org.ansatz.api.derivative;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A model that knows the derivatives of its building blocks, so residuals can use Taylor mode. Models
 * without it are differentiated by {@link ReverseModeDerivatives}.
 */
@ConsumerType
public interface JetModel {

    /** The output jet for an input jet (typically {@link Jet#input}). */
    Jet forward(Jet input);
}
