package org.ansatz.problems.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.geometry.Geometries;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Helmholtz 2D as in Wang, Teng and Perdikaris (2021, "Understanding and mitigating gradient flow
 * pathologies"): {@code u_xx + u_yy + k^2 u = q} on {@code [-1, 1]^2} with {@code u = 0} on the boundary,
 * {@code a1 = 1, a2 = 4, k = 1}; exact {@code u = sin(a1 pi x) sin(a2 pi y)}. Their soft-constraint PINN
 * reaches a relative L2 error of 1.81e-1, learning-rate annealing 1.27e-2.
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "helmholtz-2d", description = "Helmholtz 2D, k = 1, sin(pi x) sin(4 pi y); exact reference")
public class Helmholtz extends ExactSystemProblem {

    static final double A1 = 1;
    static final double A2 = 4;
    static final double K = 1;

    public Helmholtz() {
        super(List.of("u_xx + u_yy + k^2*u + ((a1*pi)^2 + (a2*pi)^2 - k^2)*sin(a1*pi*x)*sin(a2*pi*y)"),
                Symbols.of(List.of("x", "y"), List.of("u"), Map.of("a1", A1, "a2", A2, "k", K)));
    }

    @Override
    public String description() {
        return "Helmholtz 2D, k = 1, sin(pi x) sin(4 pi y); exact reference";
    }

    @Override
    public Box domain() {
        return new Box(new double[] {-1, -1}, new double[] {1, 1});
    }

    @Override
    double[] exact(double[] p) {
        return new double[] {Math.sin(A1 * Math.PI * p[0]) * Math.sin(A2 * Math.PI * p[1])};
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        return hardConstraints ? List.of() : List.of(dirichlet("bc", geometry(), null, 0));
    }

    /** {@code u = (1 - x^2)(1 - y^2) N}. */
    @Override
    public Optional<OutputTransform> hardConstraints() {
        return Optional.of((network, input) -> {
            Jet x = input.columns(0, 1);
            Jet y = input.columns(1, 2);
            return x.mul(x).scale(-1).shift(1).mul(y.mul(y).scale(-1).shift(1)).mul(network);
        });
    }

    @Override
    public Map<String, Object> defaults() {
        return EquationProblem.pinnDefaults("50,50,50", "hard", 4000, 3000, 2000);
    }
}
