package org.ansatz.bench.cases;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.FusedJet;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.derivative.ReverseModeDerivatives;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.bench.AnsatzStep;
import org.ansatz.models.mlp.internal.Mlp;

/**
 * One derivative workload: a tanh MLP on uniform random points in the unit cube, the derivatives of a
 * plan, a scalar loss built from them and its backward pass to the weights. The same workload runs in
 * Taylor mode, in the MLP's fused Taylor-mode kernel and in nested reverse mode, and {@code baselineArgs} select its twin in
 * {@code bench/baselines/pinn_steps.py}.
 *
 * @param table        table id the measurements go to
 * @param row          row label
 * @param inputs       input dimension
 * @param points       number of points N
 * @param width        hidden width
 * @param depth        hidden layers
 * @param plan         derivatives the loss needs
 * @param loss         the loss, given the points' constants
 * @param baselineArgs arguments of pinn_steps.py naming the same workload (threads and repeats are added)
 */
public record DerivativeCase(String table, String row, int inputs, int points, int width, int depth,
        DerivativePlan plan, LossFactory loss, List<String> baselineArgs) {

    /** Builds the loss once per prepared case, so constants of the points are not part of the step. */
    public interface LossFactory {
        Loss bind(NDArray x);
    }

    /** A scalar loss from the planned derivatives of the network output. */
    public interface Loss {
        NDArray of(Function<MultiIndex, NDArray> derivative);
    }

    /**
     * Network, points and the step bodies, owned by the manager given to {@link #prepare}; {@code fused}
     * is null when the fused kernel does not take this workload (above second order, or no Vector API).
     */
    public record Prepared(Mlp net, NDArray flatParameters, Consumer<NDManager> taylor, Consumer<NDManager> reverse,
            Consumer<NDManager> fused) {

        public List<Double> time(Consumer<NDManager> body, int warmup, int repeats) {
            return AnsatzStep.time(warmup, repeats, flatParameters, body);
        }
    }

    public Prepared prepare(NDManager base) {
        Mlp net = new Mlp(new ModelSpec(inputs, 1, DataType.FLOAT32, 0,
                Map.of("width", "" + width, "depth", "" + depth)), base);
        NDArray x = base.randomUniform(0, 1, new Shape(points, inputs), DataType.FLOAT32);
        Loss l = loss.bind(x);
        Consumer<NDManager> taylor = m -> {
            Jet u = net.forward(Jet.input(AnsatzStep.copy(x, m), plan));
            AnsatzStep.backward(l.of(u::stream));
        };
        Consumer<NDManager> reverse = m -> {
            NDArray d = ReverseModeDerivatives.compute(net::forward, AnsatzStep.copy(x, m), plan);
            AnsatzStep.backward(l.of(mi -> d.get(plan.indexOf(mi))));
        };
        // What the PINN trainer does with a fused kernel: the loss's backward pass stops at the kernel's
        // output, whose gradient the kernel's adjoint turns into the parameters' gradient.
        Consumer<NDManager> fused = m -> {
            FusedJet f = net.fused(Jet.input(AnsatzStep.copy(x, m), plan));
            AnsatzStep.backward(l.of(f.output()::stream));
            try (NDArray upstream = f.output().data().getGradient()) {
                f.accumulate(upstream, new double[net.parameterCount()], 0);
            }
        };
        boolean fusable = net.fused(Jet.input(x, plan)) != null;
        return new Prepared(net, net.parameters().singletonOrThrow(), taylor, reverse, fusable ? fused : null);
    }
}
