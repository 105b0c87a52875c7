package org.ansatz.models.mlp.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.Functions;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.model.ModelSpec;

/**
 * Exact periodicity in chosen inputs (Dong and Ni 2021; used by Wang et al.'s causal training): input
 * {@code x_j} with period {@code L} enters the network only through {@code cos(k w x_j)} and
 * {@code sin(k w x_j)}, {@code w = 2 pi / L}, {@code k = 1..harmonics}, so every output is periodic in
 * it and periodic boundary conditions hold by construction. Other inputs pass through unchanged.
 * Option {@code periodic}: {@code index:period} pairs, e.g. {@code 1:6.283185307179586} for x in (t, x).
 */
final class PeriodicEmbedding implements AutoCloseable {

    private final NDArray frequencies;
    private final NDArray passThrough;
    private final int width;

    private PeriodicEmbedding(NDArray frequencies, NDArray passThrough, int width) {
        this.frequencies = frequencies;
        this.passThrough = passThrough;
        this.width = width;
    }

    /** The embedding the options ask for, or null. */
    static PeriodicEmbedding parse(ModelSpec spec, NDManager manager) {
        Object option = spec.options().get("periodic");
        if (option == null || option.toString().isBlank()) {
            if (spec.options().containsKey("harmonics")) {
                throw new IllegalArgumentException("model.harmonics needs model.periodic (index:period)");
            }
            return null;
        }
        int d = spec.inputs();
        double[] period = new double[d];
        for (String part : option.toString().split(",")) {
            String[] ip = part.trim().split(":");
            try {
                int index = Integer.parseInt(ip[0].trim());
                double p = Double.parseDouble(ip[1].trim());
                if (ip.length != 2 || index < 0 || index >= d || !(p > 0) || Double.isInfinite(p) || period[index] != 0) {
                    throw new NumberFormatException();
                }
                period[index] = p;
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("model.periodic must list distinct index:period pairs with an input "
                        + "index in 0.." + (d - 1) + " and a positive period, e.g. 1:6.283185307179586; got '" + option
                        + "'");
            }
        }
        int harmonics;
        try {
            harmonics = Integer.parseInt(String.valueOf(spec.options().getOrDefault("harmonics", "1")).trim());
            if (harmonics < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model.harmonics must be a positive integer, got '"
                    + spec.options().get("harmonics") + "'");
        }
        List<Integer> periodicInputs = new ArrayList<>();
        List<Integer> plain = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            (period[j] > 0 ? periodicInputs : plain).add(j);
        }
        int m = periodicInputs.size() * harmonics;
        double[] freq = new double[d * m];
        int c = 0;
        for (int j : periodicInputs) {
            for (int k = 1; k <= harmonics; k++) {
                freq[j * m + c++] = 2 * Math.PI * k / period[j];
            }
        }
        double[] select = new double[d * Math.max(1, plain.size())];
        for (int i = 0; i < plain.size(); i++) {
            select[plain.get(i) * plain.size() + i] = 1;
        }
        NDArray f = cast(manager.create(freq, new Shape(d, m)), spec.dtype());
        NDArray s = plain.isEmpty() ? null : cast(manager.create(select, new Shape(d, plain.size())), spec.dtype());
        return new PeriodicEmbedding(f, s, plain.size() + 2 * m);
    }

    private static NDArray cast(NDArray a, DataType dtype) {
        return dtype == DataType.FLOAT64 ? a : a.toType(dtype, false);
    }

    /** Width of the embedded input: the plain inputs, then cosines, then sines. */
    int width() {
        return width;
    }

    NDArray apply(NDArray x) {
        NDArray z = x.matMul(frequencies);
        NDList parts = new NDList();
        if (passThrough != null) {
            parts.add(x.matMul(passThrough));
        }
        parts.add(z.cos());
        parts.add(z.sin());
        return NDArrays.concat(parts, 1);
    }

    Jet apply(Jet x) {
        Jet z = x.linear(frequencies, null);
        Jet cos = z.apply(Functions.COS);
        Jet sin = z.apply(Activations.SIN);
        List<Jet> parts = new ArrayList<>();
        if (passThrough != null) {
            parts.add(x.linear(passThrough, null));
        }
        parts.add(cos);
        parts.add(sin);
        return Jet.concat(parts);
    }

    @Override
    public void close() {
        frequencies.close();
        if (passThrough != null) {
            passThrough.close();
        }
    }
}
