package org.ansatz.problems.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.geometry.Geometries;
import org.ansatz.api.geometry.Geometry;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.Conditions;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Poisson 2D on a complex geometry: the unit disk with three circular holes,
 * {@code -(u_xx + u_yy) = 13 sin(2x) cos(3y)}, Dirichlet data on all four circles from the exact
 * {@code u = sin(2x) cos(3y)}. Hard constraints use the R-function distance of the four circles.
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "poisson-holes", description = "Poisson 2D on a disk with three holes, Dirichlet; exact reference")
public class PoissonDiskWithHoles extends ExactSystemProblem {

    static final String EXACT = "sin(2*x)*cos(3*y)";
    static final Geometry GEOMETRY = Geometries.difference(Geometries.disk(0, 0, 1),
            Geometries.union(Geometries.disk(0.4, 0, 0.2),
                    Geometries.union(Geometries.disk(-0.3, 0.35, 0.15), Geometries.disk(-0.3, -0.35, 0.15))));
    private static final Symbols SYMBOLS = Symbols.of(List.of("x", "y"), List.of("u"), Map.of());

    public PoissonDiskWithHoles() {
        super(List.of("u_xx + u_yy + 13*" + EXACT), SYMBOLS);
    }

    @Override
    public String description() {
        return "Poisson 2D on a disk with three holes, Dirichlet; exact reference";
    }

    @Override
    public Box domain() {
        return new Box(new double[] {-1, -1}, new double[] {1, 1});
    }

    @Override
    public Geometry geometry() {
        return GEOMETRY;
    }

    @Override
    double[] exact(double[] p) {
        return new double[] {Math.sin(2 * p[0]) * Math.cos(3 * p[1])};
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        return hardConstraints ? List.of() : List.of(dirichlet("bc", GEOMETRY, null, 0));
    }

    @Override
    public Optional<OutputTransform> hardConstraints() {
        return Optional.of(Conditions.hardDirichlet(GEOMETRY, EXACT, SYMBOLS));
    }

    @Override
    public Map<String, Object> defaults() {
        return EquationProblem.pinnDefaults("32,32,32", "hard", 3000, 2000, 1500);
    }
}
