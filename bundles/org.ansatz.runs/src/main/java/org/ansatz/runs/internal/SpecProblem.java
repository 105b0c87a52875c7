package org.ansatz.runs.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.expr.Expression;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.geometry.Geometries;
import org.ansatz.api.geometry.Geometry;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.Conditions;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Reference;

/**
 * A PDE problem defined in a run spec file: inputs, outputs, constants and unknowns, a box domain,
 * equations, conditions, an optional exact output transform and an optional exact solution, all as
 * expressions. Every error names its path in the file, e.g. {@code problem.equations[0]}.
 */
final class SpecProblem implements PdeProblem {

    private final String name;
    private final String description;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Box box;
    private final List<Expression> equations = new ArrayList<>();
    private final List<MultiIndex> derivatives;
    private final Map<String, Double> unknowns;
    private final List<Condition> soft = new ArrayList<>();
    private final List<Condition> underHard = new ArrayList<>();
    private final OutputTransform transform;
    private final Map<String, Expression> exact = new LinkedHashMap<>();
    private final TensorEngine engine;
    /** The definition as written (observation files made absolute): what run.yaml repeats. */
    private final JsonNode definition;

    SpecProblem(SpecNode p, Path baseDir, TensorEngine engine) {
        this.engine = engine;
        this.name = p.get("name").text();
        this.inputs = p.get("inputs").names();
        this.outputs = p.get("outputs").names();
        Set<String> clash = new LinkedHashSet<>(inputs);
        clash.retainAll(outputs);
        if (!clash.isEmpty()) {
            throw p.error("names " + clash + " are both inputs and outputs");
        }
        Map<String, Double> constants = p.optional("constants").map(SpecNode::numbers).orElse(Map.of());
        this.unknowns = p.optional("unknowns").map(SpecNode::numbers).orElse(Map.of());
        Symbols symbols = new Symbols(inputs, outputs, constants, unknowns.keySet());
        this.box = box(p.get("domain"));
        this.description = p.optional("description").map(SpecNode::text).orElse(null);
        boolean timed = inputs.contains("t");
        if (timed && inputs.indexOf("t") != 0) {
            throw p.get("inputs").error("time t must be the first input, got " + inputs);
        }
        List<SpecNode> eqs;
        if (p.has("equations")) {
            eqs = p.get("equations").elements();
            if (p.has("equation")) {
                throw p.error("give either equation or equations, not both");
            }
        } else {
            eqs = List.of(p.get("equation"));
        }
        if (eqs.isEmpty()) {
            throw p.get("equations").error("needs at least one equation");
        }
        LinkedHashSet<MultiIndex> needed = new LinkedHashSet<>();
        for (SpecNode e : eqs) {
            Expression x = e.expression(symbols);
            equations.add(x);
            needed.addAll(x.derivatives());
        }
        this.derivatives = List.copyOf(needed);

        Geometry spatial = inputs.size() > (timed ? 1 : 0) ? spatialGeometry(timed) : null;
        double[] time = timed ? new double[] {box.lower()[0], box.upper()[0]} : null;
        OutputTransform hard = null;
        boolean hardCoversInitial = false;
        boolean hardCoversBoundary = false;
        if (p.has("hard")) {
            SpecNode h = p.get("hard");
            h.onlyKeys("initial", "boundary", "dirichlet");
            if (outputs.size() != 1) {
                throw h.error("exact (hard) constraints need a single output, the problem has " + outputs);
            }
            Symbols data = Symbols.of(inputs, List.of(), constants);
            if (h.has("initial")) {
                if (!timed) {
                    throw h.get("initial").error("an initial value needs the time input t");
                }
                if (h.has("dirichlet")) {
                    throw h.error("give initial (time-dependent problems) or dirichlet (steady ones), not both");
                }
                String g = h.get("initial").text();
                h.get("initial").expression(data);
                hardCoversBoundary = h.optional("boundary").map(SpecNode::bool).orElse(false);
                if (hardCoversBoundary && spatial == null) {
                    throw h.get("boundary").error("there is no spatial boundary: the only input is t");
                }
                hard = Conditions.hardInitial(box.lower()[0], hardCoversBoundary ? spatial : null, g, data);
                hardCoversInitial = true;
            } else if (h.has("dirichlet")) {
                if (timed) {
                    throw h.get("dirichlet").error("dirichlet is for steady problems; with time use initial "
                            + "(and boundary: true)");
                }
                h.get("dirichlet").expression(data);
                hard = Conditions.hardDirichlet(spatial, h.get("dirichlet").text(), data);
                hardCoversBoundary = true;
            } else {
                throw h.error("needs initial or dirichlet");
            }
        }
        this.transform = hard;

        Set<String> names = new LinkedHashSet<>();
        names.add("pde");
        List<SpecNode> cs = p.optional("conditions").map(SpecNode::elements).orElse(List.of());
        for (int i = 0; i < cs.size(); i++) {
            SpecNode c = cs.get(i);
            String type = c.get("type").choice("initial", "boundary", "periodic", "observations");
            String cname = c.optional("name").map(SpecNode::text).orElse(type + (i + 1));
            if (!names.add(cname)) {
                throw c.error("condition name '" + cname + "' is used twice (names are loss terms; 'pde' is the "
                        + "equations')");
            }
            Condition condition;
            boolean coveredByHard;
            switch (type) {
                case "initial" -> {
                    c.onlyKeys("name", "type", "expression");
                    if (!timed) {
                        throw c.get("type").error("an initial condition needs the time input t (first input)");
                    }
                    Expression x = c.get("expression").expression(symbols);
                    condition = Conditions.initial(cname, box, x.source(), symbols);
                    // values at t0 are what an exact initial transform imposes; derivatives are not
                    coveredByHard = hardCoversInitial && x.derivatives().isEmpty();
                }
                case "boundary" -> {
                    c.onlyKeys("name", "type", "expression");
                    if (spatial == null) {
                        throw c.get("type").error("a boundary condition needs a spatial input");
                    }
                    String text = c.get("expression").text();
                    try {
                        condition = Conditions.boundary(cname, spatial, time, text, symbols);
                    } catch (RuntimeException e) {
                        throw c.get("expression").error(e.getMessage());
                    }
                    coveredByHard = hardCoversBoundary;
                }
                case "periodic" -> {
                    c.onlyKeys("name", "type", "input", "quantities");
                    String input = c.get("input").text();
                    int axis = inputs.indexOf(input);
                    if (axis < 0 || (timed && axis == 0)) {
                        throw c.get("input").error("'" + input + "' is not a spatial input " + inputs);
                    }
                    List<String> quantities = c.optional("quantities").map(SpecNode::names).orElse(outputs);
                    try {
                        condition = Conditions.periodic(cname, box, axis, quantities, symbols);
                    } catch (RuntimeException e) {
                        throw c.get("quantities").error(e.getMessage());
                    }
                    coveredByHard = false;
                }
                default -> {
                    c.onlyKeys("name", "type", "file");
                    Path file = baseDir.resolve(c.get("file").text());
                    PointSet[] data = observations(file, c.get("file"));
                    condition = Conditions.observations(cname, data[0], data[1]);
                    coveredByHard = false;
                }
            }
            soft.add(condition);
            if (!coveredByHard) {
                underHard.add(condition);
            }
        }
        if (p.has("exact")) {
            SpecNode e = p.get("exact");
            Symbols data = Symbols.of(inputs, List.of(), constants);
            if (e.isText()) {
                if (outputs.size() != 1) {
                    throw e.error("give one exact expression per output, as a map " + outputs);
                }
                exact.put(outputs.get(0), e.expression(data));
            } else {
                e.onlyKeys(outputs.toArray(String[]::new));
                for (String o : outputs) {
                    exact.put(o, e.get(o).expression(data));
                }
            }
        }
        this.definition = p.withAbsoluteFiles(baseDir);
    }

