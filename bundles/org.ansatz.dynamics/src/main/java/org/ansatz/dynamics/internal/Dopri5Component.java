package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.dynamics.Integrator;
import org.ansatz.api.dynamics.VectorField;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code dopri5} as a service, tolerances from configuration (PID {@code org.ansatz.integrator.dopri5}). */
@Component(service = Integrator.class, configurationPid = "org.ansatz.integrator.dopri5")
@Designate(ocd = Dopri5Component.Config.class)
@AnsatzMethod(name = "dopri5", description = "Adaptive Dormand-Prince 5(4)")
public class Dopri5Component implements Integrator {

    @ObjectClassDefinition(name = "Ansatz dopri5 integrator")
    public @interface Config {
        @AttributeDefinition(description = "Relative tolerance")
        double rtol() default 1e-6;

        @AttributeDefinition(description = "Absolute tolerance")
        double atol() default 1e-8;

        @AttributeDefinition(description = "Most steps one solve may take")
        int maxSteps() default 1_000_000;
    }

    private volatile Dopri5 delegate = new Dopri5();

    public Dopri5Component() {
    }

    @Activate
    @Modified // new defaults apply without withdrawing the method
    void activate(Config c) {
        delegate = new Dopri5(c.rtol(), c.atol(), c.maxSteps());
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public NDArray step(VectorField f, double t, NDArray x, double h) {
        return delegate.step(f, t, x, h);
    }

    @Override
    public NDArray solve(VectorField f, NDArray x0, double[] times, double maxStep) {
        return delegate.solve(f, x0, times, maxStep);
    }
}
