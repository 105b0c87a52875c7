package org.ansatz.api.solver;

import java.util.Map;
import org.ansatz.api.problem.PointSet;
import org.osgi.annotation.versioning.ConsumerType;

/** What a solver produced: something that can be evaluated anywhere, and how good it is. */
@ConsumerType
public interface Solution extends AutoCloseable {

    /**
     * @param inputs points whose columns are the problem's inputs
     * @return the problem's outputs at those points
     */
    PointSet predict(PointSet inputs);

    /** Final metrics by name, e.g. {@code rel-l2 -> 6.1e-4}. */
    Map<String, Double> metrics();

    @Override
    default void close() {
    }
}
