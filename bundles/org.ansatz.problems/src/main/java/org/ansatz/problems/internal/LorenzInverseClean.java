package org.ansatz.problems.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/** {@link LorenzInverse} with exact observations: the noise-free half of the 1 % / 5 % recovery targets. */
@Component(service = Problem.class)
@AnsatzMethod(name = "lorenz-inverse-clean",
        description = "Lorenz system inverse: find s = 10, r = 15, b = 8/3 from an exact trajectory")
public class LorenzInverseClean extends LorenzInverse {

    public LorenzInverseClean() {
        super(0);
    }
}
