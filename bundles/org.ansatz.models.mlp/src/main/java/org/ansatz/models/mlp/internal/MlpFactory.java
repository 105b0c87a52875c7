package org.ansatz.models.mlp.internal;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/**
 * Options: {@code layers} (e.g. 20,20,20) or {@code width} and {@code depth}; {@code activation}
 * (tanh, sin, silu, gelu, identity, cauchy); {@code periodic}, {@code harmonics}; and the variants'
 * {@code features=fourier} with {@code fourier-sigmas}, {@code fourier-features};
 * {@code architecture=plain|modified|residual}; {@code adaptive=none|layer|neuron} with
 * {@code adaptive-scale}. Without the variants' options the network is the original {@link Mlp},
 * bit for bit.
 */
@Component(service = ModelFactory.class)
@AnsatzMethod(name = "mlp", description = "Fully connected network (tanh, sin, silu, gelu, cauchy); Glorot init; "
        + "optional Fourier features, modified/residual architecture, adaptive slopes; Taylor-mode jets")
public class MlpFactory implements ModelFactory {

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        boolean plain = NetworkOptions.PLAIN_KEYS.containsAll(spec.options().keySet())
                && !"cauchy".equalsIgnoreCase(String.valueOf(spec.options().getOrDefault("activation", "")).trim());
        return plain ? new Mlp(spec, manager)
                : new Network(spec, NetworkOptions.parse("mlp", spec, NetworkOptions.Preset.NONE), manager);
    }
}
