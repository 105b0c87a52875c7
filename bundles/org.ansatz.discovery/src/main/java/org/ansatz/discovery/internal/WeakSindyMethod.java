package org.ansatz.discovery.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.discovery.Discoverer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Weak SINDy: the equation integrated against test functions in time, robust to noise */
@Component(service = Discoverer.class, configurationPid = "org.ansatz.discovery.weak-sindy")
@Designate(ocd = WeakSindyMethod.Config.class)
@AnsatzMethod(name = "weak-sindy", description = "Weak SINDy: the equation integrated against test functions in time, robust to noise")
public final class WeakSindyMethod extends ConfiguredDiscoverer {

    @ObjectClassDefinition(name = "Discovery method weak-sindy", description = "Weak SINDy: the equation integrated against test functions in time, robust to noise")
    public @interface Config {
        @AttributeDefinition(description = "Default options as key=value, overridden by each call's options")
        String[] options() default {};
    }

    private final Discoverer core = new SparseDiscovery("weak-sindy", SparseDiscovery.Optimizer.STLSQ, true)::discover;

    public WeakSindyMethod() {
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
