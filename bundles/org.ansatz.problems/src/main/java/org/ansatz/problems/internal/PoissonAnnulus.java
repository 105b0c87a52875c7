package org.ansatz.problems.internal;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.geometry.Geometries;
import org.ansatz.api.geometry.Geometry;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Poisson on a disk with a hole, {@code 0.5 < r < 1}: {@code -(u_xx + u_yy) = 16 r^2 - 4 (a^2 + b^2)},
 * {@code u = 0} on both circles; exact {@code u = (r^2 - a^2)(b^2 - r^2)}. Hard constraints multiply
 * the network by the geometry's smooth distance (an R-function of the two circles).
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "poisson-annulus", description = "Poisson 2D on a disk with a hole, Dirichlet; exact reference")
public class PoissonAnnulus extends ExactPdeProblem {

    static final double A = 0.5;
    static final double B = 1.0;
    private static final Geometry ANNULUS = Geometries.difference(Geometries.disk(0, 0, B), Geometries.disk(0, 0, A));

    public PoissonAnnulus() {
        super("u_xx + u_yy + 16*(x^2 + y^2) - 4*(a^2 + b^2)",
                Symbols.of(List.of("x", "y"), List.of("u"), Map.of("a", A, "b", B)));
    }
    @Override
    public String description() {
        return "Poisson 2D on a disk with a hole, Dirichlet; exact reference";
    }

    @Override
    public List<String> inputs() {
        return List.of("x", "y");
    }

    @Override
    public Box domain() {
        return new Box(new double[] {-B, -B}, new double[] {B, B});
    }

    @Override
    public Geometry geometry() {
        return ANNULUS;
    }

    /** Soft: u = 0 on points drawn uniformly from both circles. */
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
            public double[] sample(int count, SplittableRandom random) {
                return ANNULUS.sampleBoundary(count, random).points();
            }

            @Override
            public NDArray residual(Jet u, NDArray x) {
                return u.value();
            }
        });
    }

    @Override
    public Optional<OutputTransform> hardConstraints() {
        return Optional.of((network, input) -> ANNULUS.distance(input).mul(network));
    }

    @Override
    double exact(double[] p) {
        double s = p[0] * p[0] + p[1] * p[1];
        return (s - A * A) * (B * B - s);
    }

    @Override
    public Map<String, Object> defaults() {
        return pinnDefaults("20,20,20", "hard", 2000, 1000, 1000);
    }
}
