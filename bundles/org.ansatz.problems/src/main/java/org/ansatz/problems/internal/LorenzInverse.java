package org.ansatz.problems.internal;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.Conditions;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Lorenz parameters from a noisy trajectory (the setting of DeepXDE's Lorenz inverse example):
 * {@code x' = s (y - x)}, {@code y' = x (r - z) - y}, {@code z' = x y - b z} on {@code t in [0, 3]} from
 * {@code (-8, 7, 27)}, true {@code s = 10, r = 15, b = 8/3}, all started at 1; 200 observations with
 * 1 % noise (relative to each component's range). The trajectory comes from {@link LorenzTrajectory},
 * a converged RK4 integration.
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "lorenz-inverse",
        description = "Lorenz system inverse: find s = 10, r = 15, b = 8/3 from a noisy trajectory")
public class LorenzInverse extends ExactSystemProblem {

    static final double S = 10;
    static final double R = 15;
    static final double B = 8.0 / 3;
    static final double[] START = {-8, 7, 27};
    static final double T = 3;
    static final int OBSERVATIONS = 200;
    static final double NOISE = 0.01;
    private static final Box DOMAIN = new Box(new double[] {0}, new double[] {T});

    private final LorenzTrajectory trajectory = new LorenzTrajectory(S, R, B, START, T, 30_000);
    private final double noise;
    private volatile List<Condition> conditions;

    public LorenzInverse() {
        this(NOISE);
    }

    /** With the given noise level relative to each component's range (0: exact observations). */
    LorenzInverse(double noise) {
        super(List.of("x_t - s*(y - x)", "y_t - x*(r - z) + y", "z_t - x*y + b*z"),
                new Symbols(List.of("t"), List.of("x", "y", "z"), Map.of(), java.util.Set.of("s", "r", "b")));
        this.noise = noise;
    }

    @Override
    public String description() {
        return "Lorenz system inverse: find s = 10, r = 15, b = 8/3 from " + (noise == 0 ? "an exact"
                : "a noisy (" + Math.round(noise * 100) + " %)") + " trajectory";
    }

    @Override
    public Box domain() {
        return DOMAIN;
    }

    @Override
    double[] exact(double[] p) {
        return trajectory.at(p[0]);
    }

    @Override
    String referenceSource() {
        return "RK4 (30000 steps, converged to 1e-8) with Hermite interpolation";
    }

    @Override
    public NDArray residual(Jet u, NDArray x) {
        throw new IllegalStateException("lorenz-inverse needs its unknowns s, r and b");
    }

    @Override
    public Map<String, Double> unknowns() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("s", 1.0);
        m.put("r", 1.0);
        m.put("b", 1.0);
        return m;
    }

    @Override
    public Map<String, Double> trueUnknowns() {
        return Map.of("s", S, "r", R, "b", B);
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        List<Condition> c = all();
        // The hard transform holds the initial state exactly; the data stay a loss term.
        return hardConstraints ? c.subList(1, 2) : c;
    }

    private List<Condition> all() {
        List<Condition> c = conditions;
        if (c == null) {
            SplittableRandom random = new SplittableRandom(2025);
            double[] times = new double[OBSERVATIONS];
            for (int i = 0; i < OBSERVATIONS; i++) {
                times[i] = T * i / (OBSERVATIONS - 1);
            }
            PointSet points = new PointSet(inputs(), times);
            double[] values = ObservationNoise.add(reference().orElseThrow().evaluate(points).values(), noise,
                    trajectory.ranges(), random);
            c = List.of(initialValues("ic", DOMAIN, 0, 1, 2),
                    Conditions.observations("data", points, new PointSet(outputs(), values)));
            conditions = c;
        }
        return c;
    }

    /**
     * {@code u_i = u_i(0) + (t / T) range_i N_i}: the initial state holds exactly and the network's
     * outputs are of order one although the states range over tens (unscaled, the network stayed near
     * zero and the coefficients went nowhere, docs/accuracy.md).
     */
    @Override
    public Optional<OutputTransform> hardConstraints() {
        double[] range = trajectory.ranges();
        return Optional.of((network, input) -> {
            Jet t = input.columns(0, 1);
            List<Jet> parts = new java.util.ArrayList<>(3);
            for (int i = 0; i < 3; i++) {
                parts.add(t.mul(network.columns(i, i + 1)).scale(range[i] / T).shift(START[i]));
            }
            return Jet.concat(parts);
        });
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = EquationProblem.pinnDefaults("40,40,40", "hard", 400, 20000, 10000);
        d.put("adam.lr", 1e-3);
        // The trajectory first: with equal weights the equations pulled the fit into basins where s ended
        // 12-23 % off or r went negative (seed 1); weighted 100:1 the network follows the data and the
        // residual, linear in s, r, b, then fixes them (docs/accuracy.md).
        d.put("weight.data", 100);
        return d;
    }
}
