package org.ansatz.api.dynamics;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/** A fitted dynamics model that forecasts from initial states. */
@ConsumerType
public interface Forecaster extends AutoCloseable {

    /**
     * @param initial {@code [batch][dimension]} states at {@code times[0]}
     * @param times   increasing forecast times
     * @return {@code [batch][times][dimension]}
     * @throws IllegalArgumentException on shape mismatch or times the model cannot serve
     */
    double[][][] forecast(double[][] initial, double[] times);

    /** Learned quantities worth reporting (final loss, learned parameters, spectrum radius, ...). */
    Map<String, Double> diagnostics();

    /** The learned vector field over tensors, when the model has one (Koopman models do not). */
    default VectorField vectorField() {
        return null;
    }

    @Override
    void close();
}
