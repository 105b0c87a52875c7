package org.ansatz.pinn.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Adam (Kingma and Ba) on one flat parameter buffer: a few in-place operations per step, whatever the
 * number of layers. Runs outside gradient recording.
 */
final class Adam implements AutoCloseable {

    private final NDArray params;
    private final NDArray m;
    private final NDArray v;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private double lr;
    private long t;

    Adam(NDArray params, double lr, double beta1, double beta2, double eps) {
        this.params = params;
        this.m = params.zerosLike();
        this.v = params.zerosLike();
        this.m.setRequiresGradient(false);
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    void learningRate(double rate) {
        lr = rate;
    }

    double learningRate() {
        return lr;
    }

    void step(NDArray grad) {
        t++;
        try (NDManager scratch = params.getManager().newSubManager()) {
            grad.attach(scratch);
            m.muli(beta1).addi(grad.mul(1 - beta1));
            v.muli(beta2).addi(grad.square().muli(1 - beta2));
            double step = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
            NDArray denom = v.sqrt();
            denom.attach(scratch);
            NDArray update = m.div(denom.addi(eps));
            update.attach(scratch);
            update.muli(step);
            params.subi(update);
        }
    }

    @Override
    public void close() {
        m.close();
        v.close();
    }
}
