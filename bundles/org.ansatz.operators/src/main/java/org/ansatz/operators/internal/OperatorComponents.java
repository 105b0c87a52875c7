package org.ansatz.operators.internal;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/** The operator architectures as kernel model factories, so that {@code ansatz:methods model} lists them. */
public final class OperatorComponents {

    private OperatorComponents() {
    }

    @Component(service = ModelFactory.class)
    @AnsatzMethod(name = "fno", description = "Fourier neural operator, 1D or 2D (functions on a grid -> functions on it)")
    public static final class FnoFactory implements ModelFactory {
        @Override
        public Model create(ModelSpec spec, NDManager manager) {
            return new Fno(spec, manager);
        }
    }

    @Component(service = ModelFactory.class)
    @AnsatzMethod(name = "deeponet", description = "DeepONet: branch on sensor values, trunk on query points (Taylor-mode trunk for PI-DeepONet)")
    public static final class DeepONetFactory implements ModelFactory {
        @Override
        public Model create(ModelSpec spec, NDManager manager) {
            return new DeepONet(spec, manager);
        }
    }
}
