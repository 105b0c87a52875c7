package org.ansatz.models.mlp.internal;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/** Model {@code adaptive-mlp}: the mlp family with {@code adaptive=layer}; every other mlp option applies. */
@Component(service = ModelFactory.class)
@AnsatzMethod(name = "adaptive-mlp", description = "MLP with adaptive activations act(n a z), trainable slope "
        + "per layer (model.adaptive=neuron: per neuron); Taylor-mode jets")
public class AdaptiveMlpFactory implements ModelFactory {

    static final NetworkOptions.Preset PRESET = NetworkOptions.Preset.of("adaptive", "layer", "neuron");

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        return new Network(spec, NetworkOptions.parse("adaptive-mlp", spec, PRESET), manager);
    }
}
