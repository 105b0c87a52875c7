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
import org.ansatz.api.pde.Conditions;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Poisson 1D with a multi-scale solution, the setting of GP-HFM (Fang et al., ICLR 2024, "poisson_1d
 * mix_sin"): {@code u = sin(x) + 0.1 sin(20 x) + 0.05 cos(100 x)} on {@code [0, 1]}, so
 * {@code u_xx = -sin(x) - 40 sin(20 x) - 500 cos(100 x)}, Dirichlet data from the exact solution.
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "poisson-1d-multiscale", description = "Poisson 1D, u = sin(x) + 0.1 sin(20x) + 0.05 cos(100x) "
        + "on [0, 1] (GP-HFM); exact reference")
public class PoissonMultiscale1d extends ExactPdeProblem {

    static final Symbols SYMBOLS = Symbols.of(List.of("x"), List.of("u"), Map.of());
    static final String SOLUTION = "sin(x) + 0.1*sin(20*x) + 0.05*cos(100*x)";

    public PoissonMultiscale1d() {
        super("u_xx + sin(x) + 40*sin(20*x) + 500*cos(100*x)", SYMBOLS);
    }

    @Override
    public String description() {
        return "Poisson 1D, u = sin(x) + 0.1 sin(20x) + 0.05 cos(100x) on [0, 1] (GP-HFM); exact reference";
    }

    @Override
    public List<String> inputs() {
        return List.of("x");
    }

    @Override
    public Box domain() {
        return new Box(new double[] {0}, new double[] {1});
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        if (hardConstraints) {
            return List.of();
        }
        return List.of(Conditions.boundary("bc", Geometries.box(new double[] {0}, new double[] {1}), null,
                "u - (" + SOLUTION + ")", SYMBOLS));
    }

    /** {@code u = (1 - x) u(0) + x u(1) + x (1 - x) N}. */
    @Override
    public Optional<OutputTransform> hardConstraints() {
        double left = exact(new double[] {0});
        double right = exact(new double[] {1});
        return Optional.of((network, input) -> {
            Jet x = input.columns(0, 1);
            Jet bubble = x.mul(x.scale(-1).shift(1));
            return x.scale(right - left).shift(left).add(bubble.mul(network));
        });
    }

    @Override
    double exact(double[] p) {
        double x = p[0];
        return Math.sin(x) + 0.1 * Math.sin(20 * x) + 0.05 * Math.cos(100 * x);
    }

    @Override
    public Map<String, Object> defaults() {
        return pinnDefaults("50,50,50", "hard", 4000, 5000, 2000);
    }
}
