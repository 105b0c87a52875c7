package org.ansatz.discovery.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.discovery.Discoverer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Ensemble SINDy: block-bootstrap bagging of STLSQ; median coefficients with standard deviations */
@Component(service = Discoverer.class, configurationPid = "org.ansatz.discovery.ensemble-sindy")
@Designate(ocd = EnsembleSindyMethod.Config.class)
@AnsatzMethod(name = "ensemble-sindy", description = "Ensemble SINDy: block-bootstrap bagging of STLSQ; median coefficients with standard deviations")
public final class EnsembleSindyMethod extends ConfiguredDiscoverer {

    @ObjectClassDefinition(name = "Discovery method ensemble-sindy", description = "Ensemble SINDy: block-bootstrap bagging of STLSQ; median coefficients with standard deviations")
    public @interface Config {
        @AttributeDefinition(description = "Default options as key=value, overridden by each call's options")
        String[] options() default {};
    }

    private final Discoverer core = new SparseDiscovery("ensemble-sindy", SparseDiscovery.Optimizer.ENSEMBLE, false)::discover;

    public EnsembleSindyMethod() {
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
