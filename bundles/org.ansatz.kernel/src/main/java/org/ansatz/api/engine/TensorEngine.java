package org.ansatz.api.engine;

import ai.djl.ndarray.NDManager;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's tensor engine: DJL with the PyTorch engine on the CPU, started offline with the
 * configured thread counts. Plug-ins create their tensors through managers obtained here, which
 * guarantees that the engine was started with the right class loader and settings.
 */
@ProviderType
public interface TensorEngine {

    /** Engine name as DJL reports it, e.g. {@code PyTorch}. */
    String engineName();

    /** Version of the native engine, e.g. {@code 2.7.1}. */
    String engineVersion();

    /** Version of Deep Java Library. */
    String djlVersion();

    /** Intra-op threads in effect. */
    int intraOpThreads();

    /** Inter-op threads in effect. */
    int interOpThreads();

    /** A new manager for tensors; the caller closes it, which frees their native memory. */
    NDManager newManager();
}
