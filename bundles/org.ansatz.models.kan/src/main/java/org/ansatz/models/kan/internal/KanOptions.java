package org.ansatz.models.kan.internal;

import java.util.ArrayList;
import java.util.List;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.method.Options;
import org.ansatz.api.model.InputBounds;
import org.ansatz.api.model.ModelSpec;

/**
 * The options of model {@code kan}, validated at once; every error names its key.
 *
 * @param widths    inputs, hidden widths, outputs
 * @param degree    spline degree k (pykan's {@code k}; 3 is cubic)
 * @param grids     grid sizes of the levels: the initial G, then every size of the schedule
 * @param after     training evaluations after which each level starts (0 for the first)
 * @param base      the base function b(x), or null for none ({@code base}, or {@code activation} as problems'
 *                  defaults name it)
 * @param lower     grid range of each input of the first layer
 * @param upper     ditto
 * @param hiddenLow grid range of the later layers' inputs
 * @param hiddenHigh ditto
 */
record KanOptions(int[] widths, int degree, int[] grids, long[] after, Activations base, double[] lower,
        double[] upper, double hiddenLow, double hiddenHigh) {

        static KanOptions parse(ModelSpec spec) {
        Options o = new Options(spec.options(), "model.");
        int[] hidden = hiddenWidths(o);
        int degree = o.integer("order", 3, 1);
        int grid = o.integer("grid", 5, 1);
        // "activation" is what problems' defaults set for MLPs; in a KAN the base function plays that part.
        String activation = o.string("activation", null);
        String explicit = o.string("base", null);
        if (activation != null && explicit != null && !activation.equalsIgnoreCase(explicit)) {
            throw new IllegalArgumentException("model.activation and model.base both set a KAN's base function ('"
                    + activation + "', '" + explicit + "'); give one");
        }
        String baseName = explicit != null ? explicit : activation != null ? activation : "silu";
        String baseKey = explicit != null ? "model.base" : activation != null ? "model.activation" : "model.base";
        Activations base;
        if (baseName.equalsIgnoreCase("none")) {
            base = null;
        } else {
            try {
                base = Activations.parse(baseName);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(baseKey + ": " + e.getMessage() + ", or none");
            }
        }
        InputBounds bounds = spec.boundsOr("model.bounds", o.string("bounds", null));
        double[] range = range("grid-range", o.string("grid-range", "-1:1"));
        List<long[]> schedule = schedule(o.string("grid-schedule", null), grid);
        o.checkAllRead("model kan");
        int[] widths = new int[hidden.length + 2];
        widths[0] = spec.inputs();
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = spec.outputs();
        int[] grids = new int[schedule.size() + 1];
        long[] after = new long[grids.length];
        grids[0] = grid;
        for (int i = 0; i < schedule.size(); i++) {
            grids[i + 1] = (int) schedule.get(i)[0];
            after[i + 1] = schedule.get(i)[1];
        }
        return new KanOptions(widths, degree, grids, after, base, bounds.lower(), bounds.upper(), range[0], range[1]);
    }

    private static int[] hiddenWidths(Options o) {
        String layers = o.string("layers", "8,8");
        List<Integer> w = new ArrayList<>();
        if (layers.replaceAll("[\\[\\]\\s]", "").isEmpty() || layers.equalsIgnoreCase("none")) {
            return new int[0];
        }
        for (String s : layers.replaceAll("[\\[\\]\\s]", "").split(",")) {
            try {
                int v = Integer.parseInt(s);
                if (v <= 0) {
                    throw new NumberFormatException();
                }
                w.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("model.layers must list positive hidden widths like 8,8; got '"
                        + layers + "'");
            }
        }
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] range(String key, String text) {
        String[] lh = text.trim().split(":");
        try {
            double lo = Double.parseDouble(lh[0].trim());
            double hi = Double.parseDouble(lh[1].trim());
            if (lh.length != 2 || !(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
                throw new NumberFormatException();
            }
            return new double[] {lo, hi};
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("model." + key + " must be lo:hi with lo < hi, e.g. -1:1; got '" + text
                    + "'");
        }
    }

    /** {@code G@N,...}: grid G after N training evaluations; sizes and counts strictly increasing. */
    private static List<long[]> schedule(String text, int grid) {
        List<long[]> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        long lastGrid = grid;
        long lastAfter = 0;
        for (String part : text.split(",")) {
            String[] ga = part.trim().split("@");
            long g;
            long after;
            try {
                g = Long.parseLong(ga[0].trim());
                after = Long.parseLong(ga[1].trim());
                if (ga.length != 2) {
                    throw new NumberFormatException();
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("model.grid-schedule must list grid@evaluations pairs like "
                        + "10@1000,20@2000; got '" + text + "'");
            }
            if (g <= lastGrid || g > 10_000) {
                throw new IllegalArgumentException("model.grid-schedule: grid sizes must grow (from model.grid = "
                        + grid + ") and stay below 10000; got '" + text + "'");
            }
            if (after <= lastAfter) {
                throw new IllegalArgumentException("model.grid-schedule: evaluation counts must be positive and "
                        + "increasing; got '" + text + "'");
            }
            out.add(new long[] {g, after});
            lastGrid = g;
            lastAfter = after;
        }
        return out;
    }
}
