package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.dynamics.Integrator;
import org.ansatz.api.dynamics.VectorField;
import org.osgi.service.component.annotations.Component;

/** The classical fourth-order Runge-Kutta scheme. */
@Component(service = Integrator.class)
@AnsatzMethod(name = "rk4", description = "Classical Runge-Kutta, fourth order")
public final class Rk4 implements Integrator {

    @Override
    public int order() {
        return 4;
    }

    @Override
    public NDArray step(VectorField f, double t, NDArray x, double h) {
        NDArray half = Tensors.scalar(x, h / 2);
        NDArray k1 = f.apply(t, x);
        NDArray k2 = f.apply(t + h / 2, x.add(k1.mul(half)));
        NDArray k3 = f.apply(t + h / 2, x.add(k2.mul(half)));
        NDArray k4 = f.apply(t + h, x.add(k3.mul(Tensors.scalar(x, h))));
        // x + h/6 (k1 + 2 k2 + 2 k3 + k4), with the 2 folded into one addition
        NDArray sum = k1.add(k4).add(k2.add(k3).mul(Tensors.scalar(x, 2)));
        return x.add(sum.mul(Tensors.scalar(x, h / 6)));
    }
}
