package org.ansatz.problems.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * {@link BurgersInverse} with 1 % noise (of the observations' standard deviation) at the same 2000
 * points: the second row of Raissi et al.'s table (2019, section 4.1.1).
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "burgers-inverse-noisy",
        description = "Burgers 1D inverse: find lambda1 = 1, lambda2 = 0.01/pi from 2000 noisy (1 %) observations")
public class BurgersInverseNoisy extends BurgersInverse {

    public BurgersInverseNoisy() {
        super(0.01);
    }
}
