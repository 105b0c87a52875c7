package org.ansatz.api.method;

/** Service property names shared by every method service. */
public final class MethodProperties {

    /** The name users type to select a method, e.g. {@code r3}. Required. */
    public static final String NAME = "ansatz.name";

    /** A one-line description shown in listings. Optional. */
    public static final String DESCRIPTION = "ansatz.description";

    private MethodProperties() {
    }
}
