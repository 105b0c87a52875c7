package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import org.ansatz.api.dynamics.Solvers;
import org.ansatz.api.dynamics.VectorField;

/**
 * Gradients of a loss on an ODE solution by the adjoint method (Chen et al. 2018): no graph of
 * the forward solve is kept; the adjoint {@code a = dL/dz} and the parameter gradient are integrated
 * backwards with classical RK4, each stage one vector-Jacobian product of the field. The forward
 * pass keeps only the states at step boundaries (doubles, not network activations), and the
 * backward pass restarts {@code z} from them at every step, which avoids the instability of
 * re-integrating a dissipative flow backwards.
 */
final class Adjoint {

    /** A loss on the states at the output times. */
    interface Loss {
        /**
         * @param states   {@code [times][batch * dimension]}
         * @param gradient receives {@code dL/dstates}, same shape, zero-filled
         * @return the loss
         */
        double value(double[][] states, double[][] gradient);
    }

    /** Loss, {@code dL/dtheta} over the field's parameters, and {@code dL/dx0}. */
    record Result(double loss, double[] parameterGradient, double[] initialGradient) {
    }

    private final VectorField field;
    private final Params params;
    private final NDManager root;
    private final DataType type;

    Adjoint(VectorField field, Params params, NDManager root, DataType type) {
        this.field = field;
        this.params = params;
        this.root = root;
        this.type = type;
    }

    /**
     * @param x0 {@code [batch * dimension]}, row-major
     */
    Result gradient(double[] x0, int batch, double[] times, double maxStep, Loss loss) {
        Solvers.checkTimes(times);
        int d = field.dimension();
        if (x0.length != batch * d) {
            throw new IllegalArgumentException("shape mismatch: " + x0.length + " initial values for " + batch + " x " + d);
        }
        int[] substeps = new int[times.length];
        int total = 0;
        for (int i = 1; i < times.length; i++) {
            substeps[i] = (int) Math.ceil((times[i] - times[i - 1]) / maxStep - 1e-9);
            total += substeps[i];
        }
        // Forward: states at every step boundary.
        double[][] z = new double[total + 1][];
        double[][] out = new double[times.length][];
        z[0] = x0.clone();
        out[0] = x0.clone();
        int s = 0;
        for (int i = 1; i < times.length; i++) {
            double h = (times[i] - times[i - 1]) / substeps[i];
            for (int k = 0; k < substeps[i]; k++, s++) {
                z[s + 1] = forwardStep(times[i - 1] + k * h, z[s], batch, h);
            }
            out[i] = z[s];
        }
        double[][] dL = new double[times.length][batch * d];
        double value = loss.value(out, dL);
        // Backward: a from the last output time to the first, adding each output's dL/dz on the way.
        double[] a = dL[times.length - 1].clone();
        double[] w = new double[params.size()];
        for (int i = times.length - 1; i >= 1; i--) {
            double h = (times[i] - times[i - 1]) / substeps[i];
            for (int k = substeps[i] - 1; k >= 0; k--) {
                s--;
                double t1 = times[i - 1] + (k + 1) * h;
                backwardStep(t1, z[s + 1], a, w, batch, h);
            }
            add(a, dL[i - 1], 1);
        }
        return new Result(value, w, a);
    }

    private double[] forwardStep(double t, double[] x, int batch, double h) {
        try (NDManager m = root.newSubManager()) {
            params.attachTo(m);
            NDArray xt = m.create(x, new Shape(batch, field.dimension())).toType(type, false);
            NDArray next = new Rk4().step(field, t, xt, h);
            return Tensors.toDoubles(next);
        }
    }

    /**
     * One RK4 step of the augmented system {@code (z, a, w)} from {@code t1} to {@code t1 - h}, with
     * {@code dz/dt = f}, {@code da/dt = -a df/dz}, {@code dw/dt = -a df/dtheta}; {@code a} and {@code w}
     * are updated in place.
     */
    private void backwardStep(double t1, double[] z1, double[] a, double[] w, int batch, double h) {
        double[][] kz = new double[4][], ka = new double[4][], kw = new double[4][];
        double[] c = {0, 0.5, 0.5, 1};
        for (int st = 0; st < 4; st++) {
            double[] zs = z1.clone(), as = a.clone();
            if (st > 0) {
                add(zs, kz[st - 1], -c[st] * h);
                add(as, ka[st - 1], -c[st] * h);
            }
            double[][] r = vjp(t1 - c[st] * h, zs, as, batch);
            kz[st] = r[0];
            ka[st] = r[1];
            kw[st] = r[2];
        }
        // Going backwards: y(t1 - h) = y(t1) - h/6 (k1 + 2 k2 + 2 k3 + k4).
        for (int st = 0; st < 4; st++) {
            double wgt = (st == 0 || st == 3 ? 1 : 2) * -h / 6;
            add(a, ka[st], wgt);
            add(w, kw[st], wgt);
        }
    }

    /** {@code (f(z), -a df/dz, -a df/dtheta)} at one point. */
    private double[][] vjp(double t, double[] z, double[] a, int batch) {
        Shape shape = new Shape(batch, field.dimension());
        try (NDManager m = root.newSubManager()) {
            params.attachTo(m);
            NDArray zl = m.create(z, shape).toType(type, false);
            zl.setRequiresGradient(true);
            NDArray at = m.create(a, shape).toType(type, false);
            NDArray f;
            NDArray inner;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                f = field.apply(t, zl);
                inner = f.mul(at).sum();
            }
            params.zeroGradients();
            JniUtils.backward((PtNDArray) inner, (PtNDArray) inner.onesLike(), false, false);
            double[] fz = Tensors.toDoubles(f);
            double[] gz = Tensors.toDoubles(zl.getGradient());
            double[] gw = params.gradient();
            for (int i = 0; i < gz.length; i++) {
                gz[i] = -gz[i];
            }
            for (int i = 0; i < gw.length; i++) {
                gw[i] = -gw[i];
            }
            return new double[][] {fz, gz, gw};
        }
    }

    private static void add(double[] y, double[] x, double c) {
        for (int i = 0; i < y.length; i++) {
            y[i] += c * x[i];
        }
    }

}
