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
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

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

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile MetaTypeService metaType;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ConfigurationAdmin configAdmin;

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Descriptor("Versions, tensor engine and threads, installed method families and active bundles")
    public void info() {
        System.out.print(info(context.getBundles(), registry.methods()));
    }

    /** Whether the fused kernels (models' Vector API code) can run in this JVM, and why not. */
    static String simd() {
        String spin = "GOMP_SPINCOUNT=" + System.getenv().getOrDefault("GOMP_SPINCOUNT", "default");
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                ? "Vector API present: fused kernels on (" + spin + ")"
                : "no Vector API: fused kernels off (start the JVM with --add-modules jdk.incubator.vector)";
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
        t.row("SIMD", simd());
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

    @Descriptor("Options of one method, from its bundle's metatype: methods --details NAME")
    public void methods(@Descriptor("--details") String flag, @Descriptor("method name, e.g. relobralo") String name)
            throws Exception {
        if (!flag.equals("--details") && !flag.equals("-d")) {
            throw new IllegalArgumentException("unknown option '" + flag + "'; usage: methods [KIND] | methods --details NAME");
        }
        List<MethodDescriptor> matches = registry.methods().stream().filter(m -> m.name().equals(name)).toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no method named '" + name + "'; registered: " + registry.methods().stream()
                    .map(MethodDescriptor::name).distinct().sorted().collect(Collectors.joining(", ")));
        }
        for (MethodDescriptor m : matches) {
            System.out.print(details(m));
        }
    }

    /** Metatype of the component behind the method, found through SCR's description of it. */
    private String details(MethodDescriptor m) throws InvalidSyntaxException, java.io.IOException {
        String pid = null;
        List<MethodDetails.Option> options = null;
        ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(service.id=" + m.serviceId() + ")");
        ServiceComponentRuntime runtime = scr;
        if (refs != null && refs.length == 1 && runtime != null) {
            Bundle bundle = refs[0].getBundle();
            Object component = refs[0].getProperty("component.name");
            ComponentDescriptionDTO d = component == null ? null
                    : runtime.getComponentDescriptionDTO(bundle, component.toString());
            if (d != null && d.configurationPid != null && d.configurationPid.length > 0) {
                pid = d.configurationPid[0];
                options = declaredOptions(bundle, pid);
            }
        }
        return MethodDetails.render(m, options == null ? null : pid, options, configured(pid), settingsPrefix(m.kind()));
    }

    private List<MethodDetails.Option> declaredOptions(Bundle bundle, String pid) {
        MetaTypeService service = metaType;
        MetaTypeInformation info = service == null ? null : service.getMetaTypeInformation(bundle);
        if (info == null || !Arrays.asList(info.getPids()).contains(pid)) {
            return null;
        }
        ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
        AttributeDefinition[] ads = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        List<MethodDetails.Option> out = new java.util.ArrayList<>();
        for (AttributeDefinition ad : ads == null ? new AttributeDefinition[0] : ads) {
            String[] def = ad.getDefaultValue();
            out.add(new MethodDetails.Option(ad.getID(), typeName(ad.getType()),
                    def == null ? "" : String.join(",", def), ad.getDescription() == null ? "" : ad.getDescription()));
        }
        return out;
    }

    private Map<String, Object> configured(String pid) throws InvalidSyntaxException, java.io.IOException {
        ConfigurationAdmin admin = configAdmin;
        Map<String, Object> out = new TreeMap<>();
        if (pid == null || admin == null) {
            return out;
        }
        // listConfigurations, unlike getConfiguration, does not create an empty configuration.
        Configuration[] cs = admin.listConfigurations("(service.pid=" + pid + ")");
        if (cs != null && cs[0].getProperties() != null) {
            var props = cs[0].getProperties();
            for (var keys = props.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                out.put(k, props.get(k));
            }
        }
        return out;
    }

    static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.STRING -> "string";
            case AttributeDefinition.LONG, AttributeDefinition.INTEGER, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE -> "integer";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "number";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.CHARACTER -> "character";
            case AttributeDefinition.PASSWORD -> "password";
            default -> "?";
        };
    }

    /** The run-settings prefix under which a method of this kind takes its options. */
    static String settingsPrefix(MethodKind kind) {
        return switch (kind) {
            case MODEL -> "model.";
            case SAMPLER -> "sampler.";
            case OPTIMIZER -> "optimizer.";
            case BALANCER -> "balance.";
            default -> null;
        };
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
