package org.ansatz.models.mlp.internal;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/** Model {@code fourier-mlp}: the mlp family with {@code features=fourier}; every other mlp option applies. */
@Component(service = ModelFactory.class)
@AnsatzMethod(name = "fourier-mlp", description = "Multi-scale random Fourier features (fixed B ~ N(0, "
        + "sigma^2) per scale, model.fourier-sigmas=1,10) before an MLP; Taylor-mode jets")
public class FourierMlpFactory implements ModelFactory {

    static final NetworkOptions.Preset PRESET = NetworkOptions.Preset.of("features", "fourier");

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        return new Network(spec, NetworkOptions.parse("fourier-mlp", spec, PRESET), manager);
    }
}
