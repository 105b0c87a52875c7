package org.example.ansatz.siren;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.JetModel;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelSpec;

/**
 * SIREN (Sitzmann et al. 2020, "Implicit neural representations with periodic activation
 * functions"): a network with sine activations whose initialisation keeps activations well spread
 * through depth. The frequency factor omega0 is folded into the weights at initialisation, so a layer
 * is sin(W x + b) and the Taylor-mode jet rules of the kernel apply unchanged.
 *
 * <p>All parameters live in one flat buffer (one optimizer update per step); weights and biases are
 * views of it, created per forward pass in the caller's manager so that nothing accumulates across
 * training steps.
 */
final class Siren implements Model, JetModel {

    private final ModelSpec spec;
    private final int[] widths;
    private final int[] offsets;
    private final NDArray flat;

    Siren(ModelSpec spec, NDManager manager, int width, int depth, double omega0) {
        this.spec = spec;
        this.widths = new int[depth + 2];
        widths[0] = spec.inputs();
        for (int i = 1; i <= depth; i++) {
            widths[i] = width;
        }
        widths[depth + 1] = spec.outputs();
        offsets = new int[widths.length];
        int size = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            offsets[l] = size;
            size += widths[l] * widths[l + 1] + widths[l + 1];
        }
        offsets[widths.length - 1] = size;
        double[] init = new double[size];
        Random random = new Random(spec.seed());
        for (int l = 0; l + 1 < widths.length; l++) {
            int in = widths[l];
            // First layer U(-omega0/in, omega0/in): inputs of order one then span several periods.
            // Later layers U(-sqrt(6/in), sqrt(6/in)): the paper's bound with omega0 folded in.
            double bound = l == 0 ? omega0 / in : Math.sqrt(6.0 / in);
            double biasBound = (l == 0 ? omega0 : 1) / Math.sqrt(in);
            int n = in * widths[l + 1];
            for (int i = 0; i < n; i++) {
                init[offsets[l] + i] = (2 * random.nextDouble() - 1) * bound;
            }
            for (int i = 0; i < widths[l + 1]; i++) {
                init[offsets[l] + n + i] = (2 * random.nextDouble() - 1) * biasBound;
            }
        }
        NDArray f = manager.create(init);
        if (spec.dtype() != DataType.FLOAT64) {
            NDArray cast = f.toType(spec.dtype(), false);
            f.close();
            f = cast;
        }
        f.setRequiresGradient(true);
        flat = f;
    }

    int parameterCount() {
        return offsets[widths.length - 1];
    }

    private NDArray weight(int l, NDManager m) {
        NDArray slice = flat.get(offsets[l] + ":" + (offsets[l] + widths[l] * widths[l + 1]));
        slice.attach(m);
        return slice.reshape(new Shape(widths[l], widths[l + 1]));
    }

    private NDArray bias(int l, NDManager m) {
        int from = offsets[l] + widths[l] * widths[l + 1];
        NDArray slice = flat.get(from + ":" + (from + widths[l + 1]));
        slice.attach(m);
        return slice;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public NDList parameters() {
        return new NDList(flat);
    }

    @Override
    public NDArray forward(NDArray x) {
        NDArray a = x;
        for (int l = 0; l + 1 < widths.length; l++) {
            a = a.matMul(weight(l, x.getManager())).add(bias(l, x.getManager()));
            if (l + 2 < widths.length) {
                a = a.sin();
            }
        }
        return a;
    }

    @Override
    public Jet forward(Jet input) {
        NDManager m = input.data().getManager();
        Jet a = input;
        for (int l = 0; l + 1 < widths.length; l++) {
            a = a.linear(weight(l, m), bias(l, m));
            if (l + 2 < widths.length) {
                a = a.apply(Activations.SIN);
            }
        }
        return a;
    }

    @Override
    public void close() {
        flat.close();
    }
}
