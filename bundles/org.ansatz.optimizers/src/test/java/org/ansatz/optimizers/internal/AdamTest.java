package org.ansatz.optimizers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamTest {

    private static final double[] A = {1, 10, 100};
    private static final double[] C = {1, -2, 0.5};

    private static Adam adam() {
        return (Adam) new AdamFactory().create(3, Map.of());
    }

    @Test
    void firstThreeStepsFollowAlgorithm1() {
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        TestObjective objective = TestObjective.of(TestObjective.diagonal(A, C));
        Adam adam = adam();
        double[] x = {0, 0, 0};
        double[] ref = {0, 0, 0};
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 1; t <= 3; t++) {
            double refLoss = 0;
            for (int i = 0; i < 3; i++) {
                double g = A[i] * (ref[i] - C[i]);
                refLoss += 0.5 * A[i] * (ref[i] - C[i]) * (ref[i] - C[i]);
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                ref[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            double loss = adam.step(x, objective, lr);
            assertThat(loss).as("loss before step %d", t).isCloseTo(refLoss, within(1e-12));
            for (int i = 0; i < 3; i++) {
                assertThat(x[i]).as("x[%d] after step %d", i, t).isCloseTo(ref[i], within(1e-14));
            }
            if (t == 1) {
                // Bias-corrected first step: mhat / sqrt(vhat) = g / |g|, so every coordinate moves by lr
                // towards its minimum whatever its curvature.
                assertThat(x).containsExactly(new double[] {0.1, -0.1, 0.1}, within(1e-8));
            }
        }
    }

    @Test
    void convergesOnAnIllConditionedQuadratic() {
        // Curvatures 1 .. 1e4: gradient descent with a stable step (< 2e-4) would still be ~80% away in
        // the flattest direction after these 2000 steps; Adam's per-coordinate scaling is not.
        int n = 10;
        double[] a = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.pow(1e4, i / (n - 1.0));
            c[i] = Math.cos(i);
        }
        TestObjective objective = TestObjective.of(TestObjective.diagonal(a, c));
        Adam adam = (Adam) new AdamFactory().create(n, Map.of());
        double[] x = new double[n];
        int steps = 2000;
        for (int s = 0; s < steps; s++) {
            adam.step(x, objective, 0.1 * Math.pow(1e-3, s / (double) steps));
        }
        assertThat(x).containsExactly(c, within(1e-10));
    }

    @Test
    void aNonFiniteLossLeavesXAndMomentsUnchanged() {
        TestObjective good = TestObjective.of(TestObjective.diagonal(A, C));
        TestObjective bad = TestObjective.of((x, g) -> Double.NaN);
        TestObjective badGradient = TestObjective.of((x, g) -> {
            g[1] = Double.POSITIVE_INFINITY;
            return 1;
        });
        Adam disturbed = adam();
        Adam clean = adam();
        double[] x = {0.5, 0.5, 0.5};
        double[] y = x.clone();
        assertThat(disturbed.step(x, bad, 0.1)).isNaN();
        assertThat(disturbed.step(x, badGradient, 0.1)).isNaN();
        assertThat(x).containsExactly(0.5, 0.5, 0.5);
        for (int s = 0; s < 3; s++) {
            disturbed.step(x, good, 0.1);
            clean.step(y, good, 0.1);
        }
        // Same moments and step count as an optimizer that never saw the failures.
        assertThat(x).containsExactly(y);
    }

    @Test
    void rejectsAWrongLengthAndABadLearningRate() {
        TestObjective objective = TestObjective.of(TestObjective.diagonal(A, C));
        assertThatThrownBy(() -> adam().step(new double[2], objective, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 parameters, got 2");
        assertThatThrownBy(() -> adam().step(new double[3], objective, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new AdamFactory().create(0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension must be >= 1, got 0");
    }

    @Test
    void adamwWithZeroGradientDecaysXGeometrically() {
        double lr = 0.1;
        double wd = 0.5;
        Adam adamw = (Adam) new AdamWFactory().create(2, Map.of("weight_decay", wd));
        TestObjective flat = TestObjective.of((x, g) -> 1);
        double[] x = {2, -3};
        for (int k = 1; k <= 10; k++) {
            adamw.step(x, flat, lr);
            double factor = Math.pow(1 - lr * wd, k);
            assertThat(x).as("after %d steps", k).containsExactly(new double[] {2 * factor, -3 * factor}, within(1e-13));
        }
    }

    @Test
    void adamwDecayIsDecoupledFromTheMoments() {
        // AdamW's step is Adam's step minus lr * wd * x: the decay never enters m or v (unlike an L2
        // penalty, which Adam would rescale per coordinate).
        double lr = 0.05;
        double wd = 0.3;
        TestObjective objective = TestObjective.of(TestObjective.diagonal(A, C));
        Adam adam = adam();
        Adam adamw = (Adam) new AdamWFactory().create(3, Map.of("weight_decay", wd));
        double[] x = {0.5, 0.25, -1};
        for (int s = 0; s < 3; s++) {
            double[] plain = x.clone();
            adam.step(plain, objective, lr);
            double[] decayed = x.clone();
            adamw.step(decayed, objective, lr);
            for (int i = 0; i < 3; i++) {
                assertThat(decayed[i]).isCloseTo(plain[i] - lr * wd * x[i], within(1e-15));
            }
            x = decayed;
        }
    }
}
