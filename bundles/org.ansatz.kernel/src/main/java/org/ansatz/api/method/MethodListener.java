package org.ansatz.api.method;

import org.osgi.annotation.versioning.ConsumerType;

/** Told when methods come and go (a plug-in bundle was installed, started, stopped or removed). */
@ConsumerType
public interface MethodListener {

    void added(MethodDescriptor method);

    void removed(MethodDescriptor method);
}
