package org.ansatz.kernel.internal.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodListener;
import org.ansatz.api.method.MethodRegistry;

/**
 * Watches the methods a run uses while it runs. A plug-in bundle can be removed at any time (its jar
 * deleted from plugins/); the run then stops at the next step boundary, like a cancel, rather than
 * call into a bundle whose classes are going away.
 */
final class PluginWatch implements AutoCloseable {

    /** Run settings whose value names a method, and the kind of that method. */
    private static final Map<String, MethodKind> NAMING_SETTINGS = Map.of(
            "solver", MethodKind.SOLVER,
            "model", MethodKind.MODEL,
            "optimizer", MethodKind.OPTIMIZER,
            "balance", MethodKind.BALANCER,
            "sampler", MethodKind.SAMPLER);

    private final List<MethodDescriptor> used = new ArrayList<>();
    private final AutoCloseable registration;
    private volatile MethodDescriptor withdrawn;

    PluginWatch(MethodRegistry registry, Map<String, Object> settings) {
        NAMING_SETTINGS.forEach((key, kind) -> {
            Object name = key.equals("solver") ? settings.getOrDefault(key, RunService.DEFAULT_SOLVER) : settings.get(key);
            if (name != null) {
                registry.find(kind, name.toString().trim()).ifPresent(used::add);
            }
        });
        registration = registry.addListener(new MethodListener() {
            @Override
            public void added(MethodDescriptor method) {
            }

            @Override
            public void removed(MethodDescriptor method) {
                for (MethodDescriptor m : used) {
                    if (m.serviceId() == method.serviceId() && m.kind() == method.kind()) {
                        withdrawn = m;
                    }
                }
            }
        });
    }

    /** The used method that was removed, or null while all are present. */
    MethodDescriptor withdrawn() {
        return withdrawn;
    }

    List<MethodDescriptor> used() {
        return List.copyOf(used);
    }

    @Override
    public void close() {
        try {
            registration.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not remove the plug-in watch of a run", e);
        }
    }
}
