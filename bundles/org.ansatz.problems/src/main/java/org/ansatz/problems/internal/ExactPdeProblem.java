package org.ansatz.problems.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Reference;

/** A single-output problem whose reference is a closed-form solution and whose conditions are hard. */
abstract class ExactPdeProblem extends EquationProblem {

    ExactPdeProblem(String equation, org.ansatz.api.expr.Symbols symbols) {
        super(equation, symbols);
    }

    /** The exact solution at one point (its coordinates in input order). */
    abstract double exact(double[] point);

    @Override
    public List<String> outputs() {
        return List.of("u");
    }

    /** Soft conditions are not offered: the output transform satisfies them exactly. */
    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        if (!hardConstraints) {
            throw new IllegalArgumentException("this problem imposes its conditions exactly; use constraints=hard");
        }
        return List.of();
    }

    @Override
    public Optional<Reference> reference() {
        ToDoubleFunction<double[]> f = this::exact;
        return Optional.of(new Reference() {
            @Override
            public String source() {
                return "exact (closed form)";
            }

            @Override
            public PointSet evaluate(PointSet in) {
                double[] out = new double[in.size()];
                double[] p = new double[in.width()];
                for (int i = 0; i < out.length; i++) {
                    for (int j = 0; j < p.length; j++) {
                        p[j] = in.get(i, j);
                    }
                    out[i] = f.applyAsDouble(p);
                }
                return new PointSet(List.of("u"), out);
            }
        });
    }
}
