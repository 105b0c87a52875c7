package org.ansatz.models.pig.internal;

import java.util.ArrayList;
import java.util.List;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.method.Options;
import org.ansatz.api.model.InputBounds;
import org.ansatz.api.model.ModelSpec;

/**
 * The options of model {@code pig}, validated at once; every error names its key.
 *
 * @param gaussians number N of Gaussians
 * @param features  width of each Gaussian's feature vector (the MLP's input)
 * @param hidden    hidden widths of the MLP
 * @param activation the MLP's activation
 * @param cholesky  full precision matrices (lower-triangular factors) rather than diagonal ones
 * @param sigma     initial standard deviation per input, in units of the input's extent
 * @param lower     box the means are drawn from
 * @param upper     ditto
 */
record PigOptions(int gaussians, int features, int[] hidden, Activations activation, boolean cholesky, double sigma,
        double[] lower, double[] upper) {

    static PigOptions parse(ModelSpec spec) {
        Options o = new Options(spec.options(), "model.");
        int n = o.integer("gaussians", 200, 1);
        int features = o.integer("features", 4, 1);
        int[] hidden = widths(o.string("layers", "16"));
        Activations activation;
        String a = o.string("activation", "tanh");
        try {
            activation = Activations.parse(a);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model.activation: " + e.getMessage());
        }
        boolean cholesky = o.choice("covariance", "diagonal", List.of("diagonal", "cholesky")).equals("cholesky");
        double sigma = o.real("sigma", Math.pow(n, -1.0 / spec.inputs()), 1e-6, 1e3);
        InputBounds bounds = spec.boundsOr("model.bounds", o.string("bounds", null));
        o.checkAllRead("model pig");
        return new PigOptions(n, features, hidden, activation, cholesky, sigma, bounds.lower(), bounds.upper());
    }

    private static int[] widths(String layers) {
        String plain = layers.replaceAll("[\\[\\]\\s]", "");
        if (plain.isEmpty() || plain.equalsIgnoreCase("none")) {
            return new int[0];
        }
        List<Integer> w = new ArrayList<>();
        for (String s : plain.split(",")) {
            try {
                int v = Integer.parseInt(s);
                if (v <= 0) {
                    throw new NumberFormatException();
                }
                w.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("model.layers must list positive hidden widths of the MLP like 16; "
                        + "got '" + layers + "'");
            }
        }
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

}
