package org.ansatz.pinn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.Reference;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.Solution;
import org.ansatz.api.solver.SolveRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unknown that enters only a boundary condition is found: u'' = 0 on [0, 1], u(0) = 1, the Robin
 * condition u'(1) = a u(1) and one observation u(1/2) = 3/2 determine u = 1 + x and a = 1/2.
 */
class UnknownsInConditionsTest {

    @TempDir
    Path run;

    static final MultiIndex UX = MultiIndex.of(0);
    static final MultiIndex UXX = MultiIndex.of(0, 0);

    /** A condition at one point, its residual given by a function of the output jet and the unknowns. */
    record PointCondition(String name, double at, List<MultiIndex> derivatives,
            java.util.function.BiFunction<Jet, Map<String, NDArray>, NDArray> f) implements Condition {
        @Override
        public double[] sample(int count, SplittableRandom random) {
            return new double[] {at};
        }

        @Override
        public NDArray residual(Jet u, NDArray x) {
            return residual(u, x, Map.of());
        }

        @Override
        public NDArray residual(Jet u, NDArray x, Map<String, NDArray> unknowns) {
            return f.apply(u, unknowns);
        }
    }

    static final class RobinInverse implements PdeProblem {
        @Override
        public String description() {
            return "u'' = 0, u(0) = 1, u'(1) = a u(1), u(1/2) = 3/2";
        }

        @Override
        public List<String> inputs() {
            return List.of("x");
        }

        @Override
        public List<String> outputs() {
            return List.of("u");
        }

        @Override
        public Optional<Reference> reference() {
            return Optional.empty();
        }

        @Override
        public Box domain() {
            return new Box(new double[] {0}, new double[] {1});
        }

        @Override
        public List<MultiIndex> derivatives() {
            return List.of(UXX);
        }

        @Override
        public NDArray residual(Jet u, NDArray x) {
            return u.stream(UXX);
        }

        @Override
        public Map<String, Double> unknowns() {
            return Map.of("a", 0.0);
        }

        @Override
        public Map<String, Double> trueUnknowns() {
            return Map.of("a", 0.5);
        }

        @Override
        public List<Condition> conditions(boolean hardConstraints) {
            return List.of(new PointCondition("left", 0, List.of(), (u, k) -> u.value().sub(1)),
                    new PointCondition("robin", 1, List.of(UX), (u, k) -> {
                        if (!k.containsKey("a")) {
                            throw new IllegalStateException("the Robin condition needs the unknown a");
                        }
                        return u.stream(UX).sub(u.value().mul(k.get("a")));
                    }),
                    new PointCondition("data", 0.5, List.of(), (u, k) -> u.value().sub(1.5)));
        }

        @Override
        public Map<String, Object> defaults() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("model.layers", "10,10");
            d.put("constraints", "soft");
            d.put("points.domain", 64);
            d.put("adam.steps", 300);
            d.put("lbfgs.iterations", 300);
            d.put("dtype", "float64");
            return d;
        }
    }

    @Test
    void theSolverHandsItsUnknownsToTheConditions() {
        RobinInverse p = new RobinInverse();
        try (Solution s = PinnSolverTest.solver().solve(new SolveRequest(p, p.defaults(), 0, run), Progress.NONE)) {
            // Without the unknowns in the condition the Robin term would throw; with them, a is found.
            assertThat(s.metrics().get("unknown.a")).isCloseTo(0.5, within(1e-3));
            assertThat(s.metrics().get("unknown.a.rel-error")).isLessThan(2e-3);
        }
    }
}
