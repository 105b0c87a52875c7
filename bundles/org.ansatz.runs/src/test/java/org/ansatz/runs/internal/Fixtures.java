package org.ansatz.runs.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.ansatz.kernel.internal.registry.MethodCatalog;
import org.ansatz.kernel.internal.run.RunService;
import org.ansatz.models.mlp.internal.MlpFactory;
import org.ansatz.optimizers.internal.AdamFactory;
import org.ansatz.optimizers.internal.LbfgsFactory;
import org.ansatz.pinn.internal.PinnSolver;
import org.ansatz.problems.internal.Burgers;
import org.ansatz.problems.internal.Heat;

/** What a runtime would wire, by hand on the class path: engine, registry, solver, spec reader, outputs. */
final class Fixtures {

    static final DjlTensorEngine ENGINE = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 0, 1));
    static final Path REPO = Paths.get(System.getProperty("ansatz.repo", "../..")).toAbsolutePath().normalize();

    final MethodCatalog registry = new MethodCatalog();
    final SpecReader reader;
    final Outputs outputs = new Outputs();
    final RunService runs;
    private int ranking = 1;

    Fixtures() {
        add(MethodKind.MODEL, "mlp", new MlpFactory());
        add(MethodKind.OPTIMIZER, "adam", new AdamFactory());
        add(MethodKind.OPTIMIZER, "lbfgs", new LbfgsFactory());
        add(MethodKind.PROBLEM, "heat", new Heat());
        add(MethodKind.PROBLEM, "burgers", new Burgers());
        add(MethodKind.SOLVER, "pinn", new PinnSolver(registry, ENGINE));
        reader = new SpecReader(ENGINE, registry);
        runs = new RunService(registry, () -> reader, () -> outputs);
    }

    private void add(MethodKind kind, String name, Object service) {
        registry.add(new MethodDescriptor(name, kind, "", "test", "0", ranking++), () -> service);
    }
}
