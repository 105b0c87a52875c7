package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.dynamics.Integrator;
import org.ansatz.api.dynamics.VectorField;
import org.osgi.service.component.annotations.Component;

/** Explicit Euler: first order; the baseline the convergence tests measure the others against. */
@Component(service = Integrator.class)
@AnsatzMethod(name = "euler", description = "Explicit Euler, first order")
public final class Euler implements Integrator {

    @Override
    public int order() {
        return 1;
    }

    @Override
    public NDArray step(VectorField f, double t, NDArray x, double h) {
        return x.add(f.apply(t, x).mul(Tensors.scalar(x, h)));
    }
}
