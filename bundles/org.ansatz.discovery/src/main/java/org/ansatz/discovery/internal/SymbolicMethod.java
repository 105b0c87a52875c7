package org.ansatz.discovery.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.discovery.Discoverer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Symbolic regression of time derivatives: genetic programming with constant optimisation and a Pareto front */
@Component(service = Discoverer.class, configurationPid = "org.ansatz.discovery.symbolic")
@Designate(ocd = SymbolicMethod.Config.class)
@AnsatzMethod(name = "symbolic", description = "Symbolic regression of time derivatives: genetic programming with constant optimisation and a Pareto front")
public final class SymbolicMethod extends ConfiguredDiscoverer {

    @ObjectClassDefinition(name = "Discovery method symbolic", description = "Symbolic regression of time derivatives: genetic programming with constant optimisation and a Pareto front")
    public @interface Config {
        @AttributeDefinition(description = "Default options as key=value, overridden by each call's options")
        String[] options() default {};
    }

    private final Discoverer core = new SymbolicDiscovery("symbolic")::discover;

    public SymbolicMethod() {
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
