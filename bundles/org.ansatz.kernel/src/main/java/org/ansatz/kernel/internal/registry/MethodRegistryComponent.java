package org.ansatz.kernel.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodListener;
import org.ansatz.api.method.MethodProperties;
import org.ansatz.api.method.MethodRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Feeds the {@link MethodCatalog} from the service registry: every service with {@code ansatz.name}
 * whose interfaces include a method kind's interface, visible to the kernel's class space.
 */
@Component(service = MethodRegistry.class, immediate = true)
public class MethodRegistryComponent implements MethodRegistry {

    private final MethodCatalog catalog = new MethodCatalog();
    private ServiceTracker<Object, Tracked> tracker;

    /** What the tracker keeps per service: its descriptors and the lazily obtained object. */
    private static final class Tracked implements Supplier<Object> {
        final BundleContext context;
        final ServiceReference<Object> ref;
        final List<MethodDescriptor> descriptors;
        private Object service;

        Tracked(BundleContext context, ServiceReference<Object> ref, List<MethodDescriptor> descriptors) {
            this.context = context;
            this.ref = ref;
            this.descriptors = descriptors;
        }

        /** Gets the service on first use only, so listing methods activates no plug-in component. */
        @Override
        public synchronized Object get() {
            if (service == null) {
                try {
                    service = context.getService(ref);
                } catch (IllegalStateException stopping) {
                    return null;
                }
            }
            return service;
        }

        synchronized void release() {
            if (service != null) {
                service = null;
                try {
                    context.ungetService(ref);
                } catch (IllegalStateException stopping) {
                    // the kernel itself is stopping
                }
            }
        }
    }

    @Activate
    void activate(BundleContext context) throws Exception {
        Bundle kernel = context.getBundle();
        tracker = new ServiceTracker<>(context,
                FrameworkUtil.createFilter("(" + MethodProperties.NAME + "=*)"),
                new ServiceTrackerCustomizer<Object, Tracked>() {
                    @Override
                    public Tracked addingService(ServiceReference<Object> ref) {
                        Tracked t = new Tracked(context, ref, describe(ref, kernel));
                        t.descriptors.forEach(d -> catalog.add(d, t));
                        return t;
                    }

                    @Override
                    public void modifiedService(ServiceReference<Object> ref, Tracked t) {
                        // A changed name or description: withdraw and add again under the new one.
                        t.descriptors.forEach(d -> catalog.remove(d.kind(), d.name(), d.serviceId()));
                        t.descriptors.clear();
                        t.descriptors.addAll(describe(ref, kernel));
                        t.descriptors.forEach(d -> catalog.add(d, t));
                    }

                    @Override
                    public void removedService(ServiceReference<Object> ref, Tracked t) {
                        t.descriptors.forEach(d -> catalog.remove(d.kind(), d.name(), d.serviceId()));
                        t.release();
                    }
                });
        tracker.open(true);
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    static List<MethodDescriptor> describe(ServiceReference<?> ref, Bundle kernel) {
        List<MethodDescriptor> out = new ArrayList<>();
        Object nameProp = ref.getProperty(MethodProperties.NAME);
        if (!(nameProp instanceof String name) || name.isBlank()) {
            return out;
        }
        Object desc = ref.getProperty(MethodProperties.DESCRIPTION);
        Bundle provider = ref.getBundle();
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        for (String type : (String[]) ref.getProperty(Constants.OBJECTCLASS)) {
            Optional<MethodKind> kind = MethodKind.ofServiceType(type);
            // A plug-in wired to another copy of the API would fail with ClassCastException on use.
            if (kind.isPresent() && provider != null && ref.isAssignableTo(kernel, type)) {
                out.add(new MethodDescriptor(name.trim(), kind.get(), desc == null ? "" : desc.toString(),
                        provider.getSymbolicName(), provider.getVersion().toString(), id));
            }
        }
        return out;
    }

    @Override
    public List<MethodDescriptor> methods() {
        return catalog.methods();
    }

    @Override
    public List<MethodDescriptor> methods(MethodKind kind) {
        return catalog.methods(kind);
    }

    @Override
    public Optional<MethodDescriptor> find(MethodKind kind, String name) {
        return catalog.find(kind, name);
    }

    @Override
    public <T> T get(Class<T> type, String name) {
        return catalog.get(type, name);
    }

    @Override
    public AutoCloseable addListener(MethodListener listener) {
        return catalog.addListener(listener);
    }
}
