package org.ansatz.models.multistage.internal;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Optional;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Reference;

/**
 * A smooth 1D problem on [-1, 1] with {@code u = sin(2x + 1) + 0.2 exp(1.3 x)} (the regression example
 * of Wang and Lai 2024): the Poisson equation {@code u_xx = f} with the exact boundary values imposed by
 * {@code u = g(x) + (1 - x^2) N} (hard) or as a loss term (soft).
 */
final class SmoothProblem implements PdeProblem {

    static double exact(double x) {
        return Math.sin(2 * x + 1) + 0.2 * Math.exp(1.3 * x);
    }

    @Override
    public String description() {
        return "Poisson 1D, u = sin(2x+1) + 0.2 exp(1.3x) on [-1, 1]";
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
        return Optional.of(new Reference() {
            @Override
            public String source() {
                return "exact";
            }

            @Override
            public PointSet evaluate(PointSet inputs) {
                double[] v = new double[inputs.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = exact(inputs.get(i, 0));
                }
                return new PointSet(List.of("u"), v);
            }
        });
    }

    @Override
    public Box domain() {
        return new Box(new double[] {-1}, new double[] {1});
    }

    @Override
    public List<MultiIndex> derivatives() {
        return List.of(MultiIndex.of(0, 0));
    }

    @Override
    public NDArray residual(Jet u, NDArray x) {
        NDArray arg = x.mul(Tensors.scalar(x, 2)).add(Tensors.scalar(x, 1));
        NDArray f = arg.sin().mul(Tensors.scalar(x, -4))
                .add(x.mul(Tensors.scalar(x, 1.3)).exp().mul(Tensors.scalar(x, 0.2 * 1.69)));
        return u.stream(MultiIndex.of(0, 0)).sub(f);
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        if (hardConstraints) {
            return List.of();
        }
        return List.of(new Condition() {
            @Override
            public String name() {
                return "bc";
            }

            @Override
            public double[] sample(int count, java.util.SplittableRandom random) {
                double[] p = new double[count];
                for (int i = 0; i < count; i++) {
                    p[i] = i % 2 == 0 ? -1 : 1;
                }
                return p;
            }

            @Override
            public NDArray residual(Jet u, NDArray x) {
                NDArray arg = x.mul(Tensors.scalar(x, 2)).add(Tensors.scalar(x, 1));
                return u.value().sub(arg.sin().add(x.mul(Tensors.scalar(x, 1.3)).exp().mul(Tensors.scalar(x, 0.2))));
            }
        });
    }

    /** {@code u = g(x) + (1 - x^2) N}, g the line through the exact boundary values. */
    @Override
    public Optional<OutputTransform> hardConstraints() {
        double left = exact(-1);
        double right = exact(1);
        return Optional.of((network, input) -> {
            Jet x = input.columns(0, 1);
            Jet line = x.scale((right - left) / 2).shift((right + left) / 2);
            return line.add(x.mul(x).scale(-1).shift(1).mul(network));
        });
    }
}
