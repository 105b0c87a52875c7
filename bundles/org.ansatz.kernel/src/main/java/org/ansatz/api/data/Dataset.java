package org.ansatz.api.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/** Samples with named fields, read in batches as tensors. */
@ConsumerType
public interface Dataset extends AutoCloseable {

    DatasetSchema schema();

    /** Number of samples. */
    long size();

    /**
     * Reads the samples at the given indices.
     *
     * @return field name to a tensor of shape {@code [indices.length, ...per-sample shape]},
     *         attached to {@code manager}
     */
    Map<String, NDArray> batch(NDManager manager, long[] indices);

    @Override
    default void close() {
    }
}
