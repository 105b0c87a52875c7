package org.ansatz.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.guice.ComponentDescription.ReferenceDescription;
import org.ansatz.kernel.internal.registry.MethodCatalog;
import org.junit.jupiter.api.Test;

/** The SCR behaviour the class-path wiring reproduces, on components written for the test. */
class ComponentInstancesTest {

    /** A service interface of the test. */
    public interface Clock {
        long now();
    }

    public @interface ClockConfig {
        long start() default 7;

        String time_zone() default "UTC";

        int[] steps() default {};
    }

    static final class FixedClock implements Clock {
        long start;
        String zone;
        int[] steps;
        boolean deactivated;

        void activate(ClockConfig config) {
            start = config.start();
            zone = config.time_zone();
            steps = config.steps();
        }

        void deactivate() {
            deactivated = true;
        }

        @Override
        public long now() {
            return start;
        }
    }

    static final class Watch {
        final Clock clock;
        MethodRegistry registry;
        final List<Clock> bound = new ArrayList<>();

        Watch(Clock clock) {
            this.clock = clock;
        }

        void addClock(Clock c) {
            bound.add(c);
        }
    }

    static ComponentDescription clock(Map<String, Object> props) {
        return new ComponentDescription("clock", FixedClock.class.getName(), List.of(Clock.class.getName()), props,
                List.of(), null, null, 0, List.of("test.clock"), false, "test", "1.0.0");
    }

    static ComponentDescription watch() {
        return new ComponentDescription("watch", Watch.class.getName(), List.of(), Map.of(), List.of(
                new ReferenceDescription("$000", Clock.class.getName(), "1..1", null, null, 0),
                new ReferenceDescription("registry", MethodRegistry.class.getName(), "1..1", "registry", null, null),
                new ReferenceDescription("clocks", Clock.class.getName(), "0..n", null, "addClock", null)),
                null, null, 1, List.of("watch"), false, "test", "1.0.0");
    }

    private static ComponentInstances wire(List<ComponentDescription> components, Map<String, Map<String, Object>> config) {
        ComponentPlan plan = ComponentPlan.of(components, ComponentInstancesTest.class.getClassLoader(), config);
        ComponentInstances instances = new ComponentInstances(plan, new MethodCatalog(), config);
        Injector injector = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                requestInjection(instances);
                for (ComponentDescription c : plan.active) {
                    bind(ComponentInstances.key(c)).toProvider((Provider<Object>) () -> instances.create(c)).in(Singleton.class);
                }
            }
        });
        return instances;
    }

    @Test
    void referencesReachConstructorFieldAndBindMethodAndConfigurationOverridesProperties() {
        ComponentDescription clock = clock(Map.of("start", 3L, "time.zone", "CET", "steps", new Object[] {1, 2}));
        ComponentInstances instances = wire(List.of(clock, watch()), Map.of("test.clock", Map.of("start", "11")));
        Watch w = (Watch) instances.get(watch());
        FixedClock c = (FixedClock) w.clock;
        assertThat(c.now()).isEqualTo(11);
        assertThat(c.zone).isEqualTo("CET");
        assertThat(c.steps).containsExactly(1, 2);
        assertThat(w.registry).isInstanceOf(MethodCatalog.class);
        assertThat(w.bound).containsExactly(c);
        assertThat(instances.get(clock)).isSameAs(c);
        instances.close();
        assertThat(c.deactivated).isTrue();
    }

    @Test
    void defaultsOfTheConfigurationAnnotationApplyWhenNoPropertyIsSet() {
        ComponentInstances instances = wire(List.of(clock(Map.of())), Map.of());
        FixedClock c = (FixedClock) instances.get(clock(Map.of()));
        assertThat(c.now()).isEqualTo(7);
        assertThat(c.zone).isEqualTo("UTC");
    }

    @Test
    void anUnsatisfiedComponentIsLeftOutWithTheReason() {
        ComponentPlan plan = ComponentPlan.of(List.of(watch()), getClass().getClassLoader(), Map.of());
        assertThat(plan.active).isEmpty();
        assertThat(plan.skipped.get("watch")).contains("no component provides " + Clock.class.getName());
        ComponentDescription missing = new ComponentDescription("ghost", "org.example.Missing", List.of(), Map.of(),
                List.of(), null, null, 0, List.of("ghost"), false, "test", "1");
        assertThat(ComponentPlan.of(List.of(missing), getClass().getClassLoader(), Map.of()).skipped.get("ghost"))
                .contains("does not load");
        ComponentDescription needsConfig = new ComponentDescription("cfg", FixedClock.class.getName(), List.of(),
                Map.of(), List.of(), null, null, 0, List.of("p"), true, "test", "1");
        assertThat(ComponentPlan.of(List.of(needsConfig), getClass().getClassLoader(), Map.of()).skipped.get("cfg"))
                .contains("requires a configuration");
    }

    @Test
    void badConfigurationValuesAreNamed() {
        ComponentInstances instances = wire(List.of(clock(Map.of())), Map.of("test.clock", Map.of("start", "soon")));
        assertThatThrownBy(() -> instances.get(clock(Map.of()))).hasStackTraceContaining("'start'")
                .hasStackTraceContaining("soon");
    }

    @Test
    void elementNamesMapToPropertyKeysAsInDeclarativeServices() {
        assertThat(ComponentInstances.keyOf("max_steps")).isEqualTo("max.steps");
        assertThat(ComponentInstances.keyOf("a__b")).isEqualTo("a_b");
        assertThat(ComponentInstances.keyOf("cost$$")).isEqualTo("cost$");
        assertThat(ComponentInstances.keyOf("new$_$name")).isEqualTo("new-name");
        assertThat(ComponentInstances.keyOf("plain$")).isEqualTo("plain");
    }

    @Test
    void descriptorsWrittenByBndAreRead() throws Exception {
        java.nio.file.Path xml = java.nio.file.Files.createTempFile("component", ".xml");
        java.nio.file.Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="x.Solver" init="1" activate="start" configuration-pid="a b" configuration-policy="require">
                  <property name="ansatz.name" type="String" value="s"/>
                  <property name="every" type="Integer" value="3"/>
                  <property name="layers" type="Integer">20
                  30
                  </property>
                  <service><provide interface="x.Api"/></service>
                  <reference name="$000" interface="x.Registry" parameter="0"/>
                  <reference name="more" cardinality="0..n" interface="x.More" field="more"/>
                  <implementation class="x.Solver"/>
                </scr:component>
                """);
        ComponentDescription c = ComponentDescription.read(xml.toUri().toURL(), "b", "1.2.3").get(0);
        java.nio.file.Files.delete(xml);
        assertThat(c.name()).isEqualTo("x.Solver");
        assertThat(c.init()).isEqualTo(1);
        assertThat(c.activate()).isEqualTo("start");
        assertThat(c.configurationPid()).containsExactly("a", "b");
        assertThat(c.configurationRequired()).isTrue();
        assertThat(c.properties()).containsEntry("ansatz.name", "s").containsEntry("every", 3);
        assertThat((Object[]) c.properties().get("layers")).containsExactly(20, 30);
        assertThat(c.services()).containsExactly("x.Api");
        assertThat(c.references()).hasSize(2);
        assertThat(c.references().get(0).parameter()).isZero();
        assertThat(c.references().get(1).multiple()).isTrue();
        assertThat(c.references().get(1).optional()).isTrue();
    }
}
