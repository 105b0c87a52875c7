package org.ansatz.models.mlp.internal;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/** Options: {@code layers} (e.g. 20,20,20) or {@code width} and {@code depth}; {@code activation}. */
@Component(service = ModelFactory.class)
@AnsatzMethod(name = "mlp", description = "Fully connected network (tanh, sin, silu, gelu); Glorot init; Taylor-mode jets")
public class MlpFactory implements ModelFactory {

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        return new Mlp(spec, manager);
    }
}
