package org.ansatz.balance.internal;

import java.util.List;
import java.util.Map;
import org.ansatz.api.balance.Balance;
import org.ansatz.api.balance.Balancer;
import org.ansatz.api.balance.BalancerFactory;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.Options;
import org.osgi.service.component.annotations.Component;

/** The user's weights, unchanged for the whole run; the default when nothing is balanced. */
@Component(service = BalancerFactory.class)
@AnsatzMethod(name = Fixed.NAME, description = "Fixed loss weights: the initial weights at every step")
public final class Fixed implements BalancerFactory {

    static final String NAME = "fixed";

    public Fixed() {
    }

    @Override
    public Balancer create(List<String> terms, double[] initial, Map<String, Object> options) {
        double[] weights = Balancers.initial(NAME, terms, initial);
        Options o = Balancers.runOptions(options);
        o.checkAllRead("balancer " + NAME);
        List<String> names = List.copyOf(terms);
        return (step, t) -> {
            Balancers.check(NAME, names, step, t);
            // A copy each step: the caller owns what it is given.
            return Balance.weights(weights.clone());
        };
    }
}
