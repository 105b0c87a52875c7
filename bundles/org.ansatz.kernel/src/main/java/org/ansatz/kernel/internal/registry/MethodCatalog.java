package org.ansatz.kernel.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodListener;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.method.UnknownMethodException;

/**
 * The method registry without any OSGi types: whoever discovers methods (a service tracker inside
 * the framework, a classpath scan in the Guice mode, a test) feeds it with {@link #add} and
 * {@link #remove}.
 *
 * <p>When two providers register the same kind and name, the one added first wins and the other
 * waits; it takes over if the first goes away, as the service registry's ranking would.
 */
public final class MethodCatalog implements MethodRegistry {

    private record Entry(MethodDescriptor descriptor, Supplier<?> service) {
    }

    private static final Comparator<MethodDescriptor> ORDER =
            Comparator.comparing(MethodDescriptor::kind).thenComparing(MethodDescriptor::name);

    /** Keyed by kind and name; each list holds competing providers in arrival order. */
    private final Map<MethodKind, Map<String, List<Entry>>> entries = new ConcurrentHashMap<>();
    private final List<MethodListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a method; {@code service} is asked for the object only when someone uses it. */
    public void add(MethodDescriptor descriptor, Supplier<?> service) {
        boolean visible;
        synchronized (this) {
            List<Entry> list = entries.computeIfAbsent(descriptor.kind(), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(descriptor.name(), n -> new CopyOnWriteArrayList<>());
            list.add(new Entry(descriptor, service));
            visible = list.size() == 1;
        }
        if (visible) {
            listeners.forEach(l -> l.added(descriptor));
        }
    }

    /** Removes the method with this service id under this kind, if present. */
    public void remove(MethodKind kind, String name, long serviceId) {
        MethodDescriptor removed = null;
        MethodDescriptor successor = null;
        synchronized (this) {
            Map<String, List<Entry>> byName = entries.get(kind);
            List<Entry> list = byName == null ? null : byName.get(name);
            if (list == null) {
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).descriptor().serviceId() == serviceId) {
                    Entry e = list.remove(i);
                    if (i == 0) {
                        removed = e.descriptor();
                        successor = list.isEmpty() ? null : list.get(0).descriptor();
                    }
                    break;
                }
            }
            if (list.isEmpty()) {
                byName.remove(name);
            }
        }
        if (removed != null) {
            MethodDescriptor r = removed;
            listeners.forEach(l -> l.removed(r));
        }
        if (successor != null) {
            MethodDescriptor s = successor;
            listeners.forEach(l -> l.added(s));
        }
    }

    @Override
    public List<MethodDescriptor> methods() {
        List<MethodDescriptor> out = new ArrayList<>();
        entries.values().forEach(byName -> byName.values().forEach(list -> first(list).ifPresent(e -> out.add(e.descriptor()))));
        out.sort(ORDER);
        return out;
    }

    @Override
    public List<MethodDescriptor> methods(MethodKind kind) {
        return methods().stream().filter(d -> d.kind() == kind).toList();
    }

    @Override
    public Optional<MethodDescriptor> find(MethodKind kind, String name) {
        return entry(kind, name).map(Entry::descriptor);
    }

    @Override
    public <T> T get(Class<T> type, String name) {
        MethodKind kind = kindOf(type);
        Entry e = entry(kind, name).orElseThrow(() -> new UnknownMethodException(kind, name,
                methods(kind).stream().map(MethodDescriptor::name).toList()));
        Object service = e.service().get();
        if (service == null) {
            // The provider went away between lookup and use (a bundle being stopped).
            throw new UnknownMethodException(kind, name,
                    methods(kind).stream().map(MethodDescriptor::name).filter(n -> !n.equals(name)).toList());
        }
        return type.cast(service);
    }

    @Override
    public AutoCloseable addListener(MethodListener listener) {
        listeners.add(listener);
        methods().forEach(listener::added);
        return () -> listeners.remove(listener);
    }

    private Optional<Entry> entry(MethodKind kind, String name) {
        Map<String, List<Entry>> byName = entries.get(kind);
        return byName == null ? Optional.empty() : first(byName.getOrDefault(name, List.of()));
    }

    private static Optional<Entry> first(List<Entry> list) {
        try {
            return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
        } catch (IndexOutOfBoundsException raced) {
            return Optional.empty();
        }
    }

    private static MethodKind kindOf(Class<?> type) {
        for (MethodKind k : MethodKind.values()) {
            if (k.serviceType() == type) {
                return k;
            }
        }
        throw new IllegalArgumentException(type.getName() + " is not the service interface of a method kind");
    }
}
