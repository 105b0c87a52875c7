package org.ansatz.problems.internal;

import java.util.List;
import java.util.Map;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Convection in 1D (Krishnapriyan et al. 2021, "Characterizing possible failure modes in physics-informed
 * neural networks"): {@code u_t + beta u_x = 0} on {@code t in [0,1], x in [0, 2 pi]}, {@code beta = 30},
 * {@code u(0,x) = sin x}, periodic in x; exact {@code u = sin(x - beta t)}. A vanilla PINN is expected to
 * fail here (relative error near 1 at beta = 30): the defaults are the paper's plain setting, not tuned
 * to succeed. beta is fixed (problems take no settings).
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "convection", description = "Convection 1D u_t + 30 u_x = 0, periodic, u(0,x) = sin x; "
        + "exact reference; a known PINN failure mode")
public class Convection extends PeriodicEvolution {

    static final double BETA = 30;

    public Convection() {
        super("u_t + beta*u_x", Map.of("beta", BETA), 0, 2 * Math.PI, "sin(x)", List.of("u"), 100, 256);
    }

    @Override
    public String description() {
        return "Convection 1D u_t + 30 u_x = 0, periodic, u(0,x) = sin x; exact reference; a known PINN failure mode";
    }

    @Override
    double u(double t, double x) {
        return Math.sin(x - BETA * t);
    }

    @Override
    String referenceSource() {
        return "exact (closed form, sin(x - beta t))";
    }

    /** The paper's network (4 x 50 tanh) and equal weights; a short Adam phase, then L-BFGS. */
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
