package org.ansatz.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Hashtable;
import org.ansatz.api.method.MethodKind;
import org.ansatz.api.method.MethodRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

/**
 * Drop-in plug-ins through FileInstall, with the runtime's polling interval: a jar copied into the
 * watched directory is usable within two seconds, and gone within two seconds of being deleted.
 */
class DropInTest {

    static final Duration PROMISE = Duration.ofSeconds(2);

    @InjectService(timeout = 10_000)
    MethodRegistry registry;

    @InjectService(timeout = 10_000)
    ConfigurationAdmin configAdmin;

    @TempDir
    Path plugins;

    @Test
    void jarCopiedIntoPluginsAppearsAndDisappearsWhenDeleted() throws Exception {
        // A second watcher on a fresh directory, configured like features/dropin.bndrun's.
        Configuration watcher = configAdmin.createFactoryConfiguration("org.apache.felix.fileinstall", "?");
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("felix.fileinstall.dir", plugins.toString());
        props.put("felix.fileinstall.poll", "500");
        props.put("felix.fileinstall.noInitialDelay", "true");
        watcher.update(props);
        try {
            Thread.sleep(1000); // let the watcher make its first, empty scan
            Path jar = plugins.resolve("test-plugin.jar");
            Path partial = plugins.resolve("test-plugin.jar.part");
            try (InputStream in = Plugins.testPlugin()) {
                Files.copy(in, partial);
            }
            // Appear atomically, as a user's mv would: FileInstall must never see half a jar.
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
            Duration appeared = Plugins.await(
                    () -> registry.find(MethodKind.METRIC, Plugins.PLUGIN_METHOD).isPresent(),
                    Duration.ofSeconds(20), "the dropped-in plug-in's metric");
            System.out.println("drop-in: method available " + appeared.toMillis() + " ms after the copy");
            assertThat(appeared).isLessThanOrEqualTo(PROMISE);

            Files.delete(jar);
            Duration gone = Plugins.await(
                    () -> registry.find(MethodKind.METRIC, Plugins.PLUGIN_METHOD).isEmpty(),
                    Duration.ofSeconds(20), "the deleted plug-in's metric to go");
            System.out.println("drop-in: method withdrawn " + gone.toMillis() + " ms after the delete");
            assertThat(gone).isLessThanOrEqualTo(PROMISE);
        } finally {
            watcher.delete();
        }
    }
}
