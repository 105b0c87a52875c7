package org.ansatz.shell.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@code ansatz:} commands about the system itself. */
@Component(service = AnsatzCommands.class, property = {
    "osgi.command.scope=ansatz",
    "osgi.command.function=info",
    "osgi.command.function=methods"
})
public class AnsatzCommands {

    @Reference
    MethodRegistry registry;

    @Reference
    TensorEngine engine;

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Descriptor("Versions, tensor engine and threads, installed method families and active bundles")
    public void info() {
        System.out.print(info(context.getBundles(), registry.methods()));
    }

    String info(Bundle[] bundles, List<MethodDescriptor> methods) {
        StringBuilder b = new StringBuilder();
        Bundle kernel = Arrays.stream(bundles).filter(x -> "org.ansatz.kernel".equals(x.getSymbolicName()))
                .findFirst().orElse(context.getBundle());
        Table t = new Table();
        t.row("Ansatz", "kernel " + kernel.getVersion());
        t.row("Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        t.row("OSGi", context.getProperty(Constants.FRAMEWORK_VENDOR) + " "
                + (system == null ? "?" : system.getSymbolicName() + " " + system.getVersion()));
        t.row("Engine", engine.engineName() + " " + engine.engineVersion() + " (DJL " + engine.djlVersion()
                + ", CPU), intra-op threads " + engine.intraOpThreads() + ", inter-op threads "
                + engine.interOpThreads());
        b.append(t.render(""));

        b.append("\nMethod families (bundles that provide methods):\n");
        Map<String, List<MethodDescriptor>> byBundle = methods.stream()
                .collect(Collectors.groupingBy(MethodDescriptor::bundle, TreeMap::new, Collectors.toList()));
        Table f = new Table();
        byBundle.forEach((bundle, ms) -> f.row(bundle, ms.get(0).bundleVersion(),
                ms.stream().collect(Collectors.groupingBy(m -> m.kind().label(), TreeMap::new, Collectors.counting()))
                        .entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))));
        b.append(f.isEmpty() ? "  (none)\n" : f.render("  "));

        b.append("\nBundles:\n");
        Table bt = new Table();
        for (Bundle x : bundles) {
            boolean fragment = x.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            bt.row(x.getBundleId(), fragment && x.getState() == Bundle.RESOLVED ? "fragment" : state(x.getState()),
                    x.getSymbolicName(), x.getVersion());
        }
        b.append(bt.render("  "));
        return b.toString();
    }

    @Descriptor("Every registered method with its kind, bundle and version")
    public void methods() {
        System.out.print(methodTable(registry.methods()));
    }

    @Descriptor("Registered methods of one kind")
    public void methods(@Descriptor("solver, problem, model, loss, sampler, optimizer, dataset or metric") String kind) {
        MethodKind k = MethodKind.parse(kind).orElseThrow(() -> new IllegalArgumentException(
                "unknown method kind '" + kind + "'; kinds are: "
                        + Arrays.stream(MethodKind.values()).map(MethodKind::label).collect(Collectors.joining(", "))));
        System.out.print(methodTable(registry.methods(k)));
    }

    static String methodTable(List<MethodDescriptor> methods) {
        if (methods.isEmpty()) {
            return "no methods registered\n";
        }
        Table t = new Table().row("KIND", "NAME", "BUNDLE", "VERSION", "DESCRIPTION");
        for (MethodDescriptor m : methods) {
            t.row(m.kind().label(), m.name(), m.bundle(), m.bundleVersion(), m.description());
        }
        return t.render("");
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }
}
