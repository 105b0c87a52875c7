package org.ansatz.api.data;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fields of a dataset and the shape of one sample of each, e.g. {@code a: [1024]} (input function on
 * a grid) and {@code u: [1024]} (solution), or {@code state: [3]} and {@code time: []}.
 *
 * @param fields field name to per-sample shape, in declaration order
 */
public record DatasetSchema(Map<String, long[]> fields) {

    public DatasetSchema {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
