package org.ansatz.embed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The bundles of a runtime: either the exported {@code ansatz.jar} (bundles under {@code jar/}, listed in
 * {@code launcher.properties} with the run properties) or a directory of bundle jars.
 */
record RuntimeBundles(List<Entry> entries, Map<String, String> properties) {

    /** One bundle: where it comes from, its manifest, and how to read it. */
    record Entry(String location, Manifest manifest, Opener opener) {
        String symbolicName() {
            String bsn = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return bsn == null ? "" : bsn.split(";")[0].trim();
        }

        String header(String name) {
            return manifest.getMainAttributes().getValue(name);
        }

        InputStream open() throws IOException {
            return opener.open();
        }
    }

    interface Opener {
        InputStream open() throws IOException;
    }

    static RuntimeBundles read(Path runtime) {
        try {
            return Files.isDirectory(runtime) ? fromDirectory(runtime) : fromExportedJar(runtime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runtime " + runtime + ": " + e.getMessage(), e);
        }
    }

    private static RuntimeBundles fromDirectory(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Manifest m;
                try (JarInputStream in = new JarInputStream(Files.newInputStream(f))) {
                    m = in.getManifest();
                }
                if (m != null && m.getMainAttributes().getValue("Bundle-SymbolicName") != null) {
                    entries.add(new Entry(f.toUri().toString(), m, () -> Files.newInputStream(f)));
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(dir + " holds no bundle jars");
        }
        return new RuntimeBundles(entries, Map.of());
    }

    private static RuntimeBundles fromExportedJar(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry launcher = zip.getEntry("launcher.properties");
            if (launcher == null) {
                throw new IllegalStateException(jar + " is not an exported Ansatz runtime (no launcher.properties)");
            }
            Properties p = new Properties();
            try (InputStream in = zip.getInputStream(launcher)) {
                p.load(in);
            }
            Map<String, String> properties = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(k -> properties.put(k, p.getProperty(k)));
            List<Entry> entries = new ArrayList<>();
            for (String path : p.getProperty("launch.bundles", "").split(",")) {
                String name = path.trim();
                if (name.isEmpty()) {
                    continue;
                }
                ZipEntry e = zip.getEntry(name);
                if (e == null) {
                    throw new IllegalStateException(jar + " lists " + name + " but does not contain it");
                }
                Manifest m;
                try (JarInputStream in = new JarInputStream(zip.getInputStream(e))) {
                    m = in.getManifest();
                }
                // Bundles are read again on install; the zip is closed by then, so reopen it.
                entries.add(new Entry("ansatz:" + name, m, () -> entryStream(jar, name)));
            }
            return new RuntimeBundles(entries, properties);
        }
    }

    private static InputStream entryStream(Path jar, String name) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        try {
            ZipEntry e = zip.getEntry(name);
            // Small bundles are copied, so the zip can be closed at once; the large native fragment is
            // skipped by embedded hosts and never read here.
            try (InputStream in = zip.getInputStream(e)) {
                return new ByteArrayInputStream(in.readAllBytes());
            }
        } finally {
            zip.close();
        }
    }
}
