package org.ansatz.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.ansatz.api.method.MethodDescriptor;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.ansatz.api.run.Runs;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Ansatz running inside a host application's JVM: an OSGi framework (Felix) with the runtime's bundles,
 * sharing the kernel API ({@code org.ansatz.api.*}) and DJL with the host through the system bundle, so
 * that the host's own {@link org.ansatz.api.problem.Problem}s and the framework's solvers use the same
 * classes and the native PyTorch library is loaded once.
 *
 * <pre>
 * try (EmbeddedAnsatz ansatz = EmbeddedAnsatz.builder().runtime(Path.of("ansatz.jar")).start()) {
 *     try (Solution s = ansatz.runs().solve(RunSpec.of("burgers").seed(1), Progress.NONE)) {
 *         System.out.println(s.metrics());
 *     }
 * }
 * </pre>
 *
 * The host needs on its class path this library, the kernel jar of the same build as the runtime, DJL's
 * {@code api}, {@code pytorch-engine}, {@code pytorch-jni} and {@code pytorch-native-cpu}, and Felix
 * (all dependencies of this library). OSGi types appear only in {@link #bundleContext()}.
 */
public final class EmbeddedAnsatz implements AutoCloseable {

    /** Bundles a host does not need: the console, and DJL, which the host's class path provides. */
    static final List<String> SKIPPED = List.of("org.ansatz.platform.djl", "org.ansatz.platform.djl.native.",
            "org.ansatz.shell", "org.apache.felix.gogo.", "org.jline", "biz.aQute.launcher");

    static final String FILEINSTALL = "org.apache.felix.fileinstall";

    private final Framework framework;
    private final Path storage;
    private final boolean deleteStorage;
    private final Duration timeout;

    private EmbeddedAnsatz(Framework framework, Path storage, boolean deleteStorage, Duration timeout) {
        this.framework = framework;
        this.storage = storage;
        this.deleteStorage = deleteStorage;
        this.timeout = timeout;
    }

    /** A builder; {@link Builder#runtime(Path)} is the only thing it must be told. */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures and starts an embedded Ansatz. */
    public static final class Builder {
        private Path runtime;
        private Path plugins;
        private Path storage;
        private Duration timeout = Duration.ofSeconds(60);
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
            String fromProperty = System.getProperty("ansatz.runtime");
            if (fromProperty != null && !fromProperty.isBlank()) {
                runtime = Paths.get(fromProperty);
            }
        }

        /**
         * The runtime to take bundles from: the exported {@code ansatz.jar} (default: system property
         * {@code ansatz.runtime}), or a directory of bundle jars.
         */
        public Builder runtime(Path runtimeJarOrDirectory) {
            this.runtime = Objects.requireNonNull(runtimeJarOrDirectory, "runtime");
            return this;
        }

        /** A drop-in directory: bundles copied there are installed and started, removed ones uninstalled. */
        public Builder plugins(Path directory) {
            this.plugins = Objects.requireNonNull(directory, "plugins");
            return this;
        }

        /** Where the framework keeps its state; by default a temporary directory deleted on close. */
        public Builder storage(Path directory) {
            this.storage = Objects.requireNonNull(directory, "storage");
            return this;
        }

        /** A framework property (also visible to bundles through {@code BundleContext.getProperty}). */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** How long to wait for services to appear (default 60 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Starts the framework and every bundle of the runtime, and waits until {@link Runs} is available.
         *
         * @throws IllegalStateException when the runtime is missing or a bundle cannot be installed,
         *                               resolved or started; the message names it
         */
        public EmbeddedAnsatz start() {
            if (runtime == null) {
                throw new IllegalStateException("no runtime given: call runtime(Path to ansatz.jar) or set the "
                        + "system property ansatz.runtime");
            }
            if (!Files.exists(runtime)) {
                throw new IllegalStateException("the runtime " + runtime + " does not exist (build it with "
                        + "'mvn -pl runtime -am package': runtime/target/ansatz.jar)");
            }
            RuntimeBundles bundles = RuntimeBundles.read(runtime);
            boolean temporary = storage == null;
            Path dir;
            try {
                dir = temporary ? Files.createTempDirectory("ansatz-embedded-") : Files.createDirectories(storage);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the framework storage: " + e.getMessage(), e);
            }
            Map<String, String> config = new HashMap<>(bundles.properties());
            config.keySet().removeIf(k -> k.startsWith("launch."));
            config.put(Constants.FRAMEWORK_STORAGE, dir.toAbsolutePath().toString());
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SharedPackages.systemPackagesExtra(bundles));
            if (plugins != null) {
                config.put("felix.fileinstall.dir", plugins.toAbsolutePath().toString());
            }
            config.putAll(properties);

            FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, EmbeddedAnsatz.class.getClassLoader())
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no OSGi framework on the class path (org.apache.felix.framework)"));
            Framework framework = factory.newFramework(config);
            EmbeddedAnsatz ansatz = new EmbeddedAnsatz(framework, dir, temporary, timeout);
            try {
                framework.init();
                List<Bundle> installed = new ArrayList<>();
                for (RuntimeBundles.Entry e : bundles.entries()) {
                    if (skipped(e.symbolicName()) || (plugins == null && e.symbolicName().equals(FILEINSTALL))) {
                        continue;
                    }
                    try (InputStream in = e.open()) {
                        installed.add(framework.getBundleContext().installBundle(e.location(), in));
                    }
                }
                framework.start();
                for (Bundle b : installed) {
                    if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                        b.start();
                    }
                }
                ansatz.service(Runs.class);
                return ansatz;
            } catch (BundleException | IOException | RuntimeException e) {
                ansatz.close();
                throw new IllegalStateException("Ansatz could not start from " + runtime + ": " + e.getMessage(), e);
            }
        }

        static boolean skipped(String symbolicName) {
            return SKIPPED.stream().anyMatch(s -> s.endsWith(".") ? symbolicName.startsWith(s) : symbolicName.equals(s));
        }
    }

    /** Solving and reopening runs, as {@code ansatz:solve} does. */
    public Runs runs() {
        return service(Runs.class);
    }

    /** The methods the framework's plug-ins currently provide. */
    public MethodRegistry registry() {
        return service(MethodRegistry.class);
    }

    /**
     * A service of a type the host shares with the framework (any {@code org.ansatz.api} interface), waiting
     * for it up to the timeout.
     *
     * @throws IllegalStateException when none appears in time, or the one that does was built against
     *                               another copy of the API
     */
    public <T> T service(Class<T> type) {
        BundleContext context = bundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                throw new IllegalStateException(missing(context, type));
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + type.getName(), e);
        } finally {
            // The registry and run services are the kernel's singletons; holding the object is enough.
            tracker.close();
        }
    }

    /**
     * Waits until a plug-in provides the named method, e.g. after {@link #install(Path)} or a drop-in.
     *
     * @throws IllegalStateException when it does not appear within the timeout
     */
    public MethodDescriptor awaitMethod(MethodKind kind, String name) {
        MethodRegistry registry = registry();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var found = registry.find(kind, name);
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("no " + kind.label() + " named '" + name + "' appeared within "
                + timeout.toSeconds() + " s; registered: " + registry.methods(kind).stream().map(MethodDescriptor::name).toList());
    }

    /**
     * Installs and starts a plug-in bundle at runtime; its methods become available at once.
     *
     * @return the installed plug-in; {@link Plugin#close()} uninstalls it
     * @throws IllegalArgumentException when the file is not a bundle that resolves in this framework
     */
    public Plugin install(Path bundleJar) {
        try {
            Bundle b = bundleContext().installBundle(bundleJar.toAbsolutePath().toUri().toString());
            try {
                b.start();
            } catch (BundleException e) {
                b.uninstall();
                throw e;
            }
            return new Plugin(b);
        } catch (BundleException e) {
            throw new IllegalArgumentException("cannot install plug-in " + bundleJar + ": " + e.getMessage(), e);
        }
    }

    /** An installed plug-in bundle. */
    public static final class Plugin implements AutoCloseable {
        private final Bundle bundle;

        Plugin(Bundle bundle) {
            this.bundle = bundle;
        }

        public String symbolicName() {
            return bundle.getSymbolicName();
        }

        public String version() {
            return bundle.getVersion().toString();
        }

        /** Uninstalls the plug-in; its methods are withdrawn. */
        @Override
        public void close() {
            try {
                if (bundle.getState() != Bundle.UNINSTALLED) {
                    bundle.uninstall();
                }
            } catch (BundleException e) {
                throw new IllegalStateException("cannot uninstall " + symbolicName() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The framework's system bundle context, for hosts that want to work with OSGi directly. */
    public BundleContext bundleContext() {
        BundleContext context = framework.getBundleContext();
        if (context == null) {
            throw new IllegalStateException("the embedded framework is stopped");
        }
        return context;
    }

    private String missing(BundleContext context, Class<?> type) {
        try {
            // Services the host cannot see are those wired to another copy of the API.
            ServiceReference<?>[] all = context.getAllServiceReferences(type.getName(), null);
            if (all != null && all.length > 0) {
                return "the " + type.getName() + " service of " + all[0].getBundle().getSymbolicName()
                        + " uses another copy of the API than the host: the kernel jar on the host's class path "
                        + "must come from the same build as the runtime";
            }
        } catch (org.osgi.framework.InvalidSyntaxException impossible) {
            throw new AssertionError(impossible);
        }
        return "no " + type.getName() + " service within " + timeout.toSeconds() + " s; bundles not active: "
                + inactiveBundles();
    }

    private List<String> inactiveBundles() {
        List<String> out = new ArrayList<>();
        for (Bundle b : bundleContext().getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (b.getState() != Bundle.ACTIVE && !(fragment && b.getState() == Bundle.RESOLVED)) {
                out.add(b.getSymbolicName() + " (" + state(b.getState()) + ")");
            }
        }
        return out;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed, unresolved";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> Integer.toString(state);
        };
    }

    /** Stops the framework (waiting for it) and deletes its temporary storage. */
    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(timeout.toMillis());
        } catch (BundleException e) {
            throw new IllegalStateException("the embedded framework did not stop: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (deleteStorage) {
                deleteTree(storage);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory; the OS cleans up what is left
        }
    }
}
