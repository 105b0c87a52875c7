package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.ansatz.api.engine.Tensors;

/**
 * Adam (Kingma and Ba) on one flat parameter tensor, with PyTorch's L2 weight decay (added to the
 * gradient, as the FNO reference training uses it): a dozen tensor operations per step whatever the
 * model's size. The moments are float64 or float32 after the parameters.
 */
final class Adam implements AutoCloseable {

    private final NDArray params;
    private final NDManager manager;
    private final NDArray m;
    private final NDArray v;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private long step;

    Adam(NDArray params, double beta1, double beta2, double eps, double weightDecay) {
        this.params = params;
        this.manager = params.getManager().newSubManager();
        this.m = manager.zeros(params.getShape(), params.getDataType());
        this.v = manager.zeros(params.getShape(), params.getDataType());
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /** One update from the accumulated gradient, which is then zeroed. */
    void step(double lr) {
        step++;
        try (NDManager scope = manager.newSubManager()) {
            // New arrays belong to their first operand's manager: every one computed from the
            // parameters or moments is moved into this step's scope, or it would live for the run.
            NDArray g = params.getGradient();
            g.attach(scope);
            if (weightDecay > 0) {
                NDArray decay = params.mul(Tensors.scalar(g, weightDecay));
                decay.attach(scope);
                g = g.add(decay);
            }
            m.muli(Tensors.scalar(g, beta1)).addi(g.mul(Tensors.scalar(g, 1 - beta1)));
            v.muli(Tensors.scalar(g, beta2)).addi(g.mul(g).muli(Tensors.scalar(g, 1 - beta2)));
            double c1 = 1 - Math.pow(beta1, step);
            double c2 = 1 - Math.pow(beta2, step);
            NDArray vHat = v.div(Tensors.scalar(g, c2));
            vHat.attach(scope);
            NDArray denominator = vHat.sqrt().addi(Tensors.scalar(g, eps));
            NDArray update = m.div(denominator);
            update.attach(scope);
            params.subi(update.muli(Tensors.scalar(g, lr / c1)));
            NDArray raw = params.getGradient();
            raw.attach(scope);
            raw.subi(raw);
        }
    }

    long steps() {
        return step;
    }

    double[][] state() {
        return new double[][] {FlatParameters.doubles(m), FlatParameters.doubles(v)};
    }

    void restore(double[] mValues, double[] vValues, long steps) {
        try (NDManager scope = manager.newSubManager()) {
            m.set(scope.create(mValues).toType(m.getDataType(), false).toByteBuffer());
            v.set(scope.create(vValues).toType(v.getDataType(), false).toByteBuffer());
        }
        step = steps;
    }

    @Override
    public void close() {
        manager.close();
    }
}
