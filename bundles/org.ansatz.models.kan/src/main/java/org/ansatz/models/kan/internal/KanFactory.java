package org.ansatz.models.kan.internal;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/**
 * Options: {@code layers} (hidden widths, default 8,8), {@code grid} (G, default 5), {@code order}
 * (spline degree k, default 3), {@code base} (silu, any activation, or none; {@code activation} is
 * accepted for it, as problems' defaults name it), {@code bounds} (grid range
 * of each input, {@code lo:hi,...}, default the solver's domain, else -1:1), {@code grid-range} (later layers, default -1:1),
 * {@code grid-schedule} (grid extension, e.g. {@code 10@1000,20@2000}: grid 10 after 1000 training
 * steps, Adam steps and L-BFGS iterations together, 20 after 2000; after evaluations with a trainer
 * that does not report steps).
 */
@Component(service = ModelFactory.class)
@AnsatzMethod(name = "kan", description = "Kolmogorov-Arnold network: B-spline + silu edges, grid extension; "
        + "Taylor-mode jets (KINN as a PINN)")
public class KanFactory implements ModelFactory {

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        return new Kan(spec, manager);
    }
}
