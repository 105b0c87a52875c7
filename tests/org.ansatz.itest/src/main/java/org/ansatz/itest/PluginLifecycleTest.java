package org.ansatz.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.method.UnknownMethodException;
import org.ansatz.api.metric.Metric;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** A plug-in bundle installed at runtime appears in the registry and the shell, and leaves both when removed. */
class PluginLifecycleTest {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    MethodRegistry registry;

    @InjectService(timeout = 10_000)
    CommandProcessor processor;

    @Test
    void installedPluginIsSelectableByNameAndUninstalledPluginIsGone() throws Exception {
        assertThat(registry.find(MethodKind.METRIC, Plugins.PLUGIN_METHOD)).isEmpty();

        Bundle plugin = context.installBundle("test:plugin", Plugins.testPlugin());
        try {
            plugin.start();
            Plugins.await(() -> registry.find(MethodKind.METRIC, Plugins.PLUGIN_METHOD).isPresent(),
                    Duration.ofSeconds(10), "the plug-in's metric");

            var d = registry.find(MethodKind.METRIC, Plugins.PLUGIN_METHOD).orElseThrow();
            assertThat(d.bundle()).isEqualTo(Plugins.PLUGIN_BSN);
            assertThat(d.bundleVersion()).isEqualTo("1.2.3");
            Metric m = registry.get(Metric.class, Plugins.PLUGIN_METHOD);
            assertThat(m.evaluate(new double[] {1, 5, 2}, new double[] {1, 2, 2})).isEqualTo(3.0);

            assertThat(Plugins.run(processor, "ansatz:methods metric"))
                    .containsPattern("metric\\s+test-chebyshev\\s+org\\.ansatz\\.test\\.plugin\\s+1\\.2\\.3");
        } finally {
            plugin.uninstall();
        }

        Plugins.await(() -> registry.find(MethodKind.METRIC, Plugins.PLUGIN_METHOD).isEmpty(),
                Duration.ofSeconds(10), "the plug-in's metric to go");
        assertThat(Plugins.run(processor, "ansatz:methods")).doesNotContain(Plugins.PLUGIN_METHOD);
        assertThatThrownBy(() -> registry.get(Metric.class, Plugins.PLUGIN_METHOD))
                .isInstanceOf(UnknownMethodException.class)
                .hasMessageContaining("unknown metric 'test-chebyshev'");
    }
}
