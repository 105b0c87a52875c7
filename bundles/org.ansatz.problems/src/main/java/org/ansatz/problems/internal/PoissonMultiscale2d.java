package org.ansatz.problems.internal;

import java.util.List;
import java.util.Map;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.geometry.Geometries;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.Conditions;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Poisson 2D with a multi-scale solution, the setting of GP-HFM (Fang et al., ICLR 2024, "poisson_2d
 * sin_add_cos"): {@code u = sin(6x) cos(20x) + sin(6y) cos(20y)} on {@code [0, 2 pi]^2}. Since
 * {@code sin(6x) cos(20x) = (sin(26x) - sin(14x)) / 2}, {@code u_xx = -338 sin(26x) + 98 sin(14x)}.
 * Dirichlet data from the exact solution, offered soft only (a hard transform would need an extension
 * of the boundary data into the square).
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "poisson-2d-multiscale", description = "Poisson 2D, u = sin(6x)cos(20x) + sin(6y)cos(20y) on "
        + "[0, 2pi]^2 (GP-HFM); exact reference")
public class PoissonMultiscale2d extends ExactPdeProblem {

    static final double L = 2 * Math.PI;
    static final Symbols SYMBOLS = Symbols.of(List.of("x", "y"), List.of("u"), Map.of());

    public PoissonMultiscale2d() {
        super("u_xx + u_yy + 338*sin(26*x) - 98*sin(14*x) + 338*sin(26*y) - 98*sin(14*y)", SYMBOLS);
    }

    @Override
    public String description() {
        return "Poisson 2D, u = sin(6x)cos(20x) + sin(6y)cos(20y) on [0, 2pi]^2 (GP-HFM); exact reference";
    }

    @Override
    public List<String> inputs() {
        return List.of("x", "y");
    }

    @Override
    public Box domain() {
        return new Box(new double[] {0, 0}, new double[] {L, L});
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        return List.of(Conditions.boundary("bc", Geometries.box(new double[] {0, 0}, new double[] {L, L}), null,
                "u - (sin(6*x)*cos(20*x) + sin(6*y)*cos(20*y))", SYMBOLS));
    }

    @Override
    double exact(double[] p) {
        return Math.sin(6 * p[0]) * Math.cos(20 * p[0]) + Math.sin(6 * p[1]) * Math.cos(20 * p[1]);
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = pinnDefaults("50,50,50", "soft", 10000, 5000, 2000);
        d.put("points.conditions", 2000);
        return d;
    }
}
