package org.ansatz.optimizers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    private static Lbfgs lbfgs(int n, Map<String, Object> options) {
        return (Lbfgs) new LbfgsFactory().create(n, options);
    }

    /** Steps until converged (at most {@code max}); returns the losses returned by the steps. */
    private static List<Double> run(Lbfgs lbfgs, double[] x, TestObjective objective, int max) {
        List<Double> losses = new ArrayList<>();
        while (!lbfgs.converged() && losses.size() < max) {
            // The learning rate is ignored: a NaN proves it.
            losses.add(lbfgs.step(x, objective, Double.NaN));
        }
        return losses;
    }

    private static double[] standardStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return x;
    }

    private static double[] ones(int n) {
        double[] x = new double[n];
        Arrays.fill(x, 1);
        return x;
    }

    @Test
    void minimisesRosenbrockIn2D() {
        double[] x = standardStart(2);
        List<Double> losses = run(lbfgs(2, Map.of()), x, TestObjective.of(TestObjective::rosenbrock), 200);
        assertThat(x).containsExactly(ones(2), within(1e-8));
        assertThat(losses).hasSizeLessThan(200).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void minimisesChainedRosenbrockIn10D() {
        double[] x = standardStart(10);
        List<Double> losses = run(lbfgs(10, Map.of()), x, TestObjective.of(TestObjective::rosenbrock), 500);
        assertThat(x).containsExactly(ones(10), within(1e-8));
        assertThat(losses).hasSizeLessThan(500).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void solvesAQuadraticIn100DimensionsInAboutNSteps() {
        // Eigenvalues 1 .. 100, rotated: the unit quasi-Newton step is usually accepted, so the line
        // search is inexact and there is no exact n-step termination, but n steps are enough.
        int n = 100;
        double[] lambda = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            lambda[i] = Math.pow(100, i / (n - 1.0));
            c[i] = Math.sin(i + 1);
        }
        TestObjective.Term q = TestObjective.quadratic(TestObjective.spd(lambda, 7), c);
        Lbfgs lbfgs = lbfgs(n, Map.of());
        double[] x = new double[n];
        double[] g = new double[n];
        q.value(x, g);
        double g0 = Vectors.norm(g);
        int steps = 0;
        while (Vectors.norm(g) > 1e-8 * g0 && steps < 200) {
            lbfgs.step(x, TestObjective.of(q), 0);
            q.value(x, g);
            steps++;
        }
        assertThat(steps).isLessThanOrEqualTo(n + 5);
        assertThat(x).containsExactly(c, within(1e-6));
    }

    @Test
    void backsOffFromPointsWhereTheLossIsNotFinite() {
        double radius = 1.6;
        int[] nans = {0};
        TestObjective objective = TestObjective.of((x, g) -> {
            if (Vectors.norm(x) > radius) {
                nans[0]++;
                Arrays.fill(g, Double.NaN);
                return Double.NaN;
            }
            return TestObjective.rosenbrock(x, g);
        });
        double[] x = standardStart(2);
        List<Double> losses = run(lbfgs(2, Map.of()), x, objective, 200);
        assertThat(nans[0]).as("NaN evaluations").isPositive();
        assertThat(losses).allMatch(Double::isFinite);
        assertThat(x).containsExactly(ones(2), within(1e-8));
    }

    @Test
    void extrapolationBacksOffFromANonFiniteRegion() {
        // sqrt(0.01 + r^2) per coordinate has slope ~1 until r ~ 0.1: from the origin the first trial
        // (length 1) does not meet the curvature condition, so the search doubles the step and reaches
        // |x| = 4, beyond |x| = 3.5 where the loss is NaN, before bracketing the minimum at (3, 0).
        double[] c = {3, 0};
        int[] nans = {0};
        TestObjective objective = TestObjective.of((x, g) -> {
            if (Vectors.norm(x) > 3.5) {
                nans[0]++;
                return Double.NaN;
            }
            double f = 0;
            for (int i = 0; i < 2; i++) {
                double r = x[i] - c[i];
                double h = Math.sqrt(0.01 + r * r);
                f += h - 0.1;
                g[i] = r / h;
            }
            return f;
        });
        double[] x = {0, 0};
        run(lbfgs(2, Map.of()), x, objective, 50);
        assertThat(nans[0]).as("NaN evaluations").isPositive();
        assertThat(x).containsExactly(c, within(1e-8));
    }

    @Test
    void isConvergedAtAMinimumWithoutMoving() {
        double[] c = {1, -2, 3};
        TestObjective objective = TestObjective.of(TestObjective.diagonal(new double[] {1, 2, 3}, c));
        Lbfgs lbfgs = lbfgs(3, Map.of());
        double[] x = c.clone();
        assertThat(lbfgs.converged()).isFalse();
        assertThat(lbfgs.step(x, objective, 0)).isZero();
        assertThat(lbfgs.converged()).isTrue();
        assertThat(x).containsExactly(c);
        assertThat(lbfgs.step(x, objective, 0)).isZero();
        assertThat(objective.evaluations).as("no evaluation once converged at the same point").isEqualTo(1);
    }

    @Test
    void aFailedQuasiNewtonSearchRetriesFromSteepestDescent() {
        TestObjective.Term bowl = TestObjective.diagonal(new double[] {1, 10}, new double[] {0, 0});
        Lbfgs lbfgs = lbfgs(2, Map.of());
        double[] x = {1, 1};
        lbfgs.step(x, TestObjective.of(bowl), 0);
        // From here the loss is NaN off the steepest-descent ray, so the quasi-Newton direction (which
        // the pair just recorded bends away from -g) cannot succeed; steepest descent can.
        double[] start = x.clone();
        double[] g = new double[2];
        bowl.value(start, g);
        int[] nans = {0};
        TestObjective offRay = TestObjective.of((y, grad) -> {
            double dx = y[0] - start[0];
            double dy = y[1] - start[1];
            double cos = -(dx * g[0] + dy * g[1]) / (Math.hypot(dx, dy) * Vectors.norm(g));
            if ((dx != 0 || dy != 0) && cos < 1 - 1e-9) {
                nans[0]++;
                return Double.NaN;
            }
            return bowl.value(y, grad);
        });
        double before = bowl.value(start, new double[2]);
        assertThat(lbfgs.step(x, offRay, 0)).isEqualTo(before);
        assertThat(nans[0]).as("quasi-Newton trials rejected").isPositive();
        assertThat(lbfgs.converged()).isFalse();
        assertThat(bowl.value(x, new double[2])).isLessThan(before);
        double cos = -((x[0] - start[0]) * g[0] + (x[1] - start[1]) * g[1])
                / (Math.hypot(x[0] - start[0], x[1] - start[1]) * Vectors.norm(g));
        assertThat(cos).as("moved along -g").isCloseTo(1, within(1e-9));
    }

    @Test
    void convergesWhenEvenSteepestDescentFindsNoDecrease() {
        // A loss that does not follow its gradient (as float32 noise can make it): no line search succeeds.
        TestObjective objective = TestObjective.of((x, g) -> {
            g[0] = 1;
            g[1] = -2;
            return 1;
        });
        Lbfgs lbfgs = lbfgs(2, Map.of());
        double[] x = {0.5, 0.5};
        assertThat(lbfgs.step(x, objective, 0)).isEqualTo(1);
        assertThat(lbfgs.converged()).isTrue();
        assertThat(x).containsExactly(0.5, 0.5);
    }

    @Test
    void convergesAfterTwentyStepsThatDoNotLowerTheLoss() {
        // A bit-identical loss of 1e20 passes the sufficient-decrease test (the decrease rounds away)
        // while the gradient x^3 keeps supplying Wolfe steps: every step moves, none lowers the loss.
        TestObjective objective = TestObjective.of((x, g) -> {
            g[0] = x[0] * x[0] * x[0];
            return 1e20;
        });
        Lbfgs lbfgs = lbfgs(1, Map.of());
        double[] x = {0.8};
        for (int s = 1; s <= Lbfgs.STALL_LIMIT; s++) {
            assertThat(lbfgs.converged()).as("before step %d", s).isFalse();
            double before = x[0];
            lbfgs.step(x, objective, 0);
            assertThat(x[0]).as("step %d moves", s).isNotEqualTo(before);
        }
        assertThat(lbfgs.converged()).isTrue();
    }

    @Test
    void toleranceStopsAtASmallGradient() {
        double[] x = standardStart(2);
        List<Double> loose = run(lbfgs(2, Map.of("tolerance", 1e-3)), x, TestObjective.of(TestObjective::rosenbrock),
                200);
        double[] g = new double[2];
        TestObjective.rosenbrock(x, g);
        assertThat(Vectors.norm(g)).isLessThanOrEqualTo(1e-3);
        List<Double> tight = run(lbfgs(2, Map.of()), standardStart(2), TestObjective.of(TestObjective::rosenbrock),
                200);
        assertThat(loose.size()).isLessThan(tight.size());
    }

    @Test
    void restartsFromAPointTheCallerSet() {
        TestObjective.Term q = TestObjective.diagonal(new double[] {1, 4}, new double[] {0, 0});
        TestObjective objective = TestObjective.of(q);
        Lbfgs lbfgs = lbfgs(2, Map.of());
        double[] x = {1, 1};
        assertThat(lbfgs.step(x, objective, 0)).isEqualTo(2.5);
        // The caller restores another state: the next step reports the loss there, not the cached one.
        x[0] = 2;
        x[1] = 0;
        assertThat(lbfgs.step(x, objective, 0)).isEqualTo(2);
        assertThat(q.value(x, new double[2])).isLessThan(2);
    }

    @Test
    void aNonFiniteStartingLossLeavesXUnchanged() {
        Lbfgs lbfgs = lbfgs(2, Map.of());
        double[] x = {3, 4};
        assertThat(lbfgs.step(x, TestObjective.of((y, g) -> Double.POSITIVE_INFINITY), 0)).isInfinite();
        assertThat(x).containsExactly(3, 4);
        assertThat(lbfgs.converged()).isFalse();
        assertThat(lbfgs.lineSearch()).isTrue();
    }
}
