package org.ansatz.kernel.internal.engine;

import ai.djl.ndarray.NDManager;
import org.ansatz.api.engine.TensorEngine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/** Publishes the tensor engine, configured under PID {@value #PID}. */
@Component(service = TensorEngine.class, configurationPid = TensorEngineComponent.PID)
@Designate(ocd = EngineConfig.class)
public class TensorEngineComponent implements TensorEngine {

    static final String PID = "org.ansatz.engine";

    private DjlTensorEngine delegate;

    @Activate
    void activate(EngineConfig config) {
        delegate = new DjlTensorEngine(
                new EngineSettings(config.engine(), config.intraOpThreads(), config.interOpThreads()));
    }

    @Override
    public String engineName() {
        return delegate.engineName();
    }

    @Override
    public String engineVersion() {
        return delegate.engineVersion();
    }

    @Override
    public String djlVersion() {
        return delegate.djlVersion();
    }

    @Override
    public int intraOpThreads() {
        return delegate.intraOpThreads();
    }

    @Override
    public int interOpThreads() {
        return delegate.interOpThreads();
    }

    @Override
    public NDManager newManager() {
        return delegate.newManager();
    }
}
