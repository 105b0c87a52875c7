package org.ansatz.examples.guice;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Reference;

/**
 * A host's own problem with a residual written in Java: steady advection-diffusion
 * {@code eps u'' - u' = 0} on (0, 1) with {@code u(0) = 0, u(1) = 1}, whose solution has a boundary layer
 * at {@code x = 1}: {@code u = (exp(x/eps) - 1) / (exp(1/eps) - 1)}.
 */
public final class BoundaryLayer implements PdeProblem {

    private static final MultiIndex X = MultiIndex.of(0);
    private static final MultiIndex XX = MultiIndex.of(0, 0);

    private final double eps;

    public BoundaryLayer(double eps) {
        if (!(eps > 0)) {
            throw new IllegalArgumentException("eps must be positive, got " + eps);
        }
        this.eps = eps;
    }

    @Override
    public String description() {
        return "eps u'' - u' = 0 on (0, 1), u(0) = 0, u(1) = 1; eps = " + eps;
    }

    @Override
    public List<String> inputs() {
        return List.of("x");
    }

    @Override
    public List<String> outputs() {
        return List.of("u");
    }

    @Override
    public Box domain() {
        return new Box(new double[] {0}, new double[] {1});
    }

    @Override
    public List<MultiIndex> derivatives() {
        return List.of(X, XX);
    }

    @Override
    public NDArray residual(Jet u, NDArray x) {
        NDArray uxx = u.stream(XX);
        return uxx.mul(Tensors.scalar(uxx, eps)).sub(u.stream(X));
    }

    /** {@code u = x + x (1 - x) N} meets both boundary values for any network output N. */
    @Override
    public Optional<OutputTransform> hardConstraints() {
        return Optional.of((network, input) -> input.add(input.mul(input.scale(-1).shift(1)).mul(network)));
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        if (!hardConstraints) {
            throw new IllegalArgumentException("this problem imposes its boundary values exactly; use constraints=hard");
        }
        return List.of();
    }

    double exact(double x) {
        return Math.expm1(x / eps) / Math.expm1(1 / eps);
    }

    @Override
    public Optional<Reference> reference() {
        return Optional.of(new Reference() {
            @Override
            public String source() {
                return "exact: expm1(x/eps) / expm1(1/eps)";
            }

            @Override
            public PointSet evaluate(PointSet inputs) {
                double[] u = new double[inputs.size()];
                for (int i = 0; i < u.length; i++) {
                    u[i] = exact(inputs.get(i, 0));
                }
                return new PointSet(List.of("u"), u);
            }
        });
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("constraints", "hard", "model.layers", "16,16", "points.domain", 256, "adam.steps", 1000,
                "lbfgs.iterations", 300);
    }
}
