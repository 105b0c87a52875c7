package org.ansatz.dynamics.internal;

import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.optim.OptimizerFactory;
import org.ansatz.api.dynamics.DynamicsLearner;
import org.ansatz.api.dynamics.FitRequest;
import org.ansatz.api.dynamics.Forecaster;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code edmd}: the engine and registry serve learned dictionaries only. */
@Component(service = DynamicsLearner.class)
@AnsatzMethod(name = "edmd", description = "Extended DMD: Koopman operator on a polynomial, RBF or learned dictionary")
public class EdmdLearnerComponent implements DynamicsLearner {

    @Reference
    MethodRegistry registry;

    @Reference
    TensorEngine engine;

    public EdmdLearnerComponent() {
    }

    @Override
    public Forecaster fit(FitRequest request) {
        return new Edmd(engine, n -> registry.get(ModelFactory.class, n), n -> registry.get(OptimizerFactory.class, n))
                .fit(request);
    }
}
