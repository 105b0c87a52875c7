package org.ansatz.problems.internal;

import java.util.List;
import java.util.Map;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Kovasznay flow (1948): steady incompressible Navier-Stokes at {@code Re = 20} on
 * {@code [-0.5, 1] x [-0.5, 1.5]}, a system for {@code (u, v, p)} with the exact solution
 * {@code u = 1 - exp(lambda x) cos(2 pi y)}, {@code v = lambda / (2 pi) exp(lambda x) sin(2 pi y)},
 * {@code p = (1 - exp(2 lambda x)) / 2}, {@code lambda = Re/2 - sqrt(Re^2/4 + 4 pi^2)}; velocity and
 * pressure given on the boundary (NSFnets, Jin et al. 2021, use the same setting).
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "kovasznay", description = "Kovasznay flow, steady Navier-Stokes Re = 20, system (u, v, p); exact reference")
public class Kovasznay extends ExactSystemProblem {

    static final double RE = 20;
    static final double LAMBDA = RE / 2 - Math.sqrt(RE * RE / 4 + 4 * Math.PI * Math.PI);
    private static final Box DOMAIN = new Box(new double[] {-0.5, -0.5}, new double[] {1, 1.5});

    public Kovasznay() {
        super(List.of("u*u_x + v*u_y + p_x - (u_xx + u_yy)/re",
                        "u*v_x + v*v_y + p_y - (v_xx + v_yy)/re",
                        "u_x + v_y"),
                Symbols.of(List.of("x", "y"), List.of("u", "v", "p"), Map.of("re", RE)));
    }

    @Override
    public String description() {
        return "Kovasznay flow, steady Navier-Stokes Re = 20, system (u, v, p); exact reference";
    }

    @Override
    public Box domain() {
        return DOMAIN;
    }

    @Override
    double[] exact(double[] p) {
        double e = Math.exp(LAMBDA * p[0]);
        return new double[] {1 - e * Math.cos(2 * Math.PI * p[1]),
                LAMBDA / (2 * Math.PI) * e * Math.sin(2 * Math.PI * p[1]),
                0.5 * (1 - e * e)};
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        if (hardConstraints) {
            throw new IllegalArgumentException("kovasznay imposes its boundary data as loss terms; use constraints=soft");
        }
        return List.of(dirichlet("bc", geometry(), null, 0, 1, 2));
    }

    @Override
    public Map<String, Object> defaults() {
        return EquationProblem.pinnDefaults("50,50,50,50", "soft", 2601, 3000, 3000);
    }
}
