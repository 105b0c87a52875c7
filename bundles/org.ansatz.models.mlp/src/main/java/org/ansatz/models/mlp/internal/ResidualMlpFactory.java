package org.ansatz.models.mlp.internal;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/** Model {@code residual-mlp}: the mlp family with {@code architecture=residual}; every other mlp option applies. */
@Component(service = ModelFactory.class)
@AnsatzMethod(name = "residual-mlp", description = "MLP with a skip connection around every hidden layer of "
        + "equal width; Taylor-mode jets")
public class ResidualMlpFactory implements ModelFactory {

    static final NetworkOptions.Preset PRESET = NetworkOptions.Preset.of("architecture", "residual");

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        return new Network(spec, NetworkOptions.parse("residual-mlp", spec, PRESET), manager);
    }
}
