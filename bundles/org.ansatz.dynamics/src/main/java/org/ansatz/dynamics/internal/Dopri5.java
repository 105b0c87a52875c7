package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.dynamics.Integrator;
import org.ansatz.api.dynamics.Solvers;
import org.ansatz.api.dynamics.VectorField;

/**
 * Dormand-Prince 5(4) with step-size control on the embedded fourth-order error (the scheme behind
 * {@code dopri5} in torchdiffeq and {@code ode45}). Steps are shortened to land on the output times
 * rather than interpolated, so outputs carry the full fifth-order accuracy. {@link #step} is the
 * fixed-step fifth-order scheme.
 */
public final class Dopri5 implements Integrator {

    private static final double[] C = {0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1};
    private static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}};
    /** Fifth-order weights minus the embedded fourth-order ones, over the seven stages. */
    private static final double[] E = {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525,
        -1.0 / 40};

    private final double rtol;
    private final double atol;
    private final int maxSteps;
    private int accepted;
    private int rejected;

    /**
     * @throws IllegalArgumentException when a tolerance is not positive
     */
    public Dopri5(double rtol, double atol, int maxSteps) {
        if (!(rtol > 0) || !(atol > 0)) {
            throw new IllegalArgumentException("dopri5 tolerances must be positive, got rtol=" + rtol + " atol=" + atol);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("dopri5 maxSteps must be positive, got " + maxSteps);
        }
        this.rtol = rtol;
        this.atol = atol;
        this.maxSteps = maxSteps;
    }

    public Dopri5() {
        this(1e-6, 1e-8, 1_000_000);
    }

    @Override
    public int order() {
        return 5;
    }

    /** Accepted steps of the last {@link #solve}. */
    public int acceptedSteps() {
        return accepted;
    }

    /** Rejected steps of the last {@link #solve}. */
    public int rejectedSteps() {
        return rejected;
    }

    @Override
    public NDArray step(VectorField f, double t, NDArray x, double h) {
        NDArray[] k = stages(f, t, x, h, f.apply(t, x));
        return combine(x, k, A[6], h);
    }

    /** Stages 1-6 given stage 1. */
    private static NDArray[] stages(VectorField f, double t, NDArray x, double h, NDArray k1) {
        NDArray[] k = new NDArray[7];
        k[0] = k1;
        for (int s = 1; s < 6; s++) {
            k[s] = f.apply(t + C[s] * h, combine(x, k, A[s], h));
        }
        return k;
    }

    private static NDArray combine(NDArray x, NDArray[] k, double[] a, double h) {
        NDArray sum = null;
        for (int j = 0; j < a.length; j++) {
            if (a[j] != 0) {
                NDArray term = k[j].mul(Tensors.scalar(x, a[j] * h));
                sum = sum == null ? term : sum.add(term);
            }
        }
        return sum == null ? x : x.add(sum);
    }

    @Override
    public NDArray solve(VectorField f, NDArray x0, double[] times, double maxStep) {
        Solvers.checkTimes(times);
        Solvers.checkState(f, x0);
        if (!(maxStep > 0)) {
            throw new IllegalArgumentException("dopri5 needs a positive largest step, got " + maxStep);
        }
        accepted = 0;
        rejected = 0;
        NDList out = new NDList(x0);
        NDArray x = x0;
        double t = times[0];
        NDArray k1 = f.apply(t, x);
        double h = Math.min(maxStep, initialStep(x, k1));
        for (int i = 1; i < times.length; i++) {
            double target = times[i];
            while (t < target) {
                if (accepted + rejected >= maxSteps) {
                    throw new IllegalStateException("dopri5 needed more than " + maxSteps + " steps to reach t="
                            + target + " (stopped at t=" + t + "); the field may be stiff or blow up");
                }
                boolean last = t + h >= target - 1e-12 * Math.max(1, Math.abs(target));
                double hh = last ? target - t : h;
                NDArray[] k = stages(f, t, x, hh, k1);
                NDArray next = combine(x, k, A[6], hh);
                k[6] = f.apply(t + hh, next);
                double err = errorNorm(x, next, k, hh);
                if (err <= 1) {
                    accepted++;
                    t = last ? target : t + hh;
                    x = next;
                    k1 = k[6];
                    h = hh * Math.min(5, Math.max(0.2, 0.9 * Math.pow(Math.max(err, 1e-10), -0.2)));
                } else {
                    rejected++;
                    h = hh * (Double.isFinite(err) ? Math.max(0.2, 0.9 * Math.pow(err, -0.2)) : 0.1);
                }
                h = Math.min(h, maxStep);
                if (h < 1e-14 * Math.max(1, Math.abs(t))) {
                    throw new IllegalStateException("dopri5 step size underflow at t=" + t
                            + "; the field is stiff or not finite there");
                }
            }
            out.add(x);
        }
        // A one-element stack would leave the autograd graph (DJL 0.36).
        return out.size() == 1 ? x0.expandDims(0) : NDArrays.stack(out);
    }

    private double errorNorm(NDArray x, NDArray next, NDArray[] k, double h) {
        NDArray err = null;
        for (int j = 0; j < 7; j++) {
            if (E[j] != 0) {
                NDArray term = k[j].mul(Tensors.scalar(x, E[j] * h));
                err = err == null ? term : err.add(term);
            }
        }
        NDArray scale = x.abs().maximum(next.abs()).mul(Tensors.scalar(x, rtol)).add(Tensors.scalar(x, atol));
        return err.div(scale).square().mean().sqrt().toType(DataType.FLOAT64, false).getDouble();
    }

    /** Hairer's starting step: one hundredth of the state's scale over its rate of change. */
    private double initialStep(NDArray x, NDArray f0) {
        NDArray scale = x.abs().mul(Tensors.scalar(x, rtol)).add(Tensors.scalar(x, atol));
        double d0 = x.div(scale).square().mean().sqrt().toType(DataType.FLOAT64, false).getDouble();
        double d1 = f0.div(scale).square().mean().sqrt().toType(DataType.FLOAT64, false).getDouble();
        return d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
    }
}
