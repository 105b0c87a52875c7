package org.ansatz.models.mlp.internal.fused;

/**
 * Whether the fused kernels can run here. They need the incubating Vector API, which the JVM only
 * offers with {@code --add-modules jdk.incubator.vector} (the {@code ansatz} launcher and the build
 * pass it); inside OSGi the framework must also boot-delegate the package. Without it models fall
 * back to tensor-by-tensor Taylor mode: slower, same results to rounding.
 */
public final class FusedKernels {

    private static final boolean AVAILABLE = probe();

    private FusedKernels() {
    }

    public static boolean available() {
        return AVAILABLE;
    }

    private static boolean probe() {
        if (Boolean.getBoolean("ansatz.fused.off")) {
            return false;
        }
        try {
            Class.forName("jdk.incubator.vector.FloatVector", false, FusedKernels.class.getClassLoader());
            // Initialises the species; a machine without SIMD registers of at least 4 floats is refused.
            return TanhJetKernel.LANES >= 4;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
