package org.ansatz.problems.internal;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.expr.Expression;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.pde.PdeProblem;

/** A problem whose residual is one equation written as text; derivatives are read off the equation. */
abstract class EquationProblem implements PdeProblem {

    private final Expression equation;

    EquationProblem(String equation, Symbols symbols) {
        this.equation = Expression.compile(equation, symbols);
    }

    @Override
    public List<MultiIndex> derivatives() {
        return equation.derivatives();
    }

    @Override
    public NDArray residual(Jet u, NDArray x) {
        return equation.evaluate(u, x, Map.of());
    }

    @Override
    public NDArray residual(Jet u, NDArray x, Map<String, NDArray> unknowns) {
        return equation.evaluate(u, x, unknowns);
    }

    /** The pinn solver's settings for an MLP of the given hidden widths and budget. */
    static Map<String, Object> pinnDefaults(String layers, String constraints, int points, int adamSteps,
            int lbfgsIterations) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("solver", "pinn");
        d.put("model", "mlp");
        d.put("model.layers", layers);
        d.put("constraints", constraints);
        d.put("points.domain", points);
        d.put("adam.steps", adamSteps);
        d.put("lbfgs.iterations", lbfgsIterations);
        return d;
    }
}