    private Box box(SpecNode d) {
        d.onlyKeys(inputs.toArray(String[]::new));
        double[] lo = new double[inputs.size()];
        double[] hi = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            double[] r = d.get(inputs.get(i)).interval();
            lo[i] = r[0];
            hi[i] = r[1];
        }
        return new Box(lo, hi);
    }

    private Geometry spatialGeometry(boolean timed) {
        int from = timed ? 1 : 0;
        return Geometries.box(Arrays.copyOfRange(box.lower(), from, inputs.size()),
                Arrays.copyOfRange(box.upper(), from, inputs.size()));
    }

    /** Points and values of an observation file: a CSV whose header names the inputs and outputs. */
    private PointSet[] observations(Path file, SpecNode where) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw where.error("cannot read " + file + ": " + e.getMessage());
        }
        if (lines.size() < 2) {
            throw where.error(file + " has no data rows");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::trim).toList();
        int[] in = new int[inputs.size()];
        int[] out = new int[outputs.size()];
        for (int j = 0; j < in.length; j++) {
            in[j] = header.indexOf(inputs.get(j));
        }
        for (int j = 0; j < out.length; j++) {
            out[j] = header.indexOf(outputs.get(j));
        }
        if (Arrays.stream(in).anyMatch(i -> i < 0) || Arrays.stream(out).anyMatch(i -> i < 0)) {
            throw where.error(file + ": the header " + header + " must name the inputs " + inputs + " and outputs "
                    + outputs);
        }
        int n = lines.size() - 1;
        double[] x = new double[n * in.length];
        double[] u = new double[n * out.length];
        for (int r = 0; r < n; r++) {
            String[] cells = lines.get(r + 1).split(",");
            try {
                for (int j = 0; j < in.length; j++) {
                    x[r * in.length + j] = Double.parseDouble(cells[in[j]].trim());
                }
                for (int j = 0; j < out.length; j++) {
                    u[r * out.length + j] = Double.parseDouble(cells[out[j]].trim());
                }
            } catch (RuntimeException e) {
                throw where.error(file + ", line " + (r + 2) + ": not a row of numbers: " + lines.get(r + 1));
            }
        }
        return new PointSet[] {new PointSet(inputs, x), new PointSet(outputs, u)};
    }

    String name() {
        return name;
    }

    JsonNode definition() {
        return definition;
    }

    @Override
    public String description() {
        if (description != null) {
            return description;
        }
        return String.join("; ", equations.stream().map(Expression::source).toList()) + " (from a spec file)";
    }

    @Override
    public List<String> inputs() {
        return inputs;
    }

    @Override
    public List<String> outputs() {
        return outputs;
    }

    @Override
    public Box domain() {
        return box;
    }

    @Override
    public List<MultiIndex> derivatives() {
        return derivatives;
    }

    @Override
    public NDArray residual(Jet u, NDArray x) {
        return residual(u, x, Map.of());
    }

    @Override
    public NDArray residual(Jet u, NDArray x, Map<String, NDArray> unknownValues) {
        if (equations.size() == 1) {
            return equations.get(0).evaluate(u, x, unknownValues);
        }
        NDList parts = new NDList();
        for (Expression e : equations) {
            parts.add(e.evaluate(u, x, unknownValues));
        }
        return ai.djl.ndarray.NDArrays.concat(parts, 1);
    }

    @Override
    public Map<String, Double> unknowns() {
        return unknowns;
    }

    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        if (hardConstraints && transform == null) {
            throw new IllegalArgumentException("problem " + name + " has no exact constraints (problem.hard); use "
                    + "constraints=soft");
        }
        return hardConstraints ? underHard : soft;
    }

    @Override
    public Optional<OutputTransform> hardConstraints() {
        return Optional.ofNullable(transform);
    }

    @Override
    public Optional<Reference> reference() {
        if (exact.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Reference() {
            @Override
            public String source() {
                return "exact (from the spec: " + String.join("; ", exact.values().stream().map(Expression::source)
                        .toList()) + ")";
            }

            @Override
            public PointSet evaluate(PointSet in) {
                int n = in.size();
                int d = inputs.size();
                double[] out = new double[n * outputs.size()];
                try (NDManager m = engine.newManager()) {
                    NDArray x = m.create(in.values(), new Shape(n, d));
                    Jet jet = Jet.input(x, DerivativePlan.of(d, List.of()));
                    int k = 0;
                    for (Expression e : exact.values()) {
                        NDArray v = e.evaluate(jet).value().toType(DataType.FLOAT64, false);
                        double[] values = v.getShape().size() == 1 ? filled(n, v.toDoubleArray()[0]) : v.toDoubleArray();
                        for (int i = 0; i < n; i++) {
                            out[i * outputs.size() + k] = values[i];
                        }
                        k++;
                    }
                }
                return new PointSet(outputs, out);
            }
        });
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
