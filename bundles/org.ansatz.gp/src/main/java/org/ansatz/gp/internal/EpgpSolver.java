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
 * Solver {@code epgp}: an EPGP prior from Monte Carlo points of the characteristic variety (Gaussian
 * frequency measure with learned scales), conditioned on the problem's conditions. Settings
 * ({@code epgp.*}): {@code features} (frequency draws), {@code scale} (initial frequency scale, radians
 * per unit; default {@code 2 pi / span}), {@code iterations}, {@code condition-points},
 * {@code noise.<condition>} (fixed noise variance), {@code min-noise}.
 */
@Component(service = Solver.class)
@AnsatzMethod(name = "epgp", description = "EPGP: GP prior whose samples solve the linear PDE exactly, conditioned on "
        + "data, initial and boundary values")
public class EpgpSolver extends EpgpBase {

    @Activate
    public EpgpSolver(@Reference TensorEngine engine) {
        super(engine);
    }

    @Override
    String name() {
        return "epgp";
    }

    @Override
    String prefix() {
        return "epgp";
    }

    @Override
    void configure(Options s, Context c) {
        c.integers.put("features", s.integer("epgp.features", 128, 1));
        double span = java.util.Arrays.stream(c.spans).min().orElse(1);
        c.values.put("scale", s.real("epgp.scale", 2 * Math.PI / span * 2, 1e-12));
    }

    @Override
    double[] initial(Context c) {
        int f = c.variety.freeAxes().length;
        c.normals = Epgp.normals(c.integers.get("features"), f, c.seed + 17);
        double[] theta = new double[f + 1];
        java.util.Arrays.fill(theta, 0, f, Math.log(c.values.get("scale")));
        theta[f] = 0;
        return theta;
    }

    @Override
    Epgp.Features features(Context c, double[] theta) {
        int f = c.variety.freeAxes().length;
        double[] scales = new double[f];
        for (int j = 0; j < f; j++) {
            scales[j] = Math.exp(theta[j]);
        }
        return Epgp.monteCarlo(c.variety, c.normals, scales, Math.exp(theta[f]), c.centre, c.spans);
    }

    @Override
    Map<String, Double> describe(Context c, double[] theta) {
        Map<String, Double> m = new LinkedHashMap<>();
        int f = c.variety.freeAxes().length;
        for (int j = 0; j < f; j++) {
            m.put("frequency-scale." + c.variety.freeAxes()[j], Math.exp(theta[j]));
        }
        m.put("signal-variance", Math.exp(theta[f]));
        return m;
    }
}
