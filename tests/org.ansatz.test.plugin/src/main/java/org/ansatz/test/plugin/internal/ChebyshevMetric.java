package org.ansatz.test.plugin.internal;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.metric.Metric;
import org.osgi.service.component.annotations.Component;

/** A plug-in method as a third party would write one: a DS component with an {@code ansatz.name}. */
@Component(service = Metric.class)
@AnsatzMethod(name = "test-chebyshev", description = "Test plug-in: largest absolute difference")
public class ChebyshevMetric implements Metric {

    @Override
    public double evaluate(double[] predicted, double[] reference) {
        double max = 0;
        for (int i = 0; i < predicted.length; i++) {
            max = Math.max(max, Math.abs(predicted[i] - reference[i]));
        }
        return max;
    }
}
