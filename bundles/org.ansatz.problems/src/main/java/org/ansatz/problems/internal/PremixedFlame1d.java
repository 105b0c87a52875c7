package org.ansatz.problems.internal;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.expr.Expression;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Problem;
import org.ansatz.api.problem.Reference;
import org.osgi.service.component.annotations.Component;

/**
 * A freely propagating premixed flame in 1D, in the spirit of FlamePINN-1D (Wu et al. 2024): the
 * steady temperature {@code T(x)} in the flame frame with one-step Arrhenius chemistry and unit Lewis
 * number (fuel fraction {@code 1 - T}), nondimensional with unit diffusivity,
 * {@code m T_x = T_xx + A (1 - T) exp(-Ze (1 - T) / (1 - alpha (1 - T)))}, {@code Ze = 8},
 * {@code alpha = 0.8}, {@code A = 400}, on {@code x in [-1, 1]}. The burning rate {@code m} (the flame
 * speed times the unburnt density) is an eigenvalue the network must find, started at 1; the
 * reference value is 3.189652790.
 *
 * <p>Conditions. {@code T(0) = 1/2} fixes the translation invariance. On the cold side the reaction
 * is negligible ({@code w} is 1.5e-10 of its peak at {@code T = 0.1} and far less below), so the profile
 * there is {@code c exp(m x)}: {@code T_x = m T} at {@code x = -1} ({@code cold}, a Robin condition
 * on the unknown; before conditions could read unknowns it was written {@code (ln T)_xx = 0}, which
 * trained to 4e-5 where this form reaches 2e-6). That holds only where {@code w} vanishes, so
 * {@code T(-1) <= 0.1} is required too
 * ({@code unburnt}, a hinge penalty): without it training found a flame burning into a half-burnt
 * state ({@code T(-1) = 0.47}, {@code m = 8}, losses 1e-5), which solves the finite-domain problem as
 * well. On the hot side {@code T_x(1) = 0} ({@code hot}: adiabatic equilibrium; the whole-line flame
 * has {@code T_x(1) = 1.4e-6} there).
 *
 * <p>Reference: {@link FlameShooting} for the same rate cut off below {@code T = 0.1} (which changes it
 * by less than 1.5e-10 of its peak and makes the cold condition exact), 8000 RK4 steps, converged to
 * about 1e-11 in {@code m} and in the profile.
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "premixed-flame-1d",
        description = "Premixed flame 1D, one-step Arrhenius (Ze = 8, alpha = 0.8): find the burning rate "
                + "m = 3.1897 with T; phase-plane shooting reference")
public class PremixedFlame1d extends EquationProblem {

    static final double ZE = 8;
    static final double ALPHA = 0.8;
    static final double A = 400;
    static final double IGNITION = 0.1;
    static final double PIN = 0.5;
    static final double COLD = -1;
    static final double HOT = 1;
    static final int STEPS = 8000;
    /** Output scaling: the network's exp(N) near 1 gives a tanh argument of slope 2. */
    static final double SLOPE = 2;
    static final String EQUATION = "m*T_x - T_xx - A*(1 - T)*exp(-Ze*(1 - T)/(1 - alpha*(1 - T)))";
    static final Symbols SYMBOLS = new Symbols(List.of("x"), List.of("T"),
            Map.of("A", A, "Ze", ZE, "alpha", ALPHA), Set.of("m"));
    private static final Box DOMAIN = new Box(new double[] {COLD}, new double[] {HOT});

    private volatile FlameShooting solution;

    public PremixedFlame1d() {
        super(EQUATION, SYMBOLS);
    }

    @Override
    public String description() {
        return "Premixed flame 1D, one-step Arrhenius (Ze = 8, alpha = 0.8): find the burning rate m = 3.1897 "
                + "with T; phase-plane shooting reference";
    }

    /** {@code w(T) / (1 - T)} as a function of {@code theta = 1 - T}. */
    static double rate(double theta) {
        return A * Math.exp(-ZE * theta / (1 - ALPHA * theta));
    }

    /** The reference flame, solved on first use (a fraction of a second). */
    FlameShooting solution() {
        FlameShooting s = solution;
        if (s == null) {
            synchronized (this) {
                s = solution;
                if (s == null) {
                    s = new FlameShooting(PremixedFlame1d::rate, IGNITION, PIN, STEPS);
                    solution = s;
                }
            }
        }
        return s;
    }

    @Override
    public List<String> inputs() {
        return SYMBOLS.inputs();
    }

    @Override
    public List<String> outputs() {
        return SYMBOLS.outputs();
    }

    @Override
    public Box domain() {
        return DOMAIN;
    }

    @Override
    public NDArray residual(Jet u, NDArray x) {
        throw new IllegalStateException("premixed-flame-1d needs its unknown m");
    }

    @Override
    public Map<String, Double> unknowns() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("m", 1.0);
        return m;
    }

    @Override
    public Map<String, Double> trueUnknowns() {
        // The eigenvalue of the reference solver (its own convergence is tested to 1e-10).
        return Map.of("m", solution().burningRate());
    }

    /**
     * The cold and hot conditions; the pin is built into the output transform, which also keeps
     * {@code 0 < T < 1}. Without it the rate has a pole at {@code T = 1 - 1/alpha} that a network can
     * wander into early in training, so soft constraints are not offered.
     */
    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        if (!hardConstraints) {
            throw new IllegalArgumentException("premixed-flame-1d keeps 0 < T < 1 by its output transform; "
                    + "use constraints=hard");
        }
        return List.of(pointCondition("cold", COLD, "T_x - m*T"),
                pointCondition("unburnt", COLD, "(T - 0.1 + abs(T - 0.1))/2"), pointCondition("hot", HOT, "T_x"));
    }

    /** An expression that vanishes at one point (sampled once: more copies add nothing). */
    static Condition pointCondition(String name, double at, String expression) {
        Expression e = Expression.compile(expression, SYMBOLS);
        return new Condition() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] sample(int count, SplittableRandom random) {
                return new double[] {at};
            }

            @Override
            public List<MultiIndex> derivatives() {
                return e.derivatives();
            }

            @Override
            public NDArray residual(Jet u, NDArray x) {
                return e.evaluate(u, x, Map.of());
            }

            @Override
            public NDArray residual(Jet u, NDArray x, Map<String, NDArray> unknowns) {
                return e.evaluate(u, x, unknowns);
            }
        };
    }

    /**
     * {@code T = (1 + tanh(c + 2 x exp(N)))/2} with {@code c} placing the pin: {@code T(0) = 1/2} exactly,
     * {@code 0 < T < 1} always, and {@code T} below the pin on the cold side and above it on the hot. The
     * last rules out the hump around 1/2 that training with {@code (1 + tanh(x N))/2} settled into
     * ({@code m = -0.6}, rel. L2 0.62). A flame is nearly a tanh, so {@code exp(N)} only has to bend a
     * slope: about {@code m/4 = 0.8} on the cold side and {@code mu/4 = 4.6} on the hot one.
     */
    @Override
    public Optional<OutputTransform> hardConstraints() {
        double centre = 0.5 * Math.log(PIN / (1 - PIN));
        return Optional.of((network, input) -> input.columns(0, 1).mul(network.apply(Activations.EXP)).scale(SLOPE)
                .shift(centre).apply(Activations.TANH).shift(1).scale(0.5));
    }

    @Override
    public Optional<Reference> reference() {
        return Optional.of(new Reference() {
            @Override
            public String source() {
                return "phase-plane shooting for the burning rate (RK4, 8000 steps in ln(1 - T), bisection), "
                        + "quintic Hermite in x";
            }

            @Override
            public PointSet evaluate(PointSet in) {
                FlameShooting s = solution();
                double[] out = new double[in.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = s.temperature(in.get(i, 0));
                }
                return new PointSet(List.of("T"), out);
            }
        });
    }

    /**
     * A small network and budget suffice in 1D (measured at these defaults, idle machine: rel. L2 about
     * 2e-6 in 12 s for seeds 0, 1, 3, 4; seed 2 ends in a local minimum, m = 0.6, loss 4e-2, with the
     * unburnt hinge unmet, also with 2000 Adam steps). float64 because on float32 L-BFGS stopped after
     * 174 iterations with m 3e-4 off.
     */
    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = pinnDefaults("20,20,20", "hard", 400, 500, 500);
        d.put("dtype", "float64");
        // Some initialisations settle at a burning rate far from the eigenvalue with the unburnt-inflow
        // condition unmet (loss about 4e-2, against 1e-7 or less when m is found); the loss tells them apart.
        d.put("restart.above", 1e-3);
        return d;
    }
}
