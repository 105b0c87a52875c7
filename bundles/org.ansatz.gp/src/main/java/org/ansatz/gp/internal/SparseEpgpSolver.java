package org.ansatz.gp.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.method.Options;
import org.ansatz.api.solver.Solver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Solver {@code s-epgp}: sparse EPGP, a few points of the characteristic variety whose frequencies and
 * weights are learned by maximising the marginal likelihood. Settings ({@code s-epgp.*}):
 * {@code frequencies} (number of learned frequencies), {@code scale} (spread of their initial values,
 * radians per unit), {@code iterations}, {@code condition-points}, {@code noise.<condition>},
 * {@code min-noise}.
 */
@Component(service = Solver.class)
@AnsatzMethod(name = "s-epgp", description = "Sparse EPGP: learned points of the characteristic variety; samples solve "
        + "the linear PDE exactly")
public class SparseEpgpSolver extends EpgpBase {

    @Activate
    public SparseEpgpSolver(@Reference TensorEngine engine) {
        super(engine);
    }

    @Override
    String name() {
        return "s-epgp";
    }

    @Override
    String prefix() {
        return "s-epgp";
    }

    @Override
    int defaultIterations() {
        return 150;
    }

    @Override
    void configure(Options s, Context c) {
        c.integers.put("frequencies", s.integer("s-epgp.frequencies", 8, 1));
        double span = java.util.Arrays.stream(c.spans).min().orElse(1);
        c.values.put("scale", s.real("s-epgp.scale", 2 * Math.PI / span * 2, 1e-12));
    }

    @Override
    double[] initial(Context c) {
        int f = c.variety.freeAxes().length;
        int k = c.integers.get("frequencies");
        double[][] e = Epgp.normals(k, f, c.seed + 23);
        double[] theta = new double[k * f + k];
        double scale = c.values.get("scale");
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < f; j++) {
                theta[i * f + j] = scale * e[i][j];
            }
            theta[k * f + i] = Math.log(1.0 / k);
        }
        return theta;
    }

    @Override
    Epgp.Features features(Context c, double[] theta) {
        int f = c.variety.freeAxes().length;
        int k = c.integers.get("frequencies");
        double[][] w = new double[k][f];
        double[] var = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < f; j++) {
                w[i][j] = theta[i * f + j];
            }
            var[i] = Math.exp(theta[k * f + i]);
        }
        return Epgp.sparse(c.variety, w, var, c.centre, c.spans);
    }

    @Override
    Map<String, Double> describe(Context c, double[] theta) {
        Map<String, Double> m = new LinkedHashMap<>();
        int f = c.variety.freeAxes().length;
        int k = c.integers.get("frequencies");
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < f; j++) {
                m.put("frequency." + i + "." + c.variety.freeAxes()[j], theta[i * f + j]);
            }
            m.put("variance." + i, Math.exp(theta[k * f + i]));
        }
        return m;
    }
}
