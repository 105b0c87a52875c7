package org.ansatz.problems.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.expr.Expression;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The problems with closed-form solutions written in Java: each exact solution is written a second time
 * here, as expression text turned into a jet by the kernel's compiler; the two must agree, the residual
 * (with its manufactured forcing) must vanish on it, every soft condition must hold on it, and the hard
 * constraints must reproduce the data whatever the network outputs.
 */
class ExactSystemProblemsTest {

    private static NDManager manager;

    @BeforeAll
    static void start() {
        manager = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1)).newManager();
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    private static final String LAMBDA = Double.toString(Kovasznay.LAMBDA);

    /** The problem and its exact solution as text, one expression per output. */
    record Case(ExactSystemProblem problem, List<String> exact, Map<String, Double> unknowns) {
        Case(ExactSystemProblem problem, String... exact) {
            this(problem, List.of(exact), Map.of());
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case(new Helmholtz(), "sin(pi*x)*sin(4*pi*y)"),
                new Case(new Wave(), "sin(pi*x)*cos(2*pi*t) + 0.5*sin(4*pi*x)*cos(8*pi*t)"),
                new Case(new KleinGordon(), "x*cos(5*pi*t) + (x*t)^3"),
                new Case(new HeatVaryingCoefficient(), "exp(-t)*sin(pi*x)*sin(pi*y)"),
                new Case(new PoissonDiskWithHoles(), "sin(2*x)*cos(3*y)"),
                new Case(new Kovasznay(), "1 - exp(" + LAMBDA + "*x)*cos(2*pi*y)",
                        LAMBDA + "/(2*pi)*exp(" + LAMBDA + "*x)*sin(2*pi*y)", "0.5*(1 - exp(2*" + LAMBDA + "*x))"),
                new Case(new DiffusionReactionInverse(),
                        List.of("exp(-(0.1*pi^2 + 0.5)*t)*sin(pi*x) + 0.5*exp(-(0.4*pi^2 + 0.5)*t)*sin(2*pi*x)"),
                        Map.of("d", 0.1, "k", 0.5)));
    }

    private static Jet exactJet(Case c, Jet in) {
        Symbols s = Symbols.of(c.problem().inputs(), List.of(), Map.of());
        List<Jet> parts = new ArrayList<>();
        for (String e : c.exact()) {
            parts.add(Expression.compile(e, s).evaluate(in));
        }
        return parts.size() == 1 ? parts.get(0) : Jet.concat(parts);
    }

    private static NDArray array(double[] pts, int d) {
        return manager.create(pts, new Shape(pts.length / d, d));
    }

    private static double maxAbs(NDArray a) {
        return a.abs().max().toType(DataType.FLOAT64, false).getDouble();
    }

    private static Map<String, NDArray> unknowns(Case c) {
        Map<String, NDArray> m = new java.util.LinkedHashMap<>();
        c.unknowns().forEach((k, v) -> m.put(k, manager.create(v)));
        return m;
    }

    @Test
    void residualVanishesOnTheExactSolutionAndTheTwoWritingsAgree() {
        for (Case c : cases()) {
            ExactSystemProblem p = c.problem();
            int d = p.inputs().size();
            double[] pts = p.geometry().sampleInterior(400, new SplittableRandom(7));
            NDArray x = array(pts, d);
            Jet in = Jet.input(x, DerivativePlan.of(d, p.derivatives()));
            Jet exact = exactJet(c, in);
            NDArray r = p.residual(exact, x, unknowns(c));
            assertThat(r.getShape().get(1)).as(p.description()).isEqualTo(p instanceof Kovasznay ? 3 : 1);
            assertThat(maxAbs(r)).as(p.description()).isLessThan(1e-9);
            // Something else is not a solution: the test can fail.
            Jet other = in.columns(d - 1, d).apply(Activations.SIN);
            List<Jet> wrong = new ArrayList<>();
            for (int k = 0; k < p.outputs().size(); k++) {
                wrong.add(other);
            }
            assertThat(maxAbs(p.residual(wrong.size() == 1 ? other : Jet.concat(wrong), x, unknowns(c))))
                    .as(p.description()).isGreaterThan(1e-2);
            double[] javaExact = p.reference().orElseThrow().evaluate(new PointSet(p.inputs(), pts)).values();
            double[] textExact = exact.value().toDoubleArray();
            for (int i = 0; i < textExact.length; i++) {
                assertThat(Math.abs(javaExact[i] - textExact[i])).as(p.description() + " value " + i).isLessThan(1e-12);
            }
        }
    }

    @Test
    void softConditionsHoldOnTheExactSolution() {
        for (Case c : cases()) {
            ExactSystemProblem p = c.problem();
            int d = p.inputs().size();
            for (Condition cond : p.conditions(false)) {
                double[] pts = cond.sample(64, new SplittableRandom(8));
                NDArray x = array(pts, d);
                List<MultiIndex> needs = new ArrayList<>(cond.derivatives());
                Jet exact = exactJet(c, Jet.input(x, DerivativePlan.of(d, needs)));
                double tolerance = cond.name().equals("data") ? 0.05 : 1e-12;
                assertThat(maxAbs(cond.residual(exact, x))).as(p.description() + " " + cond.name()).isLessThan(tolerance);
            }
        }
    }

    @Test
    void hardConstraintsReproduceTheDataWhateverTheNetwork() {
        // Boundary points and initial points, where every hard transform must give the exact values.
        check(new Helmholtz(), new double[] {-1, 0.3, 1, -0.7, 0.2, -1, 0.9, 1});
        check(new Wave(), new double[] {0, 0.3, 0, 0.77, 0.4, 0, 0.6, 1});
        check(new PoissonDiskWithHoles(), PoissonDiskWithHoles.GEOMETRY.sampleBoundary(40, new SplittableRandom(9)).points());
        check(new HeatVaryingCoefficient(), new double[] {0, 0.3, 0.4, 0.5, 0, 0.2, 0.7, 1, 0.6, 0.3, 0.5, 0});
        check(new DiffusionReactionInverse(), new double[] {0, 0.3, 0, 0.77, 0.4, 0, 0.6, 1});
        // The wave's initial velocity holds exactly too.
        Wave w = new Wave();
        NDArray x = array(new double[] {0, 0.2, 0, 0.45, 0, 0.9}, 2);
        Jet in = Jet.input(x, DerivativePlan.of(2, List.of(MultiIndex.of(0))));
        Jet u = w.hardConstraints().orElseThrow().apply(network(in, 2), in);
        assertThat(maxAbs(u.stream(MultiIndex.of(0)))).isLessThan(1e-12);
    }

    @Test
    void lorenzResidualIsTheLorenzSystemWithItsUnknowns() {
        // On x = t, y = t^2, z = 1 + t^3 the residuals are known by hand.
        LorenzInverse p = new LorenzInverse();
        double[] ts = {0.1, 0.7, 2.3};
        NDArray x = array(ts, 1);
        Jet in = Jet.input(x, DerivativePlan.of(1, p.derivatives()));
        Symbols s = Symbols.of(List.of("t"), List.of(), Map.of());
        Jet u = Jet.concat(List.of(Expression.compile("t", s).evaluate(in), Expression.compile("t^2", s).evaluate(in),
                Expression.compile("1 + t^3", s).evaluate(in)));
        double sv = 10, rv = 15, bv = 8.0 / 3;
        double[] r = p.residual(u, x, Map.of("s", manager.create(sv), "r", manager.create(rv), "b", manager.create(bv)))
                .toDoubleArray();
        for (int i = 0; i < ts.length; i++) {
            double t = ts[i];
            double z = 1 + t * t * t;
            assertThat(r[3 * i]).isCloseTo(1 - sv * (t * t - t), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r[3 * i + 1]).isCloseTo(2 * t - t * (rv - z) + t * t, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r[3 * i + 2]).isCloseTo(3 * t * t - t * t * t + bv * z, org.assertj.core.api.Assertions.within(1e-12));
        }
        // Its conditions: exact initial values and 200 noisy observations of the trajectory.
        assertThat(p.conditions(false)).extracting(Condition::name).containsExactly("ic", "data");
        assertThat(p.unknowns()).containsOnlyKeys("s", "r", "b");
        // The hard transform holds the initial state whatever the network, and leaves the data as a term.
        assertThat(p.conditions(true)).extracting(Condition::name).containsExactly("data");
        NDArray t0 = array(new double[] {0, 1.3}, 1);
        Jet in0 = Jet.input(t0, DerivativePlan.of(1));
        Jet n = network(in0, 1);
        double[] h = p.hardConstraints().orElseThrow().apply(Jet.concat(List.of(n, n.scale(-2), n.shift(5))), in0)
                .value().toDoubleArray();
        assertThat(new double[] {h[0], h[1], h[2]}).containsExactly(-8, 7, 27);
        assertThat(h[5]).isNotCloseTo(27, org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void problemsWithoutHardConstraintsSaySo() {
        assertThatThrownBy(() -> new KleinGordon().conditions(true)).hasMessageContaining("constraints=soft");
        assertThatThrownBy(() -> new Kovasznay().conditions(true)).hasMessageContaining("constraints=soft");
        assertThat(new DiffusionReactionInverse().unknowns()).containsOnlyKeys("d", "k");
        // Its initial and boundary values can be hard; the observations stay a loss term.
        assertThat(new DiffusionReactionInverse().conditions(true)).extracting(Condition::name).containsExactly("data");
        assertThat(new DiffusionReactionInverse().conditions(false)).extracting(Condition::name)
                .containsExactly("ic", "bc", "data");
    }

    @Test
    void trueUnknownsAreTheValuesTheDataWereMadeWith() {
        // The diffusion-reaction case above writes its exact solution with d = 0.1, k = 0.5 as text.
        Case dr = cases().stream().filter(c -> c.problem() instanceof DiffusionReactionInverse).findFirst().orElseThrow();
        assertThat(dr.problem().trueUnknowns()).isEqualTo(dr.unknowns());
        assertThat(new LorenzInverse().trueUnknowns()).isEqualTo(Map.of("s", 10.0, "r", 15.0, "b", 8.0 / 3));
        assertThat(new BurgersInverse().trueUnknowns()).isEqualTo(Map.of("lambda1", 1.0, "lambda2", 0.01 / Math.PI));
        assertThat(new Helmholtz().trueUnknowns()).isEmpty();
    }

    @Test
    void cleanVariantsObserveTheExactSolutionAndNoisyOnesCarryTheStatedNoise() {
        assertThat(noise(new LorenzInverseClean(), rangesOfLorenz())).isLessThan(1e-12);
        assertThat(noise(new DiffusionReactionInverseClean(), new double[] {1})).isLessThan(1e-12);
        assertThat(noise(new BurgersInverse(), new double[] {1})).isLessThan(1e-12);
        // 1 % of each component's range, of 1, of the observations' standard deviation; the bounds are
        // about three standard errors of a standard deviation estimated from 600, 200 and 2000 draws.
        assertThat(noise(new LorenzInverse(), rangesOfLorenz())).isBetween(0.0091, 0.0109);
        assertThat(noise(new DiffusionReactionInverse(), new double[] {1})).isBetween(0.0085, 0.0115);
        BurgersInverseNoisy burgers = new BurgersInverseNoisy();
        double std = ObservationNoise.std(exactAtData(burgers));
        assertThat(noise(burgers, new double[] {std})).isBetween(0.0095, 0.0105);
    }

    private static double[] rangesOfLorenz() {
        return new LorenzTrajectory(LorenzInverse.S, LorenzInverse.R, LorenzInverse.B, LorenzInverse.START,
                LorenzInverse.T, 30_000).ranges();
    }

    private static Condition dataOf(PdeProblem p) {
        return p.conditions(false).stream().filter(k -> k.name().equals("data")).findFirst().orElseThrow();
    }

    private static double[] exactAtData(PdeProblem p) {
        double[] pts = dataOf(p).sample(0, new SplittableRandom(0));
        return p.reference().orElseThrow().evaluate(new PointSet(p.inputs(), pts)).values();
    }

    /** The root mean square of (observation - exact) / scale: the noise level the data were made with. */
    private static double noise(PdeProblem p, double[] scale) {
        int d = p.inputs().size();
        int m = p.outputs().size();
        double[] pts = dataOf(p).sample(0, new SplittableRandom(0));
        double[] exact = exactAtData(p);
        Jet u = Jet.input(array(exact, m), DerivativePlan.of(m));
        double[] r = dataOf(p).residual(u, array(pts, d)).toDoubleArray();
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += r[i] / scale[i % m] * (r[i] / scale[i % m]);
        }
        return Math.sqrt(sum / r.length);
    }

    private static Jet network(Jet in, int d) {
        Jet sum = in.columns(0, 1).scale(3);
        for (int a = 1; a < d; a++) {
            sum = sum.add(in.columns(a, a + 1).scale(2 + a));
        }
        return sum.apply(Activations.SIN).shift(0.7);
    }

    private static void check(ExactSystemProblem p, double[] pts) {
        int d = p.inputs().size();
        NDArray x = array(pts, d);
        Jet in = Jet.input(x, DerivativePlan.of(d));
        double[] u = p.hardConstraints().orElseThrow().apply(network(in, d), in).value().toDoubleArray();
        double[] ref = p.reference().orElseThrow().evaluate(new PointSet(p.inputs(), pts)).values();
        for (int i = 0; i < u.length; i++) {
            assertThat(Math.abs(u[i] - ref[i])).as(p.description() + " at point " + i).isLessThan(1e-9);
        }
    }
}
