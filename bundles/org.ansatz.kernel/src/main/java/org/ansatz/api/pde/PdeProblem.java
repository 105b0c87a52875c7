package org.ansatz.api.pde;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Optional;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Problem;
import org.osgi.annotation.versioning.ConsumerType;

/** A problem given by differential equations on a box, solvable by physics-informed methods. */
@ConsumerType
public interface PdeProblem extends Problem {

    /** The bounding box of the inputs (time is an input). */
    Box domain();

    /**
     * The region collocation points are drawn from; by default the box itself. Problems on other
     * shapes return e.g. a {@link org.ansatz.api.geometry.Geometries#difference} of disks.
     */
    default org.ansatz.api.geometry.Geometry geometry() {
        return org.ansatz.api.geometry.Geometries.box(domain().lower(), domain().upper());
    }

    /** Derivatives the equation residuals use, e.g. {@code u_t, u_x, u_xx}. */
    List<MultiIndex> derivatives();

    /**
     * Equation residuals at collocation points.
     *
     * @param u output jet (all of {@link #derivatives()} available)
     * @param x the points {@code [n, inputs]}
     * @return {@code [n, equations]}
     */
    NDArray residual(Jet u, NDArray x);

    /**
     * Residuals when the problem has trainable unknowns (inverse problems); by default the unknowns are
     * ignored.
     *
     * @param unknowns current values of {@link #unknowns()}, scalar tensors that carry gradients
     */
    default NDArray residual(Jet u, NDArray x, java.util.Map<String, NDArray> unknowns) {
        return residual(u, x);
    }

    /**
     * Unknown scalar coefficients to be found together with the solution (inverse problems), with their
     * initial guesses; none by default.
     */
    default java.util.Map<String, Double> unknowns() {
        return java.util.Map.of();
    }

    /**
     * The values the unknowns should reach, where the problem knows them (data made from a known
     * solution, an eigenvalue from the reference solver), so that solvers can report the error of what
     * they recovered; none by default.
     *
     * @since 1.1
     */
    default java.util.Map<String, Double> trueUnknowns() {
        return java.util.Map.of();
    }

    /** Conditions imposed as loss terms; those the output transform satisfies exactly are left out. */
    List<Condition> conditions(boolean hardConstraints);

    /**
     * An output transform that satisfies conditions exactly (e.g. {@code u = g + d N} with a distance
     * function d), if the problem offers one.
     *
     * @return {@code f(network jet, input jet) -> output jet}
     */
    default Optional<OutputTransform> hardConstraints() {
        return Optional.empty();
    }

    /**
     * Points where the solution is compared with the reference; by default a grid of 100 points per
     * input over the domain box (10^4 in 2D; fewer per axis in higher dimensions), restricted to the
     * geometry.
     */
    default PointSet evaluationPoints() {
        Box b = domain();
        org.ansatz.api.geometry.Geometry g = geometry();
        int d = b.dimension();
        int per = Math.max(2, (int) Math.round(Math.pow(1e4, 1.0 / d)));
        int total = (int) Math.pow(per, d);
        double[] p = new double[total * d];
        double[] q = new double[d];
        int kept = 0;
        for (int i = 0; i < total; i++) {
            int rest = i;
            for (int a = d - 1; a >= 0; a--) {
                int k = rest % per;
                rest /= per;
                q[a] = b.lower()[a] + (b.upper()[a] - b.lower()[a]) * k / (per - 1);
            }
            if (g.contains(q)) {
                System.arraycopy(q, 0, p, kept * d, d);
                kept++;
            }
        }
        return new PointSet(inputs(), java.util.Arrays.copyOf(p, kept * d));
    }

    /** Turns the network's output jet into the solution's. */
    @FunctionalInterface
    interface OutputTransform {
        Jet apply(Jet network, Jet input);

        /**
         * The transform when it depends on the problem's trainable unknowns; by default they are ignored.
         *
         * @param unknowns current values of {@link PdeProblem#unknowns()}, scalar tensors that carry gradients
         * @since 1.2
         */
        default Jet apply(Jet network, Jet input, java.util.Map<String, NDArray> unknowns) {
            return apply(network, input);
        }
    }
}
