package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelSpec;

/**
 * DeepONet (Lu et al., 2021): {@code G(a)(y) = sum_k b_k(a) t_k(y) + b_0}, a branch network on the
 * input function's values at {@code sensors} fixed points and a trunk network on the query point
 * {@code y}; the trunk's last layer is activated too. The trunk can run on jets (Taylor mode), which
 * gives the input derivatives a physics-informed DeepONet's residual needs.
 *
 * <p>As a kernel {@link Model}: {@code inputs = sensors + coordinates}; {@code forward} takes rows
 * {@code [a(s_1..s_m), y]} and returns {@code [n, outputs]}. Training uses the product form
 * {@link #apply(NDArray, NDArray)}, which evaluates the branch once per function and the trunk once
 * per point.
 *
 * <p>Options: {@code sensors} (required by the trainer: the grid size), {@code coordinates} (1 or 2),
 * {@code branch} (hidden widths, default 128,128), {@code trunk} (128,128), {@code latent} (128),
 * {@code activation} (tanh), {@code periodic} (true: the trunk sees {@code cos 2 pi x, sin 2 pi x}
 * instead of {@code x}, exactly periodic in x).
 */
final class DeepONet implements Model {

    static final List<String> OPTIONS = List.of("sensors", "coordinates", "branch", "trunk", "latent", "activation",
            "periodic");

    private final ModelSpec spec;
    private final int sensors;
    private final int coordinates;
    private final int[] branch;
    private final int[] trunk;
    private final Activations activation;
    private final boolean periodic;
    private final FlatParameters params = new FlatParameters();

    DeepONet(ModelSpec spec, NDManager manager) {
        this.spec = spec;
        Map<String, Object> o = spec.options();
        for (String key : o.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown option model." + key + " for deeponet; known: " + OPTIONS);
            }
        }
        coordinates = ModelOptions.integer(o, "coordinates", 1, 1);
        sensors = ModelOptions.integer(o, "sensors", spec.inputs() - coordinates, 1);
        if (sensors + coordinates != spec.inputs()) {
            throw new IllegalArgumentException("shape mismatch: deeponet with " + sensors + " sensors and " + coordinates
                    + " coordinates has " + (sensors + coordinates) + " inputs, the spec says " + spec.inputs());
        }
        int latent = ModelOptions.integer(o, "latent", 128, 1);
        int[] b = ModelOptions.integers(o, "branch", new int[] {128, 128});
        int[] t = ModelOptions.integers(o, "trunk", new int[] {128, 128});
        periodic = Boolean.parseBoolean(String.valueOf(o.getOrDefault("periodic", "false")));
        activation = Activations.parse(String.valueOf(o.getOrDefault("activation", "tanh")));
        branch = widths(sensors, b, latent * spec.outputs());
        trunk = widths(coordinates + (periodic ? 1 : 0), t, latent * spec.outputs());
        Random r = new Random(spec.seed());
        dense("branch", branch, r);
        dense("trunk", trunk, r);
        params.add("bias", new double[spec.outputs()], spec.outputs());
        params.build(manager, spec.dtype());
    }

    private static int[] widths(int in, int[] hidden, int out) {
        int[] w = new int[hidden.length + 2];
        w[0] = in;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = out;
        return w;
    }

    /** Glorot-uniform weights, zero biases. */
    private void dense(String name, int[] w, Random r) {
        for (int l = 0; l + 1 < w.length; l++) {
            params.uniform(name + l + ".w", r, Math.sqrt(6.0 / (w[l] + w[l + 1])), w[l], w[l + 1]);
            params.add(name + l + ".b", new double[w[l + 1]], w[l + 1]);
        }
    }

    int sensors() {
        return sensors;
    }

    int coordinates() {
        return coordinates;
    }

    FlatParameters flat() {
        return params;
    }

    /** Branch outputs {@code [B, latent * outputs]} for input functions {@code [B, sensors]}. */
    NDArray branch(NDArray a) {
        NDManager m = a.getManager();
        NDArray h = a;
        for (int l = 0; l + 1 < branch.length; l++) {
            h = h.matMul(params.view("branch" + l + ".w", m)).add(params.view("branch" + l + ".b", m));
            if (l + 2 < branch.length) {
                h = activation.apply(h);
            }
        }
        return h;
    }

    /** Trunk features {@code [P, latent * outputs]} at points {@code [P, coordinates]}. */
    NDArray trunk(NDArray y) {
        NDManager m = y.getManager();
        NDArray h = periodic ? embed(y) : y;
        for (int l = 0; l + 1 < trunk.length; l++) {
            h = activation.apply(h.matMul(params.view("trunk" + l + ".w", m)).add(params.view("trunk" + l + ".b", m)));
        }
        return h;
    }

    /** The trunk in Taylor mode: every stream of the jet's plan at once. */
    Jet trunk(Jet y) {
        NDManager m = y.data().getManager();
        Jet h = periodic ? embed(y) : y;
        for (int l = 0; l + 1 < trunk.length; l++) {
            h = h.linear(params.view("trunk" + l + ".w", m), params.view("trunk" + l + ".b", m)).apply(activation);
        }
        return h;
    }

    private NDArray embed(NDArray y) {
        NDArray x = y.get(":, 0:1").mul(org.ansatz.api.engine.Tensors.scalar(y, 2 * Math.PI));
        NDArray rest = y.get(":, 1:");
        return x.cos().concat(x.sin(), 1).concat(rest, 1);
    }

    private Jet embed(Jet y) {
        Jet x = y.columns(0, 1).scale(2 * Math.PI);
        Jet cos = x.apply(org.ansatz.api.derivative.Functions.COS);
        Jet sin = x.apply(Activations.SIN);
        return coordinates > 1 ? Jet.concat(List.of(cos, sin, y.columns(1, coordinates)))
                : Jet.concat(List.of(cos, sin));
    }

    /** The bias {@code b_0}, {@code [outputs]}. */
    NDArray bias(NDManager m) {
        return params.view("bias", m);
    }

    /**
     * The product form: {@code [B, P, outputs]} for functions {@code [B, sensors]} and points
     * {@code [P, coordinates]}.
     */
    NDArray apply(NDArray a, NDArray y) {
        long bsz = a.getShape().get(0);
        long p = y.getShape().get(0);
        int outs = spec.outputs();
        NDArray b = branch(a).reshape(bsz, outs, -1);
        NDArray t = trunk(y).reshape(p, outs, -1);
        // [outs, B, latent] x [outs, latent, P] -> [outs, B, P]
        NDArray g = b.transpose(1, 0, 2).batchMatMul(t.transpose(1, 2, 0));
        return g.transpose(1, 2, 0).add(bias(a.getManager()));
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public NDList parameters() {
        return new NDList(params.flat());
    }

    @Override
    public NDArray forward(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 2 || s.get(1) != spec.inputs()) {
            throw new IllegalArgumentException("shape mismatch: deeponet takes rows [a at " + sensors + " sensors, "
                    + coordinates + " coordinates] = [n, " + spec.inputs() + "], got " + s);
        }
        NDArray b = branch(x.get(":, 0:" + sensors)).reshape(s.get(0), spec.outputs(), -1);
        NDArray t = trunk(x.get(":, " + sensors + ":")).reshape(s.get(0), spec.outputs(), -1);
        return b.mul(t).sum(new int[] {2}).add(bias(x.getManager()));
    }

    @Override
    public void close() {
        params.close();
    }
}
