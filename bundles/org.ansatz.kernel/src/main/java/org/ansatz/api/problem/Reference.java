package org.ansatz.api.problem;

import org.osgi.annotation.versioning.ConsumerType;

/** A trusted solution that results are measured against: exact, or from a converged numerical solver. */
@ConsumerType
public interface Reference {

    /** How the reference is obtained, e.g. {@code "exact (Cole-Hopf, 200-point Gauss-Hermite)"}. */
    String source();

    /**
     * Evaluates the reference.
     *
     * @param inputs points whose columns are the problem's inputs
     * @return values whose columns are the problem's outputs, one row per input point
     */
    PointSet evaluate(PointSet inputs);
}
