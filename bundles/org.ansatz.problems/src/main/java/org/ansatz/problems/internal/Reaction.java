package org.ansatz.problems.internal;

import java.util.List;
import java.util.Map;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Reaction (logistic growth) in 1D (Krishnapriyan et al. 2021): {@code u_t - rho u (1 - u) = 0} on
 * {@code t in [0,1], x in [0, 2 pi]}, {@code rho = 5}, {@code u(0,x) = h(x) = exp(-(x - pi)^2 / (2 (pi/4)^2))},
 * periodic in x. Each x is an independent ODE: exact {@code u = h e^{rho t} / (h e^{rho t} + 1 - h)}.
 * Like convection, a failure mode of the vanilla PINN; the defaults are not tuned to avoid it.
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "reaction", description = "Reaction 1D u_t - 5 u (1 - u) = 0, periodic, Gaussian u(0,x); "
        + "exact reference; a known PINN failure mode")
public class Reaction extends PeriodicEvolution {

    static final double RHO = 5;

    public Reaction() {
        super("u_t - rho*u*(1 - u)", Map.of("rho", RHO), 0, 2 * Math.PI, "exp(-(x - pi)^2 / (2*(pi/4)^2))",
                List.of("u"), 100, 256);
    }

    @Override
    public String description() {
        return "Reaction 1D u_t - 5 u (1 - u) = 0, periodic, Gaussian u(0,x); exact reference; a known PINN failure mode";
    }

    static double initial(double x) {
        double s = Math.PI / 4;
        return Math.exp(-(x - Math.PI) * (x - Math.PI) / (2 * s * s));
    }

    @Override
    double u(double t, double x) {
        double grown = initial(x) * Math.exp(RHO * t);
        return grown / (grown + 1 - initial(x));
    }

    @Override
    String referenceSource() {
        return "exact (closed form, logistic growth of u(0,x) at every x)";
    }

    /** As for convection: the paper's 4 x 50 tanh network, equal weights. */
    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = pinnDefaults("50,50,50,50", "soft", 2000, 4000, 1000);
        d.put("model.activation", "tanh");
        d.put("points.conditions", 256);
        d.put("adam.lr", 1e-3);
        d.put("dtype", "float32");
        return d;
    }
}
