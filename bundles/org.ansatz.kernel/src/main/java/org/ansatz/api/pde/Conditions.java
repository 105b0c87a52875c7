package org.ansatz.api.pde;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.expr.Expression;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.geometry.BoundarySample;
import org.ansatz.api.geometry.Geometry;
import org.ansatz.api.problem.PointSet;

/**
 * Conditions written as expressions that vanish where they hold: Dirichlet {@code u - g}, Neumann
 * {@code u_x*n_x + u_y*n_y - g}, Robin {@code u_x*n_x + u_y*n_y + k*u - g}, initial values and
 * initial time derivatives, periodicity, and observations.
 */
public final class Conditions {

    private Conditions() {
    }

    /** A condition with a name and the derivatives its expressions read (none for data). */
    private abstract static class NamedCondition implements Condition {
        private final String name;
        private final List<Expression> expressions;

        NamedCondition(String name, List<Expression> expressions) {
            this.name = name;
            this.expressions = expressions;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<MultiIndex> derivatives() {
            List<MultiIndex> out = new ArrayList<>();
            expressions.forEach(e -> out.addAll(e.derivatives()));
            return out;
        }
    }

    /**
     * A condition on the boundary of a spatial geometry, optionally over a time interval (then the
     * first input is time). The expression may use the outward normal as {@code n_<input>}, e.g.
     * {@code n_x}, {@code n_y}.
     *
     * @param time {@code [t0, t1]}, or null for a steady problem
     */
    public static Condition boundary(String name, Geometry geometry, double[] time, String expression, Symbols symbols) {
        List<String> spatial = time == null ? symbols.inputs() : symbols.inputs().subList(1, symbols.inputs().size());
        if (spatial.size() != geometry.dimension()) {
            throw new IllegalArgumentException("condition " + name + ": a " + geometry.dimension()
                    + "D geometry for the spatial inputs " + spatial);
        }
        Set<String> params = new HashSet<>(symbols.parameters());
        spatial.forEach(s -> params.add("n_" + s));
        Expression e = Expression.compile(expression,
                new Symbols(symbols.inputs(), symbols.outputs(), symbols.constants(), params));
        return new NamedCondition(name, List.of(e)) {
            private double[] normals;

            @Override
            public double[] sample(int count, SplittableRandom random) {
                BoundarySample b = geometry.sampleBoundary(count, random);
                normals = b.normals();
                if (time == null) {
                    return b.points();
                }
                int d = geometry.dimension();
                double[] p = new double[count * (d + 1)];
                for (int i = 0; i < count; i++) {
                    p[i * (d + 1)] = time[0] + random.nextDouble() * (time[1] - time[0]);
                    System.arraycopy(b.points(), i * d, p, i * (d + 1) + 1, d);
                }
                return p;
            }

            @Override
            public NDArray residual(Jet u, NDArray x) {
                if (normals == null) {
                    throw new IllegalStateException("condition " + name + " evaluated before its points were sampled");
                }
                int d = geometry.dimension();
                NDArray n = x.getManager().create(normals, new Shape(normals.length / d, d))
                        .toType(x.getDataType(), false);
                Map<String, NDArray> values = new LinkedHashMap<>();
                for (int a = 0; a < d; a++) {
                    values.put("n_" + spatial.get(a), n.get(":, " + a + ":" + (a + 1)));
                }
                return e.evaluate(u, x, values);
            }
        };
    }

    /**
     * A condition at the initial time {@code box.lower()[0]} (the first input is time), the other
     * inputs uniform in the box: {@code u - sin(pi*x)} for values, {@code u_t - 0} for velocities.
     */
    public static Condition initial(String name, Box box, String expression, Symbols symbols) {
        Expression e = Expression.compile(expression, symbols);
        return new NamedCondition(name, List.of(e)) {
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
                return e.evaluate(u, x, Map.of());
            }
        };
    }

    /**
     * Periodicity along one input: each of {@code quantities} (outputs or derivatives, e.g.
     * {@code u}, {@code u_x}) takes the same value on the faces {@code lower} and {@code upper} of that
     * input, the other inputs uniform in the box.
     */
    public static Condition periodic(String name, Box box, int axis, List<String> quantities, Symbols symbols) {
        List<Expression> es = new ArrayList<>();
        for (String q : quantities) {
            es.add(Expression.compile(q, symbols));
        }
        return new NamedCondition(name, es) {
            /** The first half of the points on the lower face, the second half opposite them. */
            @Override
            public double[] sample(int count, SplittableRandom random) {
                int d = box.dimension();
                double[] half = box.uniform(count, random);
                double[] p = new double[2 * count * d];
                for (int i = 0; i < count; i++) {
                    half[i * d + axis] = box.lower()[axis];
                    System.arraycopy(half, i * d, p, i * d, d);
                    System.arraycopy(half, i * d, p, (count + i) * d, d);
                    p[(count + i) * d + axis] = box.upper()[axis];
                }
                return p;
            }

            @Override
            public NDArray residual(Jet u, NDArray x) {
                long n = x.getShape().get(0) / 2;
                NDArray out = null;
                for (Expression e : es) {
                    NDArray v = e.evaluate(u, x, Map.of());
                    NDArray diff = v.get("0:" + n).sub(v.get(n + ":"));
                    out = out == null ? diff : out.concat(diff, 1);
                }
                return out;
            }
        };
    }

    /**
     * Dirichlet data imposed exactly: {@code u = g(x) + d(x) N(x)} with the geometry's smooth distance
     * {@code d}, for a steady single-output problem; {@code g} is an expression of the inputs.
     */
    public static PdeProblem.OutputTransform hardDirichlet(Geometry geometry, String data, Symbols symbols) {
        Expression g = Expression.compile(data, symbols);
        return (network, input) -> g.evaluate(input).add(geometry.distance(input).mul(network));
    }

    /**
     * Initial values imposed exactly, and boundary values too when the data match them:
     * {@code u = g(x) + (t - t0) d(x) N(t, x)} (the first input is time; {@code d} is the spatial
     * geometry's smooth distance, or 1 when {@code spatial} is null).
     */
    public static PdeProblem.OutputTransform hardInitial(double t0, Geometry spatial, String data, Symbols symbols) {
        Expression g = Expression.compile(data, symbols);
        return (network, input) -> {
            int d = symbols.inputs().size();
            Jet since = input.columns(0, 1).shift(-t0);
            Jet factor = spatial == null ? since : since.mul(spatial.distance(input.columns(1, d)));
            return g.evaluate(input).add(factor.mul(network));
        };
    }

    /** Measured values of the outputs at given points; the sample size is the data's. */
    public static Condition observations(String name, PointSet points, PointSet values) {
        if (points.size() != values.size()) {
            throw new IllegalArgumentException("observations " + name + ": " + points.size() + " points but "
                    + values.size() + " values");
        }
        return new NamedCondition(name, List.of()) {
            @Override
            public double[] sample(int count, SplittableRandom random) {
                return points.values().clone();
            }

            @Override
            public NDArray residual(Jet u, NDArray x) {
                NDArray data = x.getManager().create(values.values(), new Shape(values.size(), values.width()))
                        .toType(x.getDataType(), false);
                return u.value().sub(data);
            }
        };
    }
}
