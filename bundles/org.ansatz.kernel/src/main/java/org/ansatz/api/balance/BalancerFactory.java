package org.ansatz.api.balance;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Creates a balancer for one training run; registered with {@code ansatz.name}, e.g. {@code fixed},
 * {@code softadapt}, {@code config}.
 */
@ConsumerType
public interface BalancerFactory {

    /**
     * @param terms   the loss terms, in the order {@link org.ansatz.api.optim.Terms} uses
     * @param initial the user's fixed weights per term (1 where none was given)
     * @param options balancer-specific options, read with {@link org.ansatz.api.method.Options}
     * @throws IllegalArgumentException naming an unknown or malformed option
     */
    Balancer create(List<String> terms, double[] initial, Map<String, Object> options);
}
