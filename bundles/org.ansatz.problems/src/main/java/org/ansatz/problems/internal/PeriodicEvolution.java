package org.ansatz.problems.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.Conditions;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Reference;

/**
 * One output evolving on {@code t in [0,1], x in [x0, x1]} from {@code u(0,x) = g(x)} (condition
 * {@code ic}), periodic in x (condition {@code periodic}). Hard constraints impose only the initial
 * values, {@code u = g(x) + t N}: the transform acts on the network's output, not its input, so it
 * cannot make u periodic, and {@code periodic} stays a loss term either way. The solution is compared
 * with the reference on a grid of {@code times x positions}, x in {@code [x0, x1)} (x1 repeats x0).
 */
abstract class PeriodicEvolution extends EquationProblem {

    private final Symbols symbols;
    private final double x0;
    private final double x1;
    private final String initial;
    private final List<String> periodic;
    private final int times;
    private final int positions;

    /**
     * @param initial  {@code g(x)} as an expression
     * @param periodic what takes equal values at x0 and x1, e.g. {@code [u]} or {@code [u, u_x]}
     */
    PeriodicEvolution(String equation, Map<String, Double> constants, double x0, double x1, String initial,
            List<String> periodic, int times, int positions) {
        super(equation, Symbols.of(List.of("t", "x"), List.of("u"), constants));
        this.symbols = Symbols.of(List.of("t", "x"), List.of("u"), constants);
        this.x0 = x0;
        this.x1 = x1;
        this.initial = initial;
        this.periodic = List.copyOf(periodic);
        this.times = times;
        this.positions = positions;
    }

    /** The reference solution at one point. */
    abstract double u(double t, double x);

    /** How {@link #u} is obtained, for {@link Reference#source()}. */
    abstract String referenceSource();

    @Override
    public List<String> inputs() {
        return List.of("t", "x");
    }

    @Override
    public List<String> outputs() {
        return List.of("u");
    }

    @Override
    public Box domain() {
        return new Box(new double[] {0, x0}, new double[] {1, x1});
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        Condition wrap = Conditions.periodic("periodic", domain(), 1, periodic, symbols);
        if (hardConstraints) {
            return List.of(wrap);
        }
        return List.of(Conditions.initial("ic", domain(), "u - (" + initial + ")", symbols), wrap);
    }

    @Override
    public Optional<OutputTransform> hardConstraints() {
        return Optional.of(Conditions.hardInitial(0, null, initial, symbols));
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
                double[] out = new double[in.size()];
                IntStream.range(0, in.size()).parallel().forEach(i -> out[i] = u(in.get(i, 0), in.get(i, 1)));
                return new PointSet(List.of("u"), out);
            }
        });
    }

    @Override
    public PointSet evaluationPoints() {
        double[] p = new double[2 * times * positions];
        int k = 0;
        for (int i = 0; i < times; i++) {
            for (int j = 0; j < positions; j++) {
                p[k++] = (double) i / (times - 1);
                p[k++] = x0 + (x1 - x0) * j / positions;
            }
        }
        return new PointSet(List.of("t", "x"), p);
    }
}
