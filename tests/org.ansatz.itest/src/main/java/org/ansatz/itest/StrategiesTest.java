package org.ansatz.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.sampler.AdaptiveSampler;
import org.ansatz.api.sampler.Sampler;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

/**
 * The training-strategy bundles (optimizers, loss balancing, samplers) register their methods by
 * name, and ConfigAdmin sets their defaults at runtime.
 */
class StrategiesTest {

    @InjectService(timeout = 10_000)
    MethodRegistry registry;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    /** r3's default {@code every}, or -1 while it is being re-created (not registered). */
    private int r3DefaultEvery() {
        try {
            return ((AdaptiveSampler) registry.get(Sampler.class, "r3")).create(Map.of()).every();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private List<String> names(MethodKind kind) {
        return registry.methods(kind).stream().map(MethodDescriptor::name).toList();
    }

    @Test
    void everyStrategyIsRegisteredByName() throws Exception {
        // Awaited rather than asserted at once: a configuration change or deletion (the test below, in
        // either order) re-creates a component, which is briefly unregistered.
        List<String> samplers = List.of("uniform", "grid", "lhs", "sobol", "halton", "hammersley", "rar", "rad", "r3",
                "causal-r3");
        Plugins.await(() -> names(MethodKind.SAMPLER).containsAll(samplers), Duration.ofSeconds(10),
                "every sampler to be registered");
        assertThat(names(MethodKind.OPTIMIZER)).contains("adam", "adamw", "lbfgs", "multiadam");
        assertThat(names(MethodKind.BALANCER)).contains("fixed", "annealing", "softadapt", "relobralo", "ntk",
                "config", "mconfig");
        assertThat(names(MethodKind.SAMPLER)).containsAll(samplers);
    }

    @Test
    void configurationChangesASamplersDefaults() throws Exception {
        AdaptiveSampler r3 = (AdaptiveSampler) registry.get(Sampler.class, "r3");
        assertThat(r3.create(Map.of()).every()).isEqualTo(1);
        Configuration c = configAdmin.getConfiguration("org.ansatz.sampler.r3", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("every", 25);
        c.update(props);
        try {
            Plugins.await(() -> r3DefaultEvery() == 25, Duration.ofSeconds(10),
                    "r3 to pick up every=25 from ConfigAdmin");
            // A run's own option still wins over the configured default.
            assertThat(((AdaptiveSampler) registry.get(Sampler.class, "r3")).create(Map.of("every", "3")).every())
                    .isEqualTo(3);
        } finally {
            c.delete();
            // The deletion re-creates r3 once more; leave it registered with its default for later tests.
            Plugins.await(() -> r3DefaultEvery() == 1, Duration.ofSeconds(10),
                    "r3 back with its default after the configuration is deleted");
        }
    }
}
