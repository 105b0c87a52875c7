package org.ansatz.models.kan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.model.InputBounds;
import org.ansatz.api.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** Grid extension keeps the function; the schedule counts training evaluations; options name their keys. */
class KanGridTest {

    static final NDManager ROOT = KanJetTest.ENGINE.newManager();

    static Kan kan(NDManager m, int inputs, Map<String, Object> options) {
        return new Kan(new ModelSpec(inputs, 2, DataType.FLOAT64, 11, options), m);
    }

    /** Random coefficients at the coarse level, so that the function is far from its initial smallness. */
    static void randomise(NDManager m, Kan net) {
        NDArray flat = net.parameters().get(0);
        flat.set(new NDIndex(":"), m.randomUniform(-1f, 1f, flat.getShape(), DataType.FLOAT64));
    }

    @Test
    void extensionByAMultipleKeepsTheFunctionOnTheGridRange() {
        try (NDManager m = ROOT.newSubManager()) {
            Kan net = kan(m, 2, Map.of("layers", "", "grid", "5", "bounds", "0:1,-1:1",
                    "grid-schedule", "10@1000,20@2000"));
            randomise(m, net);
            // Only the coarsest block may be non-zero before it is in use (a restored vector activates levels).
            zeroFinerBlocks(m, net);
            NDArray x = m.randomUniform(0f, 1f, new Shape(2000, 2), DataType.FLOAT64)
                    .mul(m.create(new double[] {1, 2})).sub(m.create(new double[] {0, 1}));
            NDArray before = net.forward(x);
            net.extendGrid();
            assertThat(net.grid()).isEqualTo(10);
            double gap1 = before.sub(net.forward(x)).abs().max().getDouble();
            net.extendGrid();
            assertThat(net.grid()).isEqualTo(20);
            double gap2 = before.sub(net.forward(x)).abs().max().getDouble();
            double scale = before.abs().max().getDouble();
            System.out.println("grid 5 -> 10 -> 20: max change " + gap1 + ", " + gap2 + " (function scale " + scale
                    + ")");
            assertThat(gap1).isLessThan(1e-12 * scale);
            assertThat(gap2).isLessThan(1e-12 * scale);
            assertThatThrownBy(net::extendGrid).hasMessageContaining("model.grid-schedule");
        }
    }

    @Test
    void deepNetworksKeepTheFunctionWhereHiddenValuesStayInRange() {
        try (NDManager m = ROOT.newSubManager()) {
            Kan net = kan(m, 2, Map.of("layers", "6,6", "grid", "4", "grid-range", "-8:8",
                    "grid-schedule", "8@1000"));
            NDArray x = m.randomUniform(-1f, 1f, new Shape(1000, 2), DataType.FLOAT64);
            NDArray before = net.forward(x);
            net.extendGrid();
            double gap = before.sub(net.forward(x)).abs().max().getDouble();
            System.out.println("deep kan grid 4 -> 8: max change " + gap);
            assertThat(gap).isLessThan(1e-12);
        }
    }

    @Test
    void extensionToANonMultipleIsTheLeastSquaresApproximation() {
        try (NDManager m = ROOT.newSubManager()) {
            Kan net = kan(m, 2, Map.of("layers", "", "grid", "5", "grid-schedule", "7@1000"));
            randomise(m, net);
            zeroFinerBlocks(m, net);
            NDArray x = m.randomUniform(-1f, 1f, new Shape(2000, 2), DataType.FLOAT64);
            NDArray before = net.forward(x);
            net.extendGrid();
            double rel = before.sub(net.forward(x)).norm().getDouble() / before.norm().getDouble();
            System.out.println("grid 5 -> 7 (least squares): relative L2 change " + rel);
            assertThat(rel).isLessThan(0.1).isGreaterThan(1e-10);
        }
    }

