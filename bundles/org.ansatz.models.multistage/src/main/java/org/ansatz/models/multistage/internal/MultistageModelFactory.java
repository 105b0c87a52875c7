package org.ansatz.models.multistage.internal;

import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.Options;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.osgi.service.component.annotations.Component;

/**
 * Model {@code multistage}: frozen earlier stages plus one new stage network. Options of the new
 * stage: {@code layers} (or {@code width} and {@code depth}), {@code activation}, {@code first-activation}
 * (of the first hidden layer; default the activation), {@code kappa} (first-layer scale, default 1),
 * {@code scale} (output scale, default 1). The earlier stages: {@code frozen}
 * ({@code scale:kappa:first:w1xw2:activation;...}) and {@code frozen-parameters} (their flat parameters,
 * little-endian float64, Base64; zeros when absent). Solver {@code multistage-pinn} sets these; with
 * none of them the model is one network with a scaled first layer.
 */
@Component(service = ModelFactory.class)
@AnsatzMethod(name = "multistage", description = "Multi-stage network: frozen earlier stages plus one new stage "
        + "eps*N(kappa x) (used by solver multistage-pinn); Taylor-mode jets")
public class MultistageModelFactory implements ModelFactory {

    @Override
    public Model create(ModelSpec spec, NDManager manager) {
        Options o = new Options(spec.options(), "model.");
        List<StageNetwork> stages = new ArrayList<>();
        String frozen = o.string("frozen", "");
        if (!frozen.isBlank()) {
            for (String s : frozen.split(";")) {
                stages.add(StageNetwork.parse(s, spec.inputs(), spec.outputs()));
            }
        }
        String encoded = o.string("frozen-parameters", null);
        double[] frozenParameters = encoded == null || encoded.isEmpty() ? null : decode(encoded);
        if (frozenParameters != null && stages.isEmpty()) {
            throw new IllegalArgumentException("model.frozen-parameters needs model.frozen (the stages they belong to)");
        }
        Activations activation = activation(o, "activation", "tanh");
        Activations first = activation(o, "first-activation", activation.name());
        double kappa = o.real("kappa", 1, Double.MIN_VALUE);
        double scale = o.real("scale", 1, Double.MIN_VALUE);
        int[] hidden = hidden(o);
        o.checkAllRead("model multistage");
        int[] widths = new int[hidden.length + 2];
        widths[0] = spec.inputs();
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = spec.outputs();
        stages.add(new StageNetwork(scale, kappa, first, activation, widths));
        return new MultistageModel(spec, stages, frozenParameters, manager);
    }

    private static Activations activation(Options o, String key, String fallback) {
        String name = o.string(key, fallback);
        try {
            return Activations.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model." + key + ": " + e.getMessage());
        }
    }

    private static int[] hidden(Options o) {
        String layers = o.string("layers", null);
        if (layers == null) {
            int width = o.integer("width", 20, 1);
            int depth = o.integer("depth", 3, 1);
            int[] h = new int[depth];
            java.util.Arrays.fill(h, width);
            return h;
        }
        String[] parts = layers.replaceAll("[\\[\\]\\s]", "").split(",");
        int[] h = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                h[i] = Integer.parseInt(parts[i]);
                if (h[i] <= 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("model.layers must list positive widths like 20,20,20; got '" + layers
                        + "'");
            }
        }
        return h;
    }

    /** Little-endian float64, Base64: what {@code frozen-parameters} holds. */
    static String encode(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values);
        return Base64.getEncoder().encodeToString(b.array());
    }

    static double[] decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.frozen-parameters must be Base64 (little-endian float64): "
                    + e.getMessage());
        }
        if (bytes.length % 8 != 0) {
            throw new IllegalArgumentException("model.frozen-parameters must hold whole float64 values, got "
                    + bytes.length + " bytes");
        }
        double[] out = new double[bytes.length / 8];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }
}
