package org.ansatz.problems.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/** {@link DiffusionReactionInverse} with exact observations at the same 200 points. */
@Component(service = Problem.class)
@AnsatzMethod(name = "diffusion-reaction-inverse-clean",
        description = "Diffusion-reaction 1D inverse: find d = 0.1, k = 0.5 from 200 exact observations")
public class DiffusionReactionInverseClean extends DiffusionReactionInverse {

    public DiffusionReactionInverseClean() {
        super(0);
    }
}
