package org.ansatz.models.multistage.internal;

import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.ansatz.kernel.internal.registry.MethodCatalog;
import org.ansatz.optimizers.internal.AdamFactory;
import org.ansatz.optimizers.internal.LbfgsFactory;
import org.ansatz.pinn.internal.PinnSolver;

/** The plug-ins a runtime would have, wired by hand on the plain class path. */
final class Wiring {

    static final DjlTensorEngine ENGINE = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1));

    private Wiring() {
    }

    static MultistageSolver solver() {
        MethodCatalog registry = new MethodCatalog();
        int[] ranking = {1};
        java.util.function.BiConsumer<MethodDescriptor, Object> add = (d, s) -> registry.add(d, () -> s);
        add.accept(new MethodDescriptor("pinn", MethodKind.SOLVER, "", "test", "0", ranking[0]++),
                new PinnSolver(registry, ENGINE));
        add.accept(new MethodDescriptor("multistage", MethodKind.MODEL, "", "test", "0", ranking[0]++),
                new MultistageModelFactory());
        add.accept(new MethodDescriptor("adam", MethodKind.OPTIMIZER, "", "test", "0", ranking[0]++), new AdamFactory());
        add.accept(new MethodDescriptor("lbfgs", MethodKind.OPTIMIZER, "", "test", "0", ranking[0]++),
                new LbfgsFactory());
        return new MultistageSolver(registry, ENGINE);
    }
}
