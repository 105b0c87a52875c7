package org.ansatz.kernel.internal.builtin;

import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.metric.Metric;
import org.osgi.service.component.annotations.Component;

/** The standard error metrics, registered by the kernel so that every solver can report them. */
public final class Metrics {

    private Metrics() {
    }

    @Component(service = Metric.class)
    @AnsatzMethod(name = "rel-l2", description = "Relative L2 error ||p - r|| / ||r||")
    public static final class RelativeL2 implements Metric {
        @Override
        public double evaluate(double[] predicted, double[] reference) {
            return Errors.relativeL2(predicted, reference);
        }
    }

    @Component(service = Metric.class)
    @AnsatzMethod(name = "max-abs", description = "Largest absolute error (L-infinity)")
    public static final class MaxAbs implements Metric {
        @Override
        public double evaluate(double[] predicted, double[] reference) {
            return Errors.maxAbs(predicted, reference);
        }
    }

    @Component(service = Metric.class)
    @AnsatzMethod(name = "rmse", description = "Root-mean-square error")
    public static final class Rmse implements Metric {
        @Override
        public double evaluate(double[] predicted, double[] reference) {
            return Errors.rmse(predicted, reference);
        }
    }

    @Component(service = Metric.class)
    @AnsatzMethod(name = "mae", description = "Mean absolute error")
    public static final class MeanAbs implements Metric {
        @Override
        public double evaluate(double[] predicted, double[] reference) {
            return Errors.meanAbs(predicted, reference);
        }
    }
}
