package org.ansatz.problems.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.expr.Expression;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.geometry.Geometry;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Reference;

/**
 * A problem given by one or more equations as text and a closed-form solution in Java, which serves as
 * the reference and as the data of soft conditions (values on boundaries and at the initial time), so
 * the solution is written once.
 */
abstract class ExactSystemProblem implements PdeProblem {

    private final Symbols symbols;
    private final List<Expression> equations = new ArrayList<>();

    ExactSystemProblem(List<String> equations, Symbols symbols) {
        this.symbols = symbols;
        for (String e : equations) {
            this.equations.add(Expression.compile(e, symbols));
        }
    }

    /** The exact outputs at one point (coordinates in input order). */
    abstract double[] exact(double[] point);

    @Override
    public List<String> inputs() {
        return symbols.inputs();
    }

    @Override
    public List<String> outputs() {
        return symbols.outputs();
    }

    @Override
    public List<MultiIndex> derivatives() {
        Set<MultiIndex> all = new LinkedHashSet<>();
        equations.forEach(e -> all.addAll(e.derivatives()));
        return List.copyOf(all);
    }

    @Override
    public NDArray residual(Jet u, NDArray x) {
        return residual(u, x, Map.of());
    }

    @Override
    public NDArray residual(Jet u, NDArray x, Map<String, NDArray> unknowns) {
        if (equations.size() == 1) {
            return equations.get(0).evaluate(u, x, unknowns);
        }
        NDArray[] columns = new NDArray[equations.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = equations.get(i).evaluate(u, x, unknowns);
        }
        return NDArrays.concat(new ai.djl.ndarray.NDList(columns), 1);
    }

    @Override
    public Optional<Reference> reference() {
        return Optional.of(new Reference() {
            @Override
            public String source() {
                return referenceSource();
            }

            @Override
            public PointSet evaluate(PointSet in) {
                int k = outputs().size();
                double[] out = new double[in.size() * k];
                double[] p = new double[in.width()];
                for (int i = 0; i < in.size(); i++) {
                    for (int j = 0; j < p.length; j++) {
                        p[j] = in.get(i, j);
                    }
                    System.arraycopy(exact(p), 0, out, i * k, k);
                }
                return new PointSet(outputs(), out);
            }
        });
    }

    /** How {@link #exact} is obtained, for listings. */
    String referenceSource() {
        return "exact (closed form)";
    }

    /** The exact values of the chosen outputs at the rows of {@code x}, as a tensor like {@code x}. */
    NDArray exactAt(NDArray x, int[] outputs) {
        int d = inputs().size();
        double[] points = Tensors.toDoubles(x);
        int n = points.length / d;
        double[] values = new double[n * outputs.length];
        double[] p = new double[d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, i * d, p, 0, d);
            double[] e = exact(p);
            for (int j = 0; j < outputs.length; j++) {
                values[i * outputs.length + j] = e[outputs[j]];
            }
        }
        return x.getManager().create(values, new Shape(n, outputs.length)).toType(x.getDataType(), false);
    }

    /** The chosen columns of the output jet's values. */
    static NDArray columns(Jet u, int[] outputs) {
        NDArray v = u.value();
        if (outputs.length == 1) {
            return v.get(":, " + outputs[0] + ":" + (outputs[0] + 1));
        }
        NDArray[] cols = new NDArray[outputs.length];
        for (int j = 0; j < outputs.length; j++) {
            cols[j] = v.get(":, " + outputs[j] + ":" + (outputs[j] + 1));
        }
        return NDArrays.concat(new ai.djl.ndarray.NDList(cols), 1);
    }

    /**
     * Dirichlet data from the exact solution on a spatial boundary, over a time interval when
     * {@code time} is not null (time is then the first input).
     */
    Condition dirichlet(String name, Geometry boundary, double[] time, int... outputs) {
        return new Condition() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] sample(int count, SplittableRandom random) {
                double[] b = boundary.sampleBoundary(count, random).points();
                if (time == null) {
                    return b;
                }
                int d = boundary.dimension();
                double[] p = new double[count * (d + 1)];
                for (int i = 0; i < count; i++) {
                    p[i * (d + 1)] = time[0] + random.nextDouble() * (time[1] - time[0]);
                    System.arraycopy(b, i * d, p, i * (d + 1) + 1, d);
                }
                return p;
            }

            @Override
            public NDArray residual(Jet u, NDArray x) {
                return columns(u, outputs).sub(exactAt(x, outputs));
            }
        };
    }

    /** Initial values from the exact solution at {@code box.lower()[0]} (time is the first input). */
    Condition initialValues(String name, Box box, int... outputs) {
        return new Condition() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] sample(int count, SplittableRandom random) {
                double[] p = box.uniform(count, random);
                for (int i = 0; i < count; i++) {
                    p[i * box.dimension()] = box.lower()[0];
                }
                return p;
            }

            @Override
            public NDArray residual(Jet u, NDArray x) {
                return columns(u, outputs).sub(exactAt(x, outputs));
            }
        };
    }
}
