package org.ansatz.api.method;

import java.util.Objects;

/**
 * A registered method as users see it.
 *
 * @param name          the name users type ({@code ansatz.name}), e.g. {@code r3}
 * @param kind          what it is
 * @param description   one line, possibly empty ({@code ansatz.description})
 * @param bundle        symbolic name of the bundle (or jar) that provides it
 * @param bundleVersion version of that bundle
 * @param serviceId     the framework's service id, or a synthetic id outside OSGi
 */
public record MethodDescriptor(String name, MethodKind kind, String description, String bundle,
        String bundleVersion, long serviceId) {

    public MethodDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(bundleVersion, "bundleVersion");
    }
}
