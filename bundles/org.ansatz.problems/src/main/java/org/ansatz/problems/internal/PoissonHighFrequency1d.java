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
 * Poisson 1D with a high-frequency solution, the setting of GP-HFM (Fang et al., ICLR 2024, "poisson_1d
 * single_sin"): {@code u_xx = -10^4 sin(100 x)} on {@code [0, 2 pi]}, Dirichlet data from the exact
 * {@code u = sin(100 x)} (100 periods). Conditions are offered soft (for GP solvers and soft PINNs) and
 * hard (linear interpolation of the two end values plus {@code x (2 pi - x) N}).
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "poisson-1d-hf", description = "Poisson 1D, u = sin(100x) on [0, 2pi] (GP-HFM); exact reference")
public class PoissonHighFrequency1d extends ExactPdeProblem {

    static final double L = 2 * Math.PI;
    static final Symbols SYMBOLS = Symbols.of(List.of("x"), List.of("u"), Map.of());

    public PoissonHighFrequency1d() {
        super("u_xx + 10000*sin(100*x)", SYMBOLS);
    }

    @Override
    public String description() {
        return "Poisson 1D, u = sin(100x) on [0, 2pi] (GP-HFM); exact reference";
    }

    @Override
    public List<String> inputs() {
        return List.of("x");
    }

    @Override
    public Box domain() {
        return new Box(new double[] {0}, new double[] {L});
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        if (hardConstraints) {
            return List.of();
        }
        return List.of(Conditions.boundary("bc", Geometries.box(new double[] {0}, new double[] {L}), null,
                "u - sin(100*x)", SYMBOLS));
    }

    /** {@code u = (x / 2pi) u(2pi) + x (2pi - x) / (2pi)^2 N}: exact boundary values, no knowledge inside. */
    @Override
    public Optional<OutputTransform> hardConstraints() {
        double right = Math.sin(100 * L);
        return Optional.of((network, input) -> {
            Jet x = input.columns(0, 1);
            Jet bubble = x.mul(x.scale(-1).shift(L)).scale(1 / (L * L));
            return x.scale(right / L).add(bubble.mul(network));
        });
    }

    @Override
    double exact(double[] p) {
        return Math.sin(100 * p[0]);
    }

    @Override
    public Map<String, Object> defaults() {
        return pinnDefaults("50,50,50", "hard", 4000, 5000, 2000);
    }
}
