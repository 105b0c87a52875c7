package org.ansatz.api.dynamics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/** Shared driver and argument checks for integrators. */
public final class Solvers {

    private Solvers() {
    }

    /** Checks that {@code times} has at least one entry, is finite and strictly increasing. */
    public static void checkTimes(double[] times) {
        if (times == null || times.length == 0) {
            throw new IllegalArgumentException("times must not be empty");
        }
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i]) || (i > 0 && times[i] <= times[i - 1])) {
                throw new IllegalArgumentException("times must be finite and strictly increasing; times[" + i + "] = "
                        + times[i] + (i > 0 ? " after " + times[i - 1] : ""));
            }
        }
    }

    /** Checks that {@code x} is {@code [batch, f.dimension()]}. */
    public static void checkState(VectorField f, NDArray x) {
        if (x.getShape().dimension() != 2 || x.getShape().get(1) != f.dimension()) {
            throw new IllegalArgumentException("shape mismatch: states of shape " + x.getShape()
                    + " for a vector field of dimension " + f.dimension() + "; expected [batch, " + f.dimension() + "]");
        }
    }

    /** Equal substeps no longer than {@code maxStep} between consecutive output times. */
    public static NDArray fixedStep(Integrator scheme, VectorField f, NDArray x0, double[] times, double maxStep) {
        checkTimes(times);
        checkState(f, x0);
        if (!(maxStep > 0) || Double.isInfinite(maxStep)) {
            throw new IllegalArgumentException("step must be a positive number, got " + maxStep);
        }
        NDList out = new NDList(x0);
        NDArray x = x0;
        for (int i = 1; i < times.length; i++) {
            double span = times[i] - times[i - 1];
            int n = (int) Math.ceil(span / maxStep - 1e-9);
            double h = span / n;
            for (int k = 0; k < n; k++) {
                x = scheme.step(f, times[i - 1] + k * h, x, h);
            }
            out.add(x);
        }
        // A one-element stack would leave the autograd graph (DJL 0.36).
        return out.size() == 1 ? x0.expandDims(0) : NDArrays.stack(out);
    }
}
