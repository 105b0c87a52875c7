package org.ansatz.kernel.internal.builtin;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.loss.Loss;
import org.ansatz.api.method.AnsatzMethod;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The standard pointwise losses. */
public final class Losses {

    private Losses() {
    }

    @Component(service = Loss.class)
    @AnsatzMethod(name = "mse", description = "Mean squared error")
    public static final class MeanSquared implements Loss {
        @Override
        public NDArray pointwise(NDArray error) {
            return error.square();
        }
    }

    @Component(service = Loss.class)
    @AnsatzMethod(name = "l1", description = "Mean absolute error")
    public static final class MeanAbsolute implements Loss {
        @Override
        public NDArray pointwise(NDArray error) {
            return error.abs();
        }
    }

    @ObjectClassDefinition(name = "Huber loss")
    public @interface HuberConfig {
        @AttributeDefinition(description = "Errors below delta are penalised quadratically, above linearly.")
        double delta() default 1.0;
    }

    @Component(service = Loss.class, configurationPid = Huber.PID)
    @Designate(ocd = HuberConfig.class)
    @AnsatzMethod(name = "huber", description = "Quadratic near zero, linear beyond delta; robust to outliers")
    public static final class Huber implements Loss {
        static final String PID = "org.ansatz.loss.huber";
        private volatile double delta = 1.0;

        public Huber() {
        }

        public Huber(double delta) {
            this.delta = checkDelta(delta);
        }

        @Activate
        @Modified // new defaults apply without withdrawing the method
        void activate(HuberConfig config) {
            delta = checkDelta(config.delta());
        }

        private static double checkDelta(double delta) {
            if (!(delta > 0)) {
                throw new IllegalArgumentException("huber.delta must be > 0, got " + delta);
            }
            return delta;
        }

        @Override
        public NDArray pointwise(NDArray error) {
            // 0.5 e^2 for |e| <= delta, delta (|e| - delta/2) beyond: written as 0.5 q^2 + delta (|e| - q)
            // with q = min(|e|, delta), which needs no branch and has a continuous gradient.
            // Scalars as tensors, never mul(Number): see Tensors.scalar.
            NDArray a = error.abs();
            NDArray q = a.clip(0, delta);
            return q.square().mul(Tensors.scalar(error, 0.5)).add(a.sub(q).mul(Tensors.scalar(error, delta)));
        }
    }
}
