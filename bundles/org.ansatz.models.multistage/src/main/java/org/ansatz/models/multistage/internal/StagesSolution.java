package org.ansatz.models.multistage.internal;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.pde.PdeProblem.OutputTransform;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.solver.Solution;

/**
 * A reopened multi-stage run: the sum of all stages (the last stage's model.bin), through the
 * problem's hard-constraint transform when the run used one. Built from multistage.json rather than
 * from the pinn solver's model manifest, whose reader cannot take the frozen stages' parameters as an
 * option value of tens of kilobytes.
 */
final class StagesSolution implements Solution {

    private final PdeProblem problem;
    private final MultistageModel model;
    private final OutputTransform transform;
    private final NDManager manager;

    StagesSolution(PdeProblem problem, MultistageModel model, OutputTransform transform, NDManager manager) {
        this.problem = problem;
        this.model = model;
        this.transform = transform;
        this.manager = manager;
    }

    @Override
    public PointSet predict(PointSet inputs) {
        return predict(inputs, List.of());
    }

    @Override
    public PointSet predict(PointSet inputs, List<String> derivatives) {
        List<String> in = problem.inputs();
        List<String> outputs = problem.outputs();
        if (inputs.width() != in.size()) {
            throw new IllegalArgumentException("shape mismatch: points have " + inputs.width() + " columns "
                    + inputs.names() + ", the problem has inputs " + in);
        }
        List<MultiIndex> indices = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        for (String name : derivatives) {
            int us = name.indexOf('_');
            int o = us > 0 ? outputs.indexOf(name.substring(0, us)) : -1;
            if (o < 0) {
                throw new IllegalArgumentException("'" + name + "' is not a derivative of an output " + outputs);
            }
            indices.add(MultiIndex.parse(name.substring(us + 1), in));
            columns.add(o);
        }
        DerivativePlan plan = DerivativePlan.of(in.size(), indices);
        int d = in.size();
        int w = outputs.size() + indices.size();
        int n = inputs.size();
        double[] out = new double[n * w];
        int batch = 8192;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            try (NDManager m = manager.newSubManager()) {
                double[] pts = Arrays.copyOfRange(inputs.values(), from * d, to * d);
                Jet x = Jet.input(m.create(pts, new Shape(to - from, d)).toType(model.spec().dtype(), false), plan);
                Jet net = model.forward(x);
                Jet u = transform == null ? net : transform.apply(net, x);
                double[] value = u.value().toType(DataType.FLOAT64, false).toDoubleArray();
                for (int i = 0; i < to - from; i++) {
                    System.arraycopy(value, i * outputs.size(), out, (from + i) * w, outputs.size());
                }
                for (int k = 0; k < indices.size(); k++) {
                    double[] v = u.stream(indices.get(k), columns.get(k)).toType(DataType.FLOAT64, false)
                            .toDoubleArray();
                    for (int i = 0; i < to - from; i++) {
                        out[(from + i) * w + outputs.size() + k] = v[i];
                    }
                }
            }
        }
        List<String> names = new ArrayList<>(outputs);
        names.addAll(derivatives);
        return new PointSet(names, out);
    }

    @Override
    public Map<String, Double> metrics() {
        return Map.of();
    }

    @Override
    public void close() {
        manager.close();
    }
}
