package org.ansatz.api.model;

import ai.djl.ndarray.NDManager;
import org.osgi.annotation.versioning.ConsumerType;

/** Builds models of one architecture; registered with {@code ansatz.name}, e.g. {@code mlp}, {@code kan}. */
@ConsumerType
public interface ModelFactory {

    /**
     * @param manager owns the parameters of the new model
     * @throws IllegalArgumentException naming an unknown or malformed option
     */
    Model create(ModelSpec spec, NDManager manager);
}
