package org.ansatz.discovery.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.discovery.Discoverer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** SINDy: sparse regression (STLSQ) of time derivatives on a candidate library; ODEs and PDEs */
@Component(service = Discoverer.class, configurationPid = "org.ansatz.discovery.sindy")
@Designate(ocd = SindyMethod.Config.class)
@AnsatzMethod(name = "sindy", description = "SINDy: sparse regression (STLSQ) of time derivatives on a candidate library; ODEs and PDEs")
public final class SindyMethod extends ConfiguredDiscoverer {

    @ObjectClassDefinition(name = "Discovery method sindy", description = "SINDy: sparse regression (STLSQ) of time derivatives on a candidate library; ODEs and PDEs")
    public @interface Config {
        @AttributeDefinition(description = "Default options as key=value, overridden by each call's options")
        String[] options() default {};
    }

    private final Discoverer core = new SparseDiscovery("sindy", SparseDiscovery.Optimizer.STLSQ, false)::discover;

    public SindyMethod() {
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
