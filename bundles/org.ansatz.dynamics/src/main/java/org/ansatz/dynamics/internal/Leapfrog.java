package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.dynamics.Integrator;
import org.ansatz.api.dynamics.VectorField;
import org.osgi.service.component.annotations.Component;

/**
 * Störmer-Verlet in kick-drift-kick form over states {@code (q, p)} split in halves. Symplectic and
 * second order when {@code dq/dt} depends on {@code p} only and {@code dp/dt} on {@code q} only
 * (separable Hamiltonians, Newtonian mechanics with {@code (q, qdot)}); for other fields it is an
 * explicit second-order scheme without the symplectic guarantee.
 */
@Component(service = Integrator.class)
@AnsatzMethod(name = "leapfrog", description = "Stoermer-Verlet kick-drift-kick, symplectic, second order")
public final class Leapfrog implements Integrator {

    @Override
    public int order() {
        return 2;
    }

    @Override
    public boolean symplectic() {
        return true;
    }

    @Override
    public NDArray step(VectorField f, double t, NDArray x, double h) {
        int d = f.dimension();
        if (d % 2 != 0) {
            throw new IllegalArgumentException("leapfrog needs a state (q, p) of even dimension, got " + d);
        }
        int n = d / 2;
        String qs = ":, 0:" + n;
        String ps = ":, " + n + ":";
        NDArray halfH = Tensors.scalar(x, h / 2);
        NDArray q = x.get(qs);
        NDArray p = x.get(ps);
        NDArray pHalf = p.add(f.apply(t, x).get(ps).mul(halfH));
        NDArray q1 = q.add(f.apply(t + h / 2, q.concat(pHalf, 1)).get(qs).mul(Tensors.scalar(x, h)));
        NDArray p1 = pHalf.add(f.apply(t + h, q1.concat(pHalf, 1)).get(ps).mul(halfH));
        return q1.concat(p1, 1);
    }
}
