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

    /**
     * The outputs and the named derivatives (e.g. {@code u_x}, {@code u_xx}) at the points.
     *
     * @throws IllegalArgumentException for a name that is no derivative of an output
     * @throws UnsupportedOperationException when the solution has no derivatives
     */
    default PointSet predict(PointSet inputs, java.util.List<String> derivatives) {
        if (derivatives.isEmpty()) {
            return predict(inputs);
        }
        throw new UnsupportedOperationException("this solution cannot evaluate derivatives");
    }

    /** Final metrics by name, e.g. {@code rel-l2 -> 6.1e-4}. */
    Map<String, Double> metrics();

    @Override
    default void close() {
    }
}
