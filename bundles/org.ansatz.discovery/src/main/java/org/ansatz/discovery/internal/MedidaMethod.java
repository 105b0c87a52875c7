package org.ansatz.discovery.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.discovery.Discoverer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** MEDIDA model-error discovery: terms missing from a known model, by RVM on one-step model errors (optional EnKF) */
@Component(service = Discoverer.class, configurationPid = "org.ansatz.discovery.medida")
@Designate(ocd = MedidaMethod.Config.class)
@AnsatzMethod(name = "medida", description = "MEDIDA model-error discovery: terms missing from a known model, by RVM on one-step model errors (optional EnKF)")
public final class MedidaMethod extends ConfiguredDiscoverer {

    @ObjectClassDefinition(name = "Discovery method medida", description = "MEDIDA model-error discovery: terms missing from a known model, by RVM on one-step model errors (optional EnKF)")
    public @interface Config {
        @AttributeDefinition(description = "Default options as key=value, overridden by each call's options")
        String[] options() default {};
    }

    private final Discoverer core = new ModelErrorDiscovery("medida")::discover;

    public MedidaMethod() {
    }

    @Activate
    @Modified
    void activate(Config config) {
        configure(config.options());
    }

    @Override
    Discoverer core() {
        return core;
    }
}
