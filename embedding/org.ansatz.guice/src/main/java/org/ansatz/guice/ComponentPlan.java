package org.ansatz.guice;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.method.MethodRegistry;

/**
 * Which components can run without a framework, decided as SCR decides satisfaction: a component whose
 * class or referenced interfaces do not load, that needs OSGi types to activate, is a shell command,
 * requires a configuration it was not given, or has a mandatory reference no active component provides,
 * is left out with the reason recorded. Leaving one out can leave another unsatisfied, so this repeats
 * until nothing changes.
 */
final class ComponentPlan {

    /** Provided outside the components: the catalog fed by this wiring. */
    static final String REGISTRY = MethodRegistry.class.getName();

    final List<ComponentDescription> active = new ArrayList<>();
    final Map<String, String> skipped = new LinkedHashMap<>();
    final Map<String, Class<?>> implementations = new LinkedHashMap<>();
    final Map<String, Class<?>> types = new LinkedHashMap<>();

    static ComponentPlan of(List<ComponentDescription> all, ClassLoader loader, Map<String, Map<String, Object>> configurations) {
        ComponentPlan plan = new ComponentPlan();
        List<ComponentDescription> candidates = new ArrayList<>();
        for (ComponentDescription c : all) {
            String reason = plan.check(c, loader, configurations);
            if (reason == null) {
                candidates.add(c);
            } else {
                plan.skipped.put(c.name(), reason);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ComponentDescription c : List.copyOf(candidates)) {
                for (ComponentDescription.ReferenceDescription r : c.references()) {
                    if (!r.optional() && !r.service().equals(REGISTRY)
                            && candidates.stream().noneMatch(o -> o.services().contains(r.service()))) {
                        plan.skipped.put(c.name(), "no component provides " + r.service() + " (reference " + r.name() + ")");
                        candidates.remove(c);
                        changed = true;
                        break;
                    }
                }
            }
        }
        plan.active.addAll(candidates);
        return plan;
    }

    /** Why the component cannot run on a plain class path, or {@code null} when it can. */
    private String check(ComponentDescription c, ClassLoader loader, Map<String, Map<String, Object>> configurations) {
        if (c.properties().containsKey("osgi.command.scope")) {
            return "a shell command";
        }
        if (c.services().contains(REGISTRY)) {
            return "the registry is the class path's own";
        }
        if (c.configurationRequired() && c.configurationPid().stream().noneMatch(configurations::containsKey)) {
            return "requires a configuration (PID " + String.join(", ", c.configurationPid()) + ")";
        }
        try {
            Class<?> impl = Class.forName(c.implementation(), false, loader);
            for (String s : c.services()) {
                types.put(s, Class.forName(s, false, loader));
            }
            for (ComponentDescription.ReferenceDescription r : c.references()) {
                types.put(r.service(), Class.forName(r.service(), false, loader));
            }
            for (Executable e : lifecycle(impl, c)) {
                for (Class<?> p : e.getParameterTypes()) {
                    if (p.getName().startsWith("org.osgi.")) {
                        return "needs an OSGi framework (" + p.getSimpleName() + " in " + e.getName() + ")";
                    }
                }
            }
            implementations.put(c.name(), impl);
            return null;
        } catch (ClassNotFoundException | LinkageError e) {
            return "does not load on this class path: " + e;
        }
    }

    /** The constructor and the activate method SCR would call. */
    static List<Executable> lifecycle(Class<?> impl, ComponentDescription c) {
        List<Executable> out = new ArrayList<>();
        for (Constructor<?> k : impl.getDeclaredConstructors()) {
            if (k.getParameterCount() == c.init()) {
                out.add(k);
            }
        }
        String activate = c.activate() != null ? c.activate() : "activate";
        for (Class<?> k = impl; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Method m : k.getDeclaredMethods()) {
                if (m.getName().equals(activate)) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
