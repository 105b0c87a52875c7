package org.ansatz.models.multistage.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.JetModel;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelSpec;

/**
 * The sum of stage networks {@code u = sum_k eps_k N_k(x)}, where only the last stage trains. All
 * stages live in one flat buffer (so model.bin and checkpoints hold the whole sum, and a trained stage
 * can be reloaded anywhere); the earlier stages are read through a gradient stop, so their gradient
 * is zero and Adam and L-BFGS leave them where the previous stages put them.
 */
final class MultistageModel implements Model, JetModel {

    private final ModelSpec spec;
    private final List<StageNetwork> stages;
    private final int[] offsets;
    private final NDArray flat;
    private final DerivativePlan valuePlan;

    /**
     * @param frozenParameters the earlier stages' parameters, in order, or every stage's (a model.bin
     *                         of the same stages); null to start the earlier stages at zero
     */
    MultistageModel(ModelSpec spec, List<StageNetwork> stages, double[] frozenParameters, NDManager manager) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a multi-stage model needs at least one stage");
        }
        this.spec = spec;
        this.stages = List.copyOf(stages);
        this.offsets = new int[stages.size() + 1];
        for (int k = 0; k < stages.size(); k++) {
            offsets[k + 1] = offsets[k] + stages.get(k).parameterCount();
        }
        int frozen = offsets[stages.size() - 1];
        double[] all = new double[offsets[stages.size()]];
        if (frozenParameters != null && frozenParameters.length == all.length) {
            System.arraycopy(frozenParameters, 0, all, 0, all.length);
        } else {
            if (frozenParameters != null) {
                if (frozenParameters.length != frozen) {
                    throw new IllegalArgumentException("model.frozen-parameters holds " + frozenParameters.length
                            + " values, the frozen stages " + frozenStages() + " have " + frozen);
                }
                System.arraycopy(frozenParameters, 0, all, 0, frozen);
            }
            double[] fresh = stages.get(stages.size() - 1).initialParameters(spec.seed());
            System.arraycopy(fresh, 0, all, frozen, fresh.length);
        }
        NDArray f = manager.create(all);
        if (spec.dtype() != DataType.FLOAT64) {
            NDArray cast = f.toType(spec.dtype(), false);
            f.close();
            f = cast;
        }
        f.setRequiresGradient(true);
        this.flat = f;
        this.valuePlan = DerivativePlan.of(spec.inputs(), List.of());
    }

    List<StageNetwork> stages() {
        return stages;
    }

    private String frozenStages() {
        return stages.subList(0, stages.size() - 1).stream().map(StageNetwork::describe).toList().toString();
    }

    /** Parameters of all stages. */
    int parameterCount() {
        return offsets[stages.size()];
    }

    /** Parameters of the stage being trained. */
    int trainableParameterCount() {
        return stages.get(stages.size() - 1).parameterCount();
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public NDList parameters() {
        return new NDList(flat);
    }

    @Override
    public NDArray forward(NDArray x) {
        return forward(Jet.input(x, valuePlan)).value();
    }

    @Override
    public Jet forward(Jet input) {
        // Views belong to the forward pass's manager so that they are freed with it.
        NDManager m = input.data().getManager();
        Jet sum = null;
        int last = stages.size() - 1;
        for (int k = 0; k < stages.size(); k++) {
            NDArray slice = flat.get(offsets[k] + ":" + offsets[k + 1]);
            slice.attach(m);
            if (k < last) {
                slice = slice.stopGradient();
                slice.attach(m);
            }
            Jet u = stages.get(k).forward(input, slice);
            sum = sum == null ? u : sum.add(u);
        }
        return sum;
    }

    @Override
    public void close() {
        flat.close();
    }
}
