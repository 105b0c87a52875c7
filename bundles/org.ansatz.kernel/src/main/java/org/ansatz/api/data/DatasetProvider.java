package org.ansatz.api.data;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens or generates datasets; registered with {@code ansatz.name}, e.g. {@code burgers-1d} or
 * {@code npz}.
 */
@ConsumerType
public interface DatasetProvider {

    /**
     * @param options provider-specific options (sizes, resolution, file path, seed)
     * @throws IllegalArgumentException naming the offending option
     */
    Dataset open(Map<String, Object> options);
}
