package org.ansatz.discovery.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.discovery.Discoverer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** SINDy with sparse relaxed regularised regression (SR3, L0 or L1) */
@Component(service = Discoverer.class, configurationPid = "org.ansatz.discovery.sr3")
@Designate(ocd = Sr3Method.Config.class)
@AnsatzMethod(name = "sr3", description = "SINDy with sparse relaxed regularised regression (SR3, L0 or L1)")
public final class Sr3Method extends ConfiguredDiscoverer {

    @ObjectClassDefinition(name = "Discovery method sr3", description = "SINDy with sparse relaxed regularised regression (SR3, L0 or L1)")
    public @interface Config {
        @AttributeDefinition(description = "Default options as key=value, overridden by each call's options")
        String[] options() default {};
    }

    private final Discoverer core = new SparseDiscovery("sr3", SparseDiscovery.Optimizer.SR3, false)::discover;

    public Sr3Method() {
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
