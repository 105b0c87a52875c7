package org.ansatz.models.pig.internal;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/**
 * Options: {@code gaussians} (N, default 200), {@code features} (default 4), {@code covariance}
 * (diagonal or cholesky), {@code sigma} (initial width per axis as a fraction of its extent, default
 * {@code N^(-1/d)}), {@code bounds} (box of the initial means, {@code lo:hi,...}, default the solver's domain, else -1:1),
 * {@code layers} (MLP hidden widths, default 16), {@code activation} (default tanh).
 */
@Component(service = ModelFactory.class)
@AnsatzMethod(name = "pig", description = "Physics-informed Gaussians: trainable Gaussian feature embedding + small "
        + "MLP; Taylor-mode jets")
public class PigFactory implements ModelFactory {

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        return new Pig(spec, manager);
    }
}
