package org.ansatz.models.transformer.internal;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/**
 * Options: {@code steps} (K, default 5), {@code dt} (default 1e-4), {@code time-axis} (an input's index or
 * name; default the input named {@code t}, or input 0 when the caller names no inputs), {@code width} (default 32), {@code heads} (default 2), {@code depth} (encoder and decoder
 * layers, default 1), {@code ff} (feed-forward width, default 64), {@code layers} (output MLP hidden
 * widths, default 64), {@code activation} (only {@code wavelet}: accepted so that problems' defaults for
 * MLPs, e.g. tanh, fail with a message instead of silently changing the architecture).
 */
@Component(service = ModelFactory.class)
@AnsatzMethod(name = "pinnsformer", description = "PINNsFormer: pseudo-sequences in time, attention encoder-decoder, "
        + "wavelet activations, sequential loss over the pseudo-times; Taylor-mode jets")
public class PinnsFormerFactory implements ModelFactory {

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        return new PinnsFormer(spec, manager);
    }
}
