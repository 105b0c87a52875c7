package org.ansatz.problems.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.geometry.Geometries;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.Conditions;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Heat 2D with a varying, multi-scale conductivity, in divergence form:
 * {@code u_t = div(a grad u) + f} on {@code (x, y) in [0, 1]^2, t in [0, 1]} with
 * {@code a = 1 + 0.5 sin(4 pi x) sin(4 pi y)}; {@code f} is manufactured so that
 * {@code u = exp(-t) sin(pi x) sin(pi y)} exactly (PINNacle's Heat2d-VC has the same structure with a
 * finite-element reference; a manufactured solution makes the reference exact).
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "heat-2d-varying", description = "Heat 2D, div(a grad u) with multi-scale a(x, y); exact reference")
public class HeatVaryingCoefficient extends ExactSystemProblem {

    static final String A = "(1 + 0.5*sin(4*pi*x)*sin(4*pi*y))";
    static final String A_X = "(2*pi*cos(4*pi*x)*sin(4*pi*y))";
    static final String A_Y = "(2*pi*sin(4*pi*x)*cos(4*pi*y))";
    static final String U = "(exp(-t)*sin(pi*x)*sin(pi*y))";
    static final String U_X = "(pi*exp(-t)*cos(pi*x)*sin(pi*y))";
    static final String U_Y = "(pi*exp(-t)*sin(pi*x)*cos(pi*y))";
    /** f = u_t - a (u_xx + u_yy) - a_x u_x - a_y u_y of the exact u. */
    static final String F = "(-" + U + " + 2*pi^2*" + A + "*" + U + " - " + A_X + "*" + U_X + " - " + A_Y + "*" + U_Y + ")";

    private static final Symbols SYMBOLS = Symbols.of(List.of("t", "x", "y"), List.of("u"), Map.of());
    private static final Box DOMAIN = new Box(new double[] {0, 0, 0}, new double[] {1, 1, 1});

    public HeatVaryingCoefficient() {
        super(List.of("u_t - " + A + "*(u_xx + u_yy) - " + A_X + "*u_x - " + A_Y + "*u_y - " + F), SYMBOLS);
    }

    @Override
    public String description() {
        return "Heat 2D, div(a grad u) with multi-scale a(x, y); exact reference";
    }

    @Override
    public Box domain() {
        return DOMAIN;
    }

    @Override
    double[] exact(double[] p) {
        return new double[] {Math.exp(-p[0]) * Math.sin(Math.PI * p[1]) * Math.sin(Math.PI * p[2])};
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        if (hardConstraints) {
            return List.of();
        }
        return List.of(initialValues("ic", DOMAIN, 0),
                dirichlet("bc", Geometries.rectangle(0, 0, 1, 1), new double[] {0, 1}, 0));
    }

    /** {@code u = sin(pi x) sin(pi y) + t d(x, y) N}: initial and (zero) boundary values exactly. */
    @Override
    public Optional<OutputTransform> hardConstraints() {
        return Optional.of(Conditions.hardInitial(0, Geometries.rectangle(0, 0, 1, 1), "sin(pi*x)*sin(pi*y)", SYMBOLS));
    }

    @Override
    public Map<String, Object> defaults() {
        return EquationProblem.pinnDefaults("32,32,32,32", "hard", 6000, 3000, 2000);
    }
}
