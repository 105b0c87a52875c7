package org.ansatz.api.method;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that sets {@code ansatz.name} and {@code ansatz.description} on a
 * Declarative Services component:
 *
 * <pre>
 * &#64;Component
 * &#64;AnsatzMethod(name = "r3", description = "Retain-resample-release sampling")
 * public class R3Sampler implements Sampler { ... }
 * </pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AnsatzMethod {

    /** Prefix that turns the element names into {@code ansatz.*} properties. */
    String PREFIX_ = "ansatz.";

    /** The name users type. */
    String name();

    /** One line for listings. */
    String description() default "";
}
