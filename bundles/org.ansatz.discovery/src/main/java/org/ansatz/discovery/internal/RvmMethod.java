package org.ansatz.discovery.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.discovery.Discoverer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Sparse Bayesian regression (relevance vector machine / ARD) with posterior coefficient uncertainty */
@Component(service = Discoverer.class, configurationPid = "org.ansatz.discovery.rvm")
@Designate(ocd = RvmMethod.Config.class)
@AnsatzMethod(name = "rvm", description = "Sparse Bayesian regression (relevance vector machine / ARD) with posterior coefficient uncertainty")
public final class RvmMethod extends ConfiguredDiscoverer {

    @ObjectClassDefinition(name = "Discovery method rvm", description = "Sparse Bayesian regression (relevance vector machine / ARD) with posterior coefficient uncertainty")
    public @interface Config {
        @AttributeDefinition(description = "Default options as key=value, overridden by each call's options")
        String[] options() default {};
    }

    private final Discoverer core = new SparseDiscovery("rvm", SparseDiscovery.Optimizer.RVM, false)::discover;

    public RvmMethod() {
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
