package org.ansatz.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodProperties;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.kernel.internal.registry.MethodCatalog;

/**
 * Ansatz on a plain class path, wired by Guice: the kernel and every method family found on the class
 * path, from the same Declarative Services descriptors SCR reads inside OSGi, so the same component
 * classes run in both modes with no wiring code of their own.
 *
 * <pre>
 * Injector injector = Guice.createInjector(new AnsatzModule());
 * Runs runs = injector.getInstance(Runs.class);
 * try (Solution s = runs.solve(RunSpec.of("burgers").seed(1), Progress.NONE)) { ... }
 * injector.getInstance(AnsatzComponents.class).close();
 * </pre>
 *
 * Bindings: {@link MethodRegistry} (every method by kind and name), each non-method service interface
 * a component provides (e.g. {@code Runs}, {@code TensorEngine}), {@link AnsatzComponents}, and per
 * method kind a {@code Map<String, T>} by method name (e.g. {@code Map<String, Solver>}).
 */
public final class AnsatzModule extends AbstractModule {

    private final ClassLoader loader;
    private final Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();

    /** Components from the class path that loaded this class. */
    public AnsatzModule() {
        this(AnsatzModule.class.getClassLoader());
    }

    /** Components from the jars a class loader sees. */
    public AnsatzModule(ClassLoader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /**
     * Configuration for a PID, as ConfigAdmin would give it inside OSGi (e.g. {@code org.ansatz.engine} with
     * {@code intraOpThreads=1}).
     */
    public AnsatzModule configure(String pid, Map<String, ?> properties) {
        configurations.computeIfAbsent(pid, k -> new LinkedHashMap<>()).putAll(properties);
        return this;
    }

    @Override
    protected void configure() {
        ComponentPlan plan = ComponentPlan.of(ComponentScanner.scan(loader), loader, configurations);
        MethodCatalog catalog = new MethodCatalog();
        ComponentInstances instances = new ComponentInstances(plan, catalog, Map.copyOf(configurations));
        requestInjection(instances);
        bind(MethodRegistry.class).toInstance(catalog);
        bind(AnsatzComponents.class).toInstance(instances);
        Set<String> boundServices = new HashSet<>();
        Set<String> boundMethods = new HashSet<>();
        long serviceId = 1;
        for (ComponentDescription c : plan.active) {
            Key<Object> key = ComponentInstances.key(c);
            bind(key).toProvider((Provider<Object>) () -> instances.create(c)).in(Singleton.class);
            Provider<Object> component = getProvider(key);
            Object name = c.properties().get(MethodProperties.NAME);
            for (String service : c.services()) {
                Optional<MethodKind> kind = MethodKind.ofServiceType(service);
                if (kind.isPresent() && name instanceof String n && !n.isBlank()) {
                    // As in the registry, the first provider of a name wins.
                    if (boundMethods.add(service + "/" + n.trim())) {
                        bindMethod(plan.types.get(service), n.trim(), component);
                    }
                    Object description = c.properties().get(MethodProperties.DESCRIPTION);
                    catalog.add(new MethodDescriptor(n.trim(), kind.get(), description == null ? "" : description.toString(),
                            c.bundle(), c.bundleVersion(), serviceId++), () -> instances.get(c));
                } else if (boundServices.add(service)) {
                    bindService(plan.types.get(service), component);
                }
            }
        }
    }

    private <T> void bindMethod(Class<T> type, String name, Provider<Object> component) {
        MapBinder.newMapBinder(binder(), String.class, type).addBinding(name)
                .toProvider((Provider<T>) () -> type.cast(component.get()));
    }

    private <T> void bindService(Class<T> type, Provider<Object> component) {
        bind(type).toProvider((Provider<T>) () -> type.cast(component.get()));
    }
}
