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

/** {@code hnn}: networks and optimizers are looked up by name when a fit starts. */
@Component(service = DynamicsLearner.class)
@AnsatzMethod(name = "hnn", description = "Hamiltonian neural network: symplectic gradient of a learned H(q, p)")
public class HnnLearnerComponent implements DynamicsLearner {

    @Reference
    MethodRegistry registry;

    @Reference
    TensorEngine engine;

    public HnnLearnerComponent() {
    }

    @Override
    public Forecaster fit(FitRequest request) {
        return new NeuralLearner(NeuralLearner.Kind.HNN, engine, n -> registry.get(ModelFactory.class, n),
                n -> registry.get(OptimizerFactory.class, n)).fit(request);
    }
}
