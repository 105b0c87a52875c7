package org.ansatz.guice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Finds the Declarative Services components of every bundle jar on a class path: each manifest with a
 * {@code Service-Component} header names its descriptors, relative to the jar's root.
 */
final class ComponentScanner {

    private ComponentScanner() {
    }

    static List<ComponentDescription> scan(ClassLoader loader) {
        List<ComponentDescription> out = new ArrayList<>();
        try {
            Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                Attributes main;
                try (InputStream in = url.openStream()) {
                    main = new Manifest(in).getMainAttributes();
                }
                String header = main.getValue("Service-Component");
                String bsn = main.getValue("Bundle-SymbolicName");
                if (header == null || bsn == null) {
                    continue;
                }
                String bundle = bsn.split(";")[0].trim();
                String version = main.getValue("Bundle-Version") == null ? "0.0.0" : main.getValue("Bundle-Version");
                for (String path : header.split(",")) {
                    String p = path.trim();
                    if (p.isEmpty()) {
                        continue;
                    }
                    if (p.contains("*")) {
                        throw new IllegalStateException(bundle + ": wildcard Service-Component entries are not "
                                + "supported on the class path ('" + p + "'); bnd lists every descriptor");
                    }
                    out.addAll(ComponentDescription.read(relative(url, p), bundle, version));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan the class path for components: " + e.getMessage(), e);
        }
        return out;
    }

    /** The descriptor's URL in the same jar or directory as the manifest. */
    private static URL relative(URL manifest, String path) throws MalformedURLException {
        return new URL(manifest, "../" + (path.startsWith("/") ? path.substring(1) : path));
    }
}
