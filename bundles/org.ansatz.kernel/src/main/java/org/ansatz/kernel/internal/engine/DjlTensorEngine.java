package org.ansatz.kernel.internal.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import org.ansatz.api.engine.TensorEngine;

/**
 * Starts DJL's engine on first use, offline and with the configured threads. Free of OSGi types: the
 * DS component and the plain-classpath mode both wrap it.
 */
public final class DjlTensorEngine implements TensorEngine {

    private final EngineSettings settings;
    private volatile Engine engine;

    public DjlTensorEngine(EngineSettings settings) {
        this.settings = settings;
    }

    /** The started engine. */
    public Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    engine = e = start();
                }
            }
        }
        return e;
    }

    private Engine start() {
        // No machine of ours may download: DJL must use the bundled native library and send no telemetry.
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // PyTorch reads these once, when the engine starts.
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(settings.effectiveIntraOpThreads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(settings.interOpThreads()));

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // DJL finds engine providers and native resources through the context class loader. Inside
        // OSGi that must be the platform bundle's loader (its native fragment attaches there).
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            Engine e = Engine.getEngine(settings.engine());
            if (PYTORCH.equals(e.getEngineName())) {
                // The engine may have started earlier in this process (a restarted kernel bundle):
                // intra-op threads can still be changed, inter-op threads cannot.
                JniUtils.setNumThreads(settings.effectiveIntraOpThreads());
            }
            return e;
        } catch (RuntimeException | UnsatisfiedLinkError failure) {
            throw new IllegalStateException("the " + settings.engine() + " engine could not start on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + failure
                    + ". Engines found: " + Engine.getAllEngines()
                    + ". The native library comes from the platform fragment "
                    + "org.ansatz.platform.djl.native.linux.x86_64; is it installed for this platform?", failure);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static final String PYTORCH = EngineSettings.PYTORCH;

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public String engineName() {
        return engine().getEngineName();
    }

    @Override
    public String engineVersion() {
        return engine().getVersion();
    }

    @Override
    public String djlVersion() {
        return Engine.getDjlVersion();
    }

    @Override
    public int intraOpThreads() {
        return PYTORCH.equals(engineName()) ? JniUtils.getNumThreads() : settings.effectiveIntraOpThreads();
    }

    @Override
    public int interOpThreads() {
        return PYTORCH.equals(engineName()) ? JniUtils.getNumInteropThreads() : settings.interOpThreads();
    }

    @Override
    public NDManager newManager() {
        return engine().newBaseManager();
    }
}
