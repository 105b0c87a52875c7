package org.ansatz.models.mlp.internal;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/** Model {@code modified-mlp}: the mlp family with {@code architecture=modified}; every other mlp option applies. */
@Component(service = ModelFactory.class)
@AnsatzMethod(name = "modified-mlp", description = "Modified MLP (Wang, Teng, Perdikaris 2021): two encoders "
        + "gate every hidden layer; Taylor-mode jets")
public class ModifiedMlpFactory implements ModelFactory {

    static final NetworkOptions.Preset PRESET = NetworkOptions.Preset.of("architecture", "modified");

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        return new Network(spec, NetworkOptions.parse("modified-mlp", spec, PRESET), manager);
    }
}
