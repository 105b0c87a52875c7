package org.ansatz.discovery.internal;

import java.util.Locale;
import org.ansatz.api.discovery.Discoverer;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code ansatz:discover} and {@code ansatz:discoverers}. */
@Component(service = DiscoverCommands.class, property = {
    "osgi.command.scope=ansatz",
    "osgi.command.function=discover",
    "osgi.command.function=discoverers"
})
public class DiscoverCommands {

    @Reference
    MethodRegistry registry;

    public DiscoverCommands() {
    }

    /** The named method; an unknown name gets the registry's message (nearest name, available ones). */
    Discoverer lookup(String name) {
        return registry.get(Discoverer.class, name);
    }

    @Descriptor("Equation-discovery methods")
    public void discoverers() {
        for (MethodDescriptor m : registry.methods(MethodKind.DISCOVERER)) {
            System.out.printf(Locale.ROOT, "%-16s %s%n", m.name(), m.description());
        }
    }

    @Descriptor("Discover governing equations from a built-in system or a CSV file; prints them with coefficient "
            + "uncertainties and writes equations.txt, coefficients.csv and discovery.json")
    public void discover(@Descriptor("--system NAME | --csv FILE --columns t,x,... [--space x --periodic], --method NAME, "
            + "--noise F, --seed N, --gen k=v, --set k=v, --library poly:2,fourier:1,derivatives:3, --derivative fd|savgol|"
            + "spectral|tv, --threshold T|auto, --model 'u_t = ...', --out DIR") String... args) throws Exception {
        DiscoverRun.run(this::lookup, System.out, args);
    }
}
