package org.ansatz.problems.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Heat equation in 1D: {@code u_t = a u_xx} on {@code t in [0,1], x in [0,1]}, {@code a = 0.4},
 * {@code u(0,x) = sin(pi x)}, {@code u(t,0) = u(t,1) = 0}; exact {@code u = exp(-a pi^2 t) sin(pi x)}.
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "heat", description = "Heat 1D, a = 0.4, decaying sine mode; exact reference")
public class Heat extends ExactPdeProblem {

    static final double A = 0.4;

    public Heat() {
        super("u_t - a*u_xx", Symbols.of(List.of("t", "x"), List.of("u"), Map.of("a", A)));
    }
    @Override
    public String description() {
        return "Heat 1D, a = 0.4, decaying sine mode; exact reference";
    }

    @Override
    public List<String> inputs() {
        return List.of("t", "x");
    }

    @Override
    public Box domain() {
        return new Box(new double[] {0, 0}, new double[] {1, 1});
    }

    /** {@code u = sin(pi x) + t x (1 - x) N}. */
    @Override
    public Optional<OutputTransform> hardConstraints() {
        return Optional.of((network, input) -> {
            Jet t = input.columns(0, 1);
            Jet x = input.columns(1, 2);
            Jet initial = x.scale(Math.PI).apply(Activations.SIN);
            return initial.add(t.mul(x).mul(x.scale(-1).shift(1)).mul(network));
        });
    }

    @Override
    double exact(double[] p) {
        return Math.exp(-A * Math.PI * Math.PI * p[0]) * Math.sin(Math.PI * p[1]);
    }

    @Override
    public Map<String, Object> defaults() {
        return pinnDefaults("20,20,20", "hard", 2000, 1000, 1000);
    }
}
