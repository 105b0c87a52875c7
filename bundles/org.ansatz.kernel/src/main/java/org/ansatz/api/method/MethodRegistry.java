package org.ansatz.api.method;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every method that plug-ins currently provide, by kind and name. It follows the service registry:
 * a method appears as soon as its bundle starts and disappears when the bundle stops, so callers
 * look methods up when they need them rather than holding on to them.
 */
@ProviderType
public interface MethodRegistry {

    /** All methods, ordered by kind, then name. */
    List<MethodDescriptor> methods();

    /** Methods of one kind, ordered by name. */
    List<MethodDescriptor> methods(MethodKind kind);

    /** The method of this kind and name, if registered. */
    Optional<MethodDescriptor> find(MethodKind kind, String name);

    /**
     * The service implementing the named method.
     *
     * @param type a kind's service interface, e.g. {@code Sampler.class}
     * @throws UnknownMethodException when no such method is registered; the message lists the
     *                                available names
     * @throws IllegalArgumentException when {@code type} is not a method kind's interface
     */
    <T> T get(Class<T> type, String name);

    /**
     * Registers a listener; it is first told about every method already present.
     *
     * @return closing it removes the listener
     */
    AutoCloseable addListener(MethodListener listener);
}
