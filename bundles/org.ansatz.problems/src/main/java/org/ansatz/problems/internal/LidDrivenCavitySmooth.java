package org.ansatz.problems.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * PINNacle's lid-driven cavity (NS2d-C, Hao et al. 2024): as {@link LidDrivenCavity}, Re = 100, but the
 * lid moves with {@code u = 4x(1-x)}, which vanishes at the lid's ends. Without the jump there is no
 * corner singularity, so every interior node of the reference grid is compared, and the published PINN
 * errors apply. Same reference solver and pressure gauge as the uniform lid.
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "lid-driven-cavity-smooth", description = "Lid-driven cavity with the lid u = 4x(1-x) "
        + "(PINNacle NS2d-C), Re = 100, system (u, v, p); streamfunction finite-difference reference")
public class LidDrivenCavitySmooth extends LidDrivenCavity {

    public LidDrivenCavitySmooth() {
        super(CavityFlow.Lid.PARABOLIC, 0);
    }

    @Override
    public String description() {
        return "Lid-driven cavity with the lid u = 4x(1-x) (PINNacle NS2d-C), Re = 100, system (u, v, p); "
                + "streamfunction finite-difference reference";
    }
}
