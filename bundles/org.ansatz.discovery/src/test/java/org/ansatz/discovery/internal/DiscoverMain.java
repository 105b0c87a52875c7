package org.ansatz.discovery.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.discovery.Discoverer;

/**
 * {@code ansatz:discover} outside the framework, with every method of this bundle (the same code
 * path as the Gogo command). Run by hand:
 *
 * <pre>
 * mvn -q -o -f bundles/org.ansatz.discovery/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.ansatz.discovery.internal.DiscoverMain \
 *   -Dexec.args="--system lorenz --noise 0.01 --method weak-sindy"
 * </pre>
 */
public final class DiscoverMain {

    static Map<String, Discoverer> methods() {
        Map<String, Discoverer> m = new LinkedHashMap<>();
        m.put("sindy", new SparseDiscovery("sindy", SparseDiscovery.Optimizer.STLSQ, false)::discover);
        m.put("sr3", new SparseDiscovery("sr3", SparseDiscovery.Optimizer.SR3, false)::discover);
        m.put("ensemble-sindy", new SparseDiscovery("ensemble-sindy", SparseDiscovery.Optimizer.ENSEMBLE, false)::discover);
        m.put("weak-sindy", new SparseDiscovery("weak-sindy", SparseDiscovery.Optimizer.STLSQ, true)::discover);
        m.put("rvm", new SparseDiscovery("rvm", SparseDiscovery.Optimizer.RVM, false)::discover);
        m.put("medida", new ModelErrorDiscovery("medida")::discover);
        m.put("symbolic", new SymbolicDiscovery("symbolic")::discover);
        return m;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Discoverer> m = methods();
        DiscoverRun.run(name -> {
            Discoverer d = m.get(name);
            if (d == null) {
                throw new IllegalArgumentException("unknown discovery method '" + name + "'; known: " + m.keySet());
            }
            return d;
        }, System.out, args);
    }
}
