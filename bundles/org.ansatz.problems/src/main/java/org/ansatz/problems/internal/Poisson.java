package org.ansatz.problems.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Poisson in 2D on the unit square: {@code -(u_xx + u_yy) = 2 pi^2 sin(pi x) sin(pi y)}, {@code u = 0}
 * on the boundary; exact {@code u = sin(pi x) sin(pi y)}.
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "poisson-square", description = "Poisson 2D on the unit square, Dirichlet; exact reference")
public class Poisson extends ExactPdeProblem {

    public Poisson() {
        super("u_xx + u_yy + 2*pi^2*sin(pi*x)*sin(pi*y)", Symbols.of(List.of("x", "y"), List.of("u"), Map.of()));
    }
    @Override
    public String description() {
        return "Poisson 2D on the unit square, Dirichlet; exact reference";
    }

    @Override
    public List<String> inputs() {
        return List.of("x", "y");
    }

    @Override
    public Box domain() {
        return new Box(new double[] {0, 0}, new double[] {1, 1});
    }

    /** {@code u = x (1 - x) y (1 - y) N}. */
    @Override
    public Optional<OutputTransform> hardConstraints() {
        return Optional.of((network, input) -> {
            Jet x = input.columns(0, 1);
            Jet y = input.columns(1, 2);
            Jet bubble = x.mul(x.scale(-1).shift(1)).mul(y).mul(y.scale(-1).shift(1));
            return bubble.mul(network);
        });
    }

    @Override
    double exact(double[] p) {
        return Math.sin(Math.PI * p[0]) * Math.sin(Math.PI * p[1]);
    }

    @Override
    public Map<String, Object> defaults() {
        return pinnDefaults("20,20,20", "hard", 2000, 1000, 1000);
    }
}
