package org.ansatz.examples.embedded;

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
 * A problem the host defines in its own code, with its residual written in Java rather than as an
 * expression: {@code -u'' + u^3 = f} on (0, 1) with {@code u(0) = u(1) = 0}, where
 * {@code f = pi^2 sin(pi x) + sin^3(pi x)} so that {@code u = sin(pi x)} exactly.
 */
public final class NonlinearPoisson implements PdeProblem {

    private static final MultiIndex XX = MultiIndex.of(0, 0);

    @Override
    public String description() {
        return "-u'' + u^3 = f on (0, 1), u = 0 at both ends; exact sin(pi x)";
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
        return List.of(XX);
    }

    @Override
    public NDArray residual(Jet u, NDArray x) {
        NDArray value = u.value();
        NDArray s = x.mul(Tensors.scalar(x, Math.PI)).sin();
        NDArray f = s.mul(Tensors.scalar(x, Math.PI * Math.PI)).add(s.pow(Tensors.scalar(x, 3)));
        return u.stream(XX).neg().add(value.pow(Tensors.scalar(value, 3))).sub(f);
    }

    /** Both boundary values hold exactly: {@code u = x (1 - x) N}. */
    @Override
    public Optional<OutputTransform> hardConstraints() {
        return Optional.of((network, input) -> input.mul(input.scale(-1).shift(1)).mul(network));
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        if (!hardConstraints) {
            throw new IllegalArgumentException("this problem imposes its boundary values exactly; use constraints=hard");
        }
        return List.of();
    }

    @Override
    public Optional<Reference> reference() {
        return Optional.of(new Reference() {
            @Override
            public String source() {
                return "exact: sin(pi x)";
            }

            @Override
            public PointSet evaluate(PointSet inputs) {
                double[] u = new double[inputs.size()];
                for (int i = 0; i < u.length; i++) {
                    u[i] = Math.sin(Math.PI * inputs.get(i, 0));
                }
                return new PointSet(List.of("u"), u);
            }
        });
    }

    @Override
    public Map<String, Object> defaults() {
        return Map.of("constraints", "hard", "model.layers", "16,16", "points.domain", 256, "adam.steps", 1000, "lbfgs.iterations", 300);
    }
}
