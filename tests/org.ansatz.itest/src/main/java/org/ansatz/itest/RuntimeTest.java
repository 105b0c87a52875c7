package org.ansatz.itest;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.metric.Metric;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** The resolved runtime starts, the engine computes, and the kernel's own methods are registered. */
class RuntimeTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    TensorEngine engine;

    @InjectService(timeout = 10_000)
    MethodRegistry registry;

    @InjectService(timeout = 10_000)
    CommandProcessor processor;

    @Test
    void everyBundleIsActiveAndEveryFragmentAttached() {
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            assertThat(b.getState()).as(b.getSymbolicName())
                    .isEqualTo(fragment ? Bundle.RESOLVED : Bundle.ACTIVE);
        }
        assertThat(Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName))
                .contains("org.ansatz.kernel", "org.ansatz.shell", "org.ansatz.platform.djl",
                        "org.ansatz.platform.djl.native.linux.x86_64", "org.apache.felix.fileinstall");
    }

    @Test
    void pyTorchComputesAMatmulInsideTheFramework() {
        assertThat(engine.engineName()).isEqualTo("PyTorch");
        assertThat(engine.engineVersion()).startsWith("2.7.1");
        assertThat(engine.interOpThreads()).isEqualTo(1);
        assertThat(engine.intraOpThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        try (NDManager m = engine.newManager()) {
            NDArray a = m.create(new double[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3));
            NDArray b = m.create(new double[] {7, 8, 9, 10, 11, 12}, new Shape(3, 2));
            assertThat(a.matMul(b).toDoubleArray()).containsExactly(58, 64, 139, 154);
        }
    }

    @Test
    void kernelMethodsAreRegisteredAndUsable() {
        assertThat(registry.methods(MethodKind.METRIC)).extracting(d -> d.name())
                .contains("rel-l2", "max-abs", "rmse", "mae");
        assertThat(registry.methods(MethodKind.LOSS)).extracting(d -> d.name()).contains("mse", "l1", "huber");
        Metric relL2 = registry.get(Metric.class, "rel-l2");
        assertThat(relL2.evaluate(new double[] {3, 4, 1}, new double[] {3, 4, 0})).isEqualTo(1.0 / 5);
    }

    @Test
    void infoCommandReportsEngineAndBundles() throws Exception {
        String out = Plugins.run(processor, "ansatz:info");
        assertThat(out).contains("PyTorch 2.7.1").contains("DJL 0.36.0").contains("inter-op threads 1")
                .contains("org.ansatz.kernel").contains("org.ansatz.platform.djl");
    }
}
