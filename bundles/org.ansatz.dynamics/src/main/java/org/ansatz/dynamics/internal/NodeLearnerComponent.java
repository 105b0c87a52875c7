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

/** {@code node}: networks and optimizers are looked up by name when a fit starts. */
@Component(service = DynamicsLearner.class)
@AnsatzMethod(name = "node", description = "Neural ODE: network vector field trained through the solver")
public class NodeLearnerComponent implements DynamicsLearner {

    @Reference
    MethodRegistry registry;

    @Reference
    TensorEngine engine;

    public NodeLearnerComponent() {
    }

    @Override
    public Forecaster fit(FitRequest request) {
        return new NeuralLearner(NeuralLearner.Kind.NODE, engine, n -> registry.get(ModelFactory.class, n),
                n -> registry.get(OptimizerFactory.class, n)).fit(request);
    }
}
