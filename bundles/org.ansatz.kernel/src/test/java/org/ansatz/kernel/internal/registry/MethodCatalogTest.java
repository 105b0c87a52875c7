package org.ansatz.kernel.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodListener;
import org.ansatz.api.method.UnknownMethodException;
import org.ansatz.api.metric.Metric;
import org.ansatz.api.sampler.Sampler;
import org.junit.jupiter.api.Test;

class MethodCatalogTest {

    private static MethodDescriptor metric(String name, long id) {
        return new MethodDescriptor(name, MethodKind.METRIC, "", "test.bundle", "1.0.0", id);
    }

    private final Metric zero = (p, r) -> 0;
    private final Metric one = (p, r) -> 1;

    @Test
    void findsByKindAndNameAndForgetsRemoved() {
        MethodCatalog c = new MethodCatalog();
        c.add(metric("rel-l2", 1), () -> zero);
        assertThat(c.find(MethodKind.METRIC, "rel-l2")).isPresent();
        assertThat(c.find(MethodKind.SAMPLER, "rel-l2")).isEmpty();
        assertThat(c.get(Metric.class, "rel-l2")).isSameAs(zero);
        c.remove(MethodKind.METRIC, "rel-l2", 1);
        assertThat(c.methods()).isEmpty();
        assertThatThrownBy(() -> c.get(Metric.class, "rel-l2")).isInstanceOf(UnknownMethodException.class);
    }

    @Test
    void firstProviderWinsAndTheSecondTakesOverWhenItLeaves() {
        MethodCatalog c = new MethodCatalog();
        List<String> events = new ArrayList<>();
        c.addListener(new MethodListener() {
            @Override
            public void added(MethodDescriptor m) {
                events.add("+" + m.name() + "#" + m.serviceId());
            }

            @Override
            public void removed(MethodDescriptor m) {
                events.add("-" + m.name() + "#" + m.serviceId());
            }
        });
        c.add(metric("rmse", 1), () -> zero);
        c.add(metric("rmse", 2), () -> one);
        assertThat(c.methods()).extracting(MethodDescriptor::serviceId).containsExactly(1L);
        assertThat(c.get(Metric.class, "rmse")).isSameAs(zero);
        c.remove(MethodKind.METRIC, "rmse", 1);
        assertThat(c.get(Metric.class, "rmse")).isSameAs(one);
        c.remove(MethodKind.METRIC, "rmse", 2);
        assertThat(events).containsExactly("+rmse#1", "-rmse#1", "+rmse#2", "-rmse#2");
    }

    @Test
    void listsInKindThenNameOrder() {
        MethodCatalog c = new MethodCatalog();
        c.add(metric("rmse", 1), () -> zero);
        c.add(new MethodDescriptor("sobol", MethodKind.SAMPLER, "", "b", "1", 2), () -> null);
        c.add(metric("mae", 3), () -> zero);
        assertThat(c.methods()).extracting(MethodDescriptor::name).containsExactly("sobol", "mae", "rmse");
        assertThat(c.methods(MethodKind.METRIC)).extracting(MethodDescriptor::name).containsExactly("mae", "rmse");
    }

    @Test
    void unknownNameSuggestsTheClosestAndListsTheRest() {
        MethodCatalog c = new MethodCatalog();
        c.add(metric("rel-l2", 1), () -> zero);
        c.add(metric("max-abs", 2), () -> zero);
        assertThatThrownBy(() -> c.get(Metric.class, "rel-l1"))
                .isInstanceOf(UnknownMethodException.class)
                .hasMessageContaining("unknown metric 'rel-l1'")
                .hasMessageContaining("did you mean 'rel-l2'?")
                .hasMessageContaining("Available: max-abs, rel-l2");
        assertThatThrownBy(() -> c.get(Sampler.class, "r3"))
                .hasMessageContaining("no sampler is registered")
                .hasMessageContaining("plug-in");
    }

    @Test
    void aProviderThatVanishedIsReportedAsUnknown() {
        MethodCatalog c = new MethodCatalog();
        c.add(metric("rmse", 1), () -> null);
        assertThatThrownBy(() -> c.get(Metric.class, "rmse")).isInstanceOf(UnknownMethodException.class);
    }

    @Test
    void rejectsTypesThatAreNoMethodKind() {
        MethodCatalog c = new MethodCatalog();
        assertThatThrownBy(() -> c.get(String.class, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
