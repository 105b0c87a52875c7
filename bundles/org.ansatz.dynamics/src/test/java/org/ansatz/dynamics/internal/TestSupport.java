package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.optim.OptimizerFactory;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.VectorField;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.ansatz.models.mlp.internal.MlpFactory;
import org.ansatz.optimizers.internal.AdamFactory;

/** One engine for all tests (one intra-op thread: the machine is shared), and plain wiring. */
final class TestSupport {

    static final DjlTensorEngine ENGINE = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1));

    private TestSupport() {
    }

    static ModelFactory models(String name) {
        if (!"mlp".equals(name)) {
            throw new IllegalArgumentException("unknown model " + name);
        }
        return new MlpFactory();
    }

    static OptimizerFactory optimizers(String name) {
        if (!"adam".equals(name)) {
            throw new IllegalArgumentException("unknown optimizer " + name);
        }
        return new AdamFactory();
    }

    static NeuralLearner learner(NeuralLearner.Kind kind) {
        return new NeuralLearner(kind, ENGINE, TestSupport::models, TestSupport::optimizers);
    }

    /** A system's tensor right-hand side with its benchmark parameters, as a vector field. */
    static VectorField field(DynamicalSystem s, NDManager m) {
        NDArray p = m.create(s.parameters());
        return new VectorField() {
            @Override
            public int dimension() {
                return s.dimension();
            }

            @Override
            public NDArray apply(double t, NDArray x) {
                return s.derivative(x, p);
            }
        };
    }

    static NDArray states(NDManager m, double[][] x) {
        double[] flat = new double[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], 0, flat, i * x[0].length, x[0].length);
        }
        return m.create(flat, new Shape(x.length, x[0].length));
    }

    static double[][] rows(NDArray a) {
        double[] v = a.toType(DataType.FLOAT64, false).toDoubleArray();
        int d = (int) a.getShape().get(a.getShape().dimension() - 1);
        double[][] out = new double[v.length / d][d];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(v, i * d, out[i], 0, d);
        }
        return out;
    }

    /** Least-squares slope of log(err) over log(h). */
    static double slope(double[] h, double[] err) {
        double mx = 0, my = 0;
        for (int i = 0; i < h.length; i++) {
            mx += Math.log(h[i]) / h.length;
            my += Math.log(err[i]) / h.length;
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < h.length; i++) {
            sxy += (Math.log(h[i]) - mx) * (Math.log(err[i]) - my);
            sxx += (Math.log(h[i]) - mx) * (Math.log(h[i]) - mx);
        }
        return sxy / sxx;
    }
}