    @Test
    void theScheduleCountsTrainingEvaluationsAndIgnoresPredictions() {
        try (NDManager m = ROOT.newSubManager()) {
            Kan net = kan(m, 2, Map.of("layers", "3", "grid", "3", "grid-schedule", "6@5,12@8"));
            DerivativePlan residual = DerivativePlan.of(2, List.of(MultiIndex.of(1, 1)));
            DerivativePlan boundary = DerivativePlan.of(2, List.of());
            NDArray x = m.randomUniform(-1f, 1f, new Shape(10, 2), DataType.FLOAT64);
            for (int i = 0; i < 20; i++) {
                net.forward(Jet.input(x, residual)); // predictions: not recorded, not counted
            }
            assertThat(net.grid()).isEqualTo(3);
            int[] seen = new int[9];
            for (int evaluation = 1; evaluation <= 8; evaluation++) {
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    net.forward(Jet.input(x, residual));
                    seen[evaluation] = net.grid();
                    net.forward(Jet.input(x, boundary));
                    assertThat(net.grid()).as("one grid per evaluation").isEqualTo(seen[evaluation]);
                }
            }
            assertThat(net.evaluations()).isEqualTo(8);
            assertThat(seen).containsExactly(0, 3, 3, 3, 3, 3, 6, 6, 6);
        }
    }

    @Test
    void reportedStepsDriveTheScheduleInsteadOfEvaluations() {
        try (NDManager m = ROOT.newSubManager()) {
            Kan net = kan(m, 2, Map.of("layers", "3", "grid", "3", "grid-schedule", "6@5,12@8"));
            DerivativePlan residual = DerivativePlan.of(2, List.of(MultiIndex.of(1, 1)));
            NDArray x = m.randomUniform(-1f, 1f, new Shape(10, 2), DataType.FLOAT64);
            List<Long> changedBefore = new java.util.ArrayList<>();
            for (long step = 1; step <= 12; step++) {
                if (net.beforeStep(step)) {
                    changedBefore.add(step);
                }
                // An L-BFGS step evaluates several times: the grid must not change within the step.
                int grid = net.grid();
                for (int evaluation = 0; evaluation < 3; evaluation++) {
                    try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                        net.forward(Jet.input(x, residual));
                    }
                    assertThat(net.grid()).as("step %d", step).isEqualTo(grid);
                }
            }
            // 6 after 5 steps, 12 after 8: the changes come before steps 6 and 9, and are reported.
            assertThat(changedBefore).containsExactly(6L, 9L);
            assertThat(net.grid()).isEqualTo(12);
        }
    }

    @Test
    void aRestoredParameterVectorActivatesItsLevel() {
        try (NDManager m = ROOT.newSubManager()) {
            Map<String, Object> o = Map.of("layers", "3", "grid", "3", "grid-schedule", "6@100000");
            Kan trained = kan(m, 2, o);
            trained.extendGrid();
            randomise(m, trained);
            NDArray x = m.randomUniform(-1f, 1f, new Shape(50, 2), DataType.FLOAT64);
            NDArray expected = trained.forward(x);
            Kan reloaded = kan(m, 2, o);
            reloaded.parameters().get(0).set(new NDIndex(":"), trained.parameters().get(0));
            assertThat(reloaded.forward(x).sub(expected).abs().max().getDouble()).isEqualTo(0);
            assertThat(reloaded.grid()).isEqualTo(6);
        }
    }

    @Test
    void parameterCountsFollowTheLayout() {
        try (NDManager m = ROOT.newSubManager()) {
            Kan net = kan(m, 2, Map.of("layers", "5", "grid", "5", "order", "3", "grid-schedule", "10@10"));
            // Layer 2->5 and 5->2, each: base + scale (in*out each), bias (out), coefficients (in*out*(G+k)) per level.
            int expected = (10 + 10 + 5 + 10 * 8 + 10 * 13) + (10 + 10 + 2 + 10 * 8 + 10 * 13);
            assertThat(net.parameterCount()).isEqualTo(expected);
            assertThat(net.parameters().get(0).size()).isEqualTo(expected);
            assertThat(net.activeParameterCount()).isEqualTo((10 + 10 + 5 + 80) + (10 + 10 + 2 + 80));
        }
    }

    @Test
    void theSolversDomainPlacesTheGridUnlessModelBoundsSaysOtherwise() {
        try (NDManager m = ROOT.newSubManager()) {
            Map<String, Object> o = Map.of("layers", "3", "grid", "4");
            InputBounds domain = InputBounds.parse("test", "0:1,-2:2", 2);
            Kan fromDomain = new Kan(new ModelSpec(2, 2, DataType.FLOAT64, 11, o, domain), m);
            Kan fromOption = kan(m, 2, Map.of("layers", "3", "grid", "4", "bounds", "0:1,-2:2"));
            Kan overridden = new Kan(new ModelSpec(2, 2, DataType.FLOAT64, 11, Map.of("layers", "3", "grid", "4",
                    "bounds", "-1:1"), domain), m);
            Kan unknown = kan(m, 2, o);
            for (Kan k : List.of(fromDomain, fromOption, overridden, unknown)) {
                NDArray flat = k.parameters().get(0);
                double[] v = new double[(int) flat.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.sin(1.3 * i);
                }
                flat.set(new NDIndex(":"), m.create(v, flat.getShape()));
            }
            NDArray x = m.create(new double[] {0.3, -1.7, 0.9, 1.2}, new Shape(2, 2));
            double[] a = fromDomain.forward(x).toDoubleArray();
            assertThat(a).containsExactly(fromOption.forward(x).toDoubleArray());
            assertThat(overridden.forward(x).toDoubleArray()).containsExactly(unknown.forward(x).toDoubleArray());
            assertThat(a).isNotEqualTo(unknown.forward(x).toDoubleArray());
        }
    }

    @Test
    void badOptionsNameTheirKey() {
        try (NDManager m = ROOT.newSubManager()) {
            Map<String, String> bad = new HashMap<>();
            bad.put("grid", "0");
            bad.put("order", "cubic");
            bad.put("layers", "8,-1");
            bad.put("base", "relu6");
            bad.put("bounds", "0:1,0:1,0:1");
            bad.put("grid-range", "1:-1");
            bad.put("grid-schedule", "10@100,8@200");
            bad.put("colour", "blue");
            bad.forEach((key, value) -> assertThatThrownBy(() -> kan(m, 2, Map.of(key, value)))
                    .as(key).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model." + key));
            assertThatThrownBy(() -> kan(m, 2, Map.of("grid-schedule", "10@100,20@50")))
                    .hasMessageContaining("model.grid-schedule");
            assertThatThrownBy(() -> kan(m, 2, Map.of("grid-schedule", "10")))
                    .hasMessageContaining("model.grid-schedule");
            assertThatThrownBy(() -> kan(m, 2, Map.of("activation", "relu6"))).hasMessageContaining("model.activation");
            assertThatThrownBy(() -> kan(m, 2, Map.of("activation", "tanh", "base", "silu")))
                    .hasMessageContaining("model.activation and model.base");
            // Problems' defaults name an activation for MLPs: a KAN takes it as its base function.
            kan(m, 2, Map.of("activation", "tanh", "layers", "20,20,20"));
        }
    }

    private static void zeroFinerBlocks(NDManager m, Kan net) {
        // Layout per layer (no hidden layers: one layer 2 -> 2): base 4, scale 4, bias 2, then the blocks.
        NDArray flat = net.parameters().get(0);
        int coarse = 4 + 4 + 2 + 4 * (5 + 3);
        flat.set(new NDIndex(coarse + ":"), 0);
    }
}
