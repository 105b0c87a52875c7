package org.ansatz.models.mlp.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.JetModel;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;

/**
 * Time per training step of every variant against the plain mlp, side by side in one process: the
 * Taylor-mode forward pass of a problem's derivatives at its collocation points, a squared-stream loss
 * and the backward pass to the flat buffer (what a PINN step costs without the optimizer). Rounds
 * alternate the models so that a change in machine load hits all of them alike; the median of the
 * rounds is reported. Not a test: run with
 * {@code mvn -o -q -f bundles/org.ansatz.models.mlp/pom.xml test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.ansatz.models.mlp.internal.ArchitectureBenchmark}
 * (arguments: {@code rounds steps threads}, default 5 20 1).
 */
public final class ArchitectureBenchmark {

    private ArchitectureBenchmark() {
    }

    /** A problem's shape: network, points, derivatives. */
    private record Setup(String problem, String layers, int points, List<MultiIndex> derivatives, String activation) {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        DjlTensorEngine engine = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, threads, 1));
        List<Setup> setups = List.of(
                new Setup("burgers", "20,20,20,20,20,20,20,20", 4000,
                        List.of(MultiIndex.of(0), MultiIndex.of(1), MultiIndex.of(1, 1)), "tanh"),
                new Setup("helmholtz-2d", "50,50,50", 4000, List.of(MultiIndex.of(0, 0), MultiIndex.of(1, 1)), "tanh"),
                new Setup("poisson-square", "20,20,20", 2000, List.of(MultiIndex.of(0, 0), MultiIndex.of(1, 1)),
                        "tanh"),
                new Setup("convection", "50,50,50,50", 2000, List.of(MultiIndex.of(0), MultiIndex.of(1)), "tanh"));
        Map<String, ModelFactory> models = new LinkedHashMap<>();
        models.put("mlp", new MlpFactory());
        models.put("fourier-mlp", new FourierMlpFactory());
        models.put("fourier-mlp-1-10", new FourierMlpFactory());
        models.put("modified-mlp", new ModifiedMlpFactory());
        models.put("residual-mlp", new ResidualMlpFactory());
        models.put("adaptive-layer", new AdaptiveMlpFactory());
        models.put("adaptive-neuron", new AdaptiveMlpFactory());
        models.put("xnet", new XNetFactory());
        for (Setup setup : setups) {
            try (NDManager m = engine.newManager()) {
                NDArray x = m.randomUniform(0, 1, new Shape(setup.points(), 2), DataType.FLOAT32);
                DerivativePlan plan = DerivativePlan.of(2, setup.derivatives());
                List<String> names = new ArrayList<>(models.keySet());
                List<Model> nets = new ArrayList<>();
                for (String name : names) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("layers", setup.layers());
                    o.put("activation", setup.activation());
                    if (name.equals("fourier-mlp-1-10")) {
                        o.put("fourier-sigmas", "1,10");
                    }
                    if (name.equals("adaptive-neuron")) {
                        o.put("adaptive", "neuron");
                    }
                    nets.add(models.get(name).create(new ModelSpec(2, 1, DataType.FLOAT32, 0, o), m));
                }
                double[][] ms = new double[names.size()][rounds];
                for (int r = -1; r < rounds; r++) {
                    for (int i = 0; i < nets.size(); i++) {
                        long t0 = System.nanoTime();
                        for (int s = 0; s < steps; s++) {
                            step(nets.get(i), x, plan, m);
                        }
                        if (r >= 0) {
                            ms[i][r] = (System.nanoTime() - t0) / 1e6 / steps;
                        }
                    }
                }
                double base = median(ms[0]);
                System.out.printf(Locale.ROOT, "%s (%d points, %s):%n", setup.problem(), setup.points(), setup.layers());
                for (int i = 0; i < names.size(); i++) {
                    System.out.printf(Locale.ROOT, "  %-17s %7.2f ms/step  %5.2fx mlp%n", names.get(i), median(ms[i]),
                            median(ms[i]) / base);
                }
            }
        }
    }

    private static void step(Model net, NDArray x, DerivativePlan plan, NDManager parent) {
        try (NDManager m = parent.newSubManager();
                GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray in = x.duplicate();
            in.attach(m);
            NDArray data = ((JetModel) net).forward(Jet.input(in, plan)).data();
            gc.backward(data.square().mean());
        }
        net.parameters().singletonOrThrow().getGradient().close();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
