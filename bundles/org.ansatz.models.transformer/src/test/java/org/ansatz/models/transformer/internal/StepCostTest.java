package org.ansatz.models.transformer.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Cost of one training step (forward with jets, loss, backward) against an MLP of about 900
 * parameters, in CPU time of one intra-op thread: a benchmark, not a check; it runs only when asked,
 * e.g. {@code mvn -o -f bundles/<module>/pom.xml verify -Dtest=StepCostTest
 * "-Dprobe.opts=steps=5;width=32;ff=32;layers=32"} (options separated by ';', configurations by '|').
 */
class StepCostTest {
    static final DjlTensorEngine ENGINE = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, 1, 1));
    static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();

    /** CPU ms per forward+backward (one intra-op thread: the work is on this thread). */
    static double time(NDManager root, NDArray x, DerivativePlan plan, Function<Jet, Jet> f, NDArray params) {
        int n = Integer.getInteger("probe.n", 50);
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 4; rep++) {
            long t0 = BEAN.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                try (NDManager m = root.newSubManager()) {
                    NDArray xi = x.duplicate(); xi.attach(m);
                    NDArray loss;
                    try (GradientCollector gc = root.getEngine().newGradientCollector()) {
                        Jet u = f.apply(Jet.input(xi, plan));
                        loss = u.data().square().mean();
                    }
                    JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                    org.ansatz.api.engine.Tensors.toDoubles(params.getGradient());
                }
            }
            best = Math.min(best, (BEAN.getCurrentThreadCpuTime() - t0) / 1e6 / n);
        }
        return best;
    }

    @Test
    @EnabledIfSystemProperty(named = "probe.opts", matches = ".+")
    void probe() {
        try (NDManager root = ENGINE.newManager()) {
            DerivativePlan plan = DerivativePlan.of(2, List.of(MultiIndex.of(0), MultiIndex.of(1, 1)));
            int points = Integer.getInteger("probe.points", 1000);
            NDArray x = root.randomUniform(0f, 1f, new Shape(points, 2), DataType.FLOAT32);
            NDArray w1 = root.randomUniform(-1f, 1f, new Shape(2, 20), DataType.FLOAT32);
            NDArray w2 = root.randomUniform(-1f, 1f, new Shape(20, 20), DataType.FLOAT32);
            NDArray w3 = root.randomUniform(-1f, 1f, new Shape(20, 1), DataType.FLOAT32);
            w1.setRequiresGradient(true);
            Function<Jet, Jet> mlp = j -> j.linear(w1, null).apply(Activations.TANH).linear(w2, null)
                    .apply(Activations.TANH).linear(w2, null).apply(Activations.TANH).linear(w3, null);
            System.out.printf("PROBE reference mlp [2,20,20,20,1] tanh: %.2f ms%n", time(root, x, plan, mlp, w1));
            for (String options : System.getProperty("probe.opts").split("\\|")) {
                Map<String, Object> o = new LinkedHashMap<>();
                for (String kv : options.split(";")) {
                    String[] p = kv.split("=", 2);
                    o.put(p[0], p[1]);
                }
                PinnsFormer net = new PinnsFormer(new ModelSpec(2, 1, DataType.FLOAT32, 1, o), root);
                System.out.printf("PROBE pinnsformer %s (%d parameters): %.2f ms%n", o, net.parameterCount(),
                        time(root, x, plan, net::forward, net.parameters().get(0)));
            }
        }
    }
}
