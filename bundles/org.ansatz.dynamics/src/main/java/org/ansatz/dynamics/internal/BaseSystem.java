package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.dynamics.DynamicalSystem;

/** Names, parameters and tensor helpers shared by the benchmark systems. */
abstract class BaseSystem implements DynamicalSystem {

    private final List<String> variables;
    private final List<String> parameterNames;
    private final double[] parameters;
    private final String description;

    BaseSystem(List<String> variables, List<String> parameterNames, double[] parameters, String description) {
        this.variables = List.copyOf(variables);
        this.parameterNames = List.copyOf(parameterNames);
        this.parameters = parameters.clone();
        this.description = description;
    }

    @Override
    public List<String> variables() {
        return variables;
    }

    @Override
    public List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** Parameter {@code i} without copying, for the hot Java right-hand sides. */
    final double p(int i) {
        return parameters[i];
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public final NDArray derivative(NDArray x, NDArray parameters) {
        if (x.getShape().dimension() != 2 || x.getShape().get(1) != dimension()) {
            throw new IllegalArgumentException("shape mismatch: states " + x.getShape() + " for a system of dimension "
                    + dimension());
        }
        if (parameters.size() != parameterNames.size()) {
            throw new IllegalArgumentException("shape mismatch: " + parameters.size() + " parameters for "
                    + parameterNames);
        }
        NDArray[] cols = new NDArray[dimension()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = x.get(":, " + i);
        }
        NDArray[] ps = new NDArray[parameterNames.size()];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = parameters.get(i);
        }
        return NDArrays.stack(new NDList(rhs(cols, ps, x)), 1);
    }

    /**
     * The right-hand side column by column.
     *
     * @param x  columns {@code [batch]}
     * @param p  parameters as 0-d tensors
     * @param like for constants ({@link Tensors#scalar})
     */
    abstract NDArray[] rhs(NDArray[] x, NDArray[] p, NDArray like);

    static NDArray c(NDArray like, double v) {
        return Tensors.scalar(like, v);
    }
}
