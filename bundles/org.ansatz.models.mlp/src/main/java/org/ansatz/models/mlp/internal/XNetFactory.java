package org.ansatz.models.mlp.internal;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/** Model {@code xnet}: the mlp family with {@code activation=cauchy}; every other mlp option applies. */
@Component(service = ModelFactory.class)
@AnsatzMethod(name = "xnet", description = "XNet: Cauchy activation lambda1 z/(z^2+d^2) + "
        + "lambda2/(z^2+d^2), trainable per neuron; Taylor-mode jets")
public class XNetFactory implements ModelFactory {

    static final NetworkOptions.Preset PRESET = NetworkOptions.Preset.of("activation", "cauchy");

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        return new Network(spec, NetworkOptions.parse("xnet", spec, PRESET), manager);
    }
}
