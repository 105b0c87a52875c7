package org.ansatz.models.transformer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.api.optim.Evaluation;
import org.ansatz.api.optim.Objective;
import org.ansatz.api.optim.Optimizer;
import org.ansatz.api.optim.Terms;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.optimizers.internal.AdamFactory;
import org.ansatz.optimizers.internal.LbfgsFactory;
import org.ansatz.problems.internal.Heat;
import org.junit.jupiter.api.Test;

/**
 * The paper's sequential loss, which the PINN solver cannot express through the Model API: the
 * residual at every position k of the pseudo-sequence, each position's output jet taken from
 * {@link PinnsFormer#sequence} and passed, with the input shifted by {@code k dt} along time, through
 * the problem's hard constraint and residual, optimised by the optimizer plug-ins (Adam, then L-BFGS)
 * over an objective written here in place of the solver's. The PINN solver now does the same through
 * the kernel's {@link org.ansatz.api.derivative.SequenceModel} (checked against a plain objective at
 * shifted points in the pinn bundle's SequentialLossTest); this test shows that the loss trains every
 * position of the real model.
 */
class SequentialLossTest {

    static final int K = 3;
    static final double DT = 0.05;

    @Test
    void theSequentialLossTrainsEveryPosition() {
        PdeProblem problem = new Heat();
        PdeProblem.OutputTransform hard = problem.hardConstraints().orElseThrow();
        DerivativePlan plan = DerivativePlan.of(2, problem.derivatives());
        try (NDManager root = PinnsFormerTrainingTest.ENGINE.newManager()) {
            // A large dt, so that positions are distinct points and an untrained position would show.
            PinnsFormer net = new PinnsFormer(new ModelSpec(2, 1, DataType.FLOAT64, 2, Map.of("steps", "" + K,
                    "dt", "" + DT, "width", "16", "ff", "16", "layers", "16")), root);
            double[] points = problem.geometry().sampleInterior(150, new SplittableRandom(1));
            NDArray flat = net.parameters().get(0);
            NDManager[] pass = {root.newSubManager()};
            Objective objective = p -> {
                pass[0].close();
                pass[0] = root.newSubManager();
                NDManager m = pass[0];
                flat.set(new NDIndex(":"), m.create(p));
                NDArray x = m.create(points, new Shape(points.length / 2, 2));
                NDArray loss = null;
                try (GradientCollector gc = root.getEngine().newGradientCollector()) {
                    Jet all = net.sequence(Jet.input(x, plan));
                    for (int k = 0; k < K; k++) {
                        NDArray xk = x.add(m.create(new double[] {k * DT, 0}));
                        Jet uK = hard.apply(position(all, k, x.getShape().get(0)), Jet.input(xk, plan));
                        NDArray term = problem.residual(uK, xk).square().mean();
                        loss = loss == null ? term : loss.add(term);
                    }
                }
                JniUtils.zeroGrad((PtNDArray) flat);
                JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                double value = Tensors.toDoubles(loss)[0];
                double[] gradient = Tensors.toDoubles(flat.getGradient());
                return new Evaluation() {
                    @Override
                    public double loss() {
                        return value;
                    }

                    @Override
                    public double[] gradient() {
                        return gradient;
                    }

                    @Override
                    public Terms terms() {
                        throw new UnsupportedOperationException("one term");
                    }
                };
            };
            double[] p = Tensors.toDoubles(flat);
            Optimizer adam = new AdamFactory().create(p.length, Map.of());
            for (int step = 0; step < 150; step++) {
                adam.step(p, objective, 5e-3);
            }
            Optimizer lbfgs = new LbfgsFactory().create(p.length, Map.of("history", 50));
            double loss = 0;
            for (int step = 0; step < 100 && !lbfgs.converged(); step++) {
                loss = lbfgs.step(p, objective, 1);
            }
            System.out.println("sequential loss after 150 Adam + 100 L-BFGS steps: " + loss);
            flat.set(new NDIndex(":"), root.create(p));
            pass[0].close();
            // Every position predicts the solution at its own shifted time.
            double[] grid = new double[2 * 21 * 21];
            for (int i = 0; i < 21 * 21; i++) {
                grid[2 * i] = 0.9 * (i / 21) / 20.0;
                grid[2 * i + 1] = (i % 21) / 20.0;
            }
            try (NDManager m = root.newSubManager()) {
                NDArray x = m.create(grid, new Shape(21 * 21, 2));
                DerivativePlan value = DerivativePlan.of(2, List.of());
                Jet all = net.sequence(Jet.input(x, value));
                for (int k = 0; k < K; k++) {
                    NDArray xk = x.add(m.create(new double[] {k * DT, 0}));
                    double[] u = Tensors.toDoubles(hard.apply(position(all, k, 21 * 21), Jet.input(xk, value)).value());
                    double num = 0;
                    double den = 0;
                    for (int i = 0; i < u.length; i++) {
                        double t = grid[2 * i] + k * DT;
                        double exact = Math.exp(-0.4 * Math.PI * Math.PI * t) * Math.sin(Math.PI * grid[2 * i + 1]);
                        num += (u[i] - exact) * (u[i] - exact);
                        den += exact * exact;
                    }
                    double rel = Math.sqrt(num / den);
                    System.out.println("sequential loss, position " + k + ": relative L2 error " + rel);
                    assertThat(rel).as("position " + k).isLessThan(5e-2);
                }
            }
        }
    }

    /** Position k of every point, {@code [streams, n, outputs]}. */
    static Jet position(Jet all, int k, long n) {
        Shape s = all.data().getShape();
        return all.with(all.data().reshape(s.get(0), n, K, s.get(2)).get(":, :, " + k + ", :"));
    }
}
