package org.ansatz.pinn.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.balance.Balance;
import org.ansatz.api.balance.Balancer;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.FusedJet;
import org.ansatz.api.derivative.FusedJetModel;
import org.ansatz.api.derivative.JetModel;
import org.ansatz.api.derivative.ReverseModeDerivatives;
import org.ansatz.api.derivative.SequenceModel;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.Penalized;
import org.ansatz.api.optim.Evaluation;
import org.ansatz.api.optim.Objective;
import org.ansatz.api.optim.Terms;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.pde.PdeProblem.OutputTransform;

/**
 * The physics-informed loss of one model on one problem as an {@link Objective} over the flat vector
 * (model parameters, then the problem's unknowns). One forward pass per evaluation; term gradients
 * are back-propagated from it on demand, keeping the graph until the next evaluation. Residual
 * weighting (causal training, per-point weights from adaptive samplers) happens here because it
 * needs the residuals of the forward pass.
 */
final class PinnObjective implements Objective, AutoCloseable {

    private final PdeProblem problem;
    private Model model;
    private JetModel jets;
    private final NDManager base;
    private DataType dtype;
    private final DerivativePlan plan;
    private final OutputTransform transform;
    private final List<Condition> conditions;
    private final List<DerivativePlan> conditionPlans = new ArrayList<>();
    private final List<double[]> conditionPoints = new ArrayList<>();
    private final List<String> termNames = new ArrayList<>();
    /** Whether the model adds a loss term of its own ({@link Penalized}), the last term. */
    private final boolean modelTerm;
    private final List<String> unknownNames;
    private NDArray unknowns;
    private final int modelSize;

    private double[] domainPoints;
    private NDArray pointWeights;
    private double[] pointWeightValues;
    private Balancer balancer;
    private long step;
    private boolean captureResiduals;
    private double[] capturedResiduals;
    private Causal causal;
    private int evaluations;
    private Forward current;
    private boolean fused = true;
    private int fusedEvaluations;

    PinnObjective(PdeProblem problem, Model model, NDManager base, boolean hard, int domainCount, int conditionCount,
            double[] domain, long seed) {
        this.problem = problem;
        this.model = model;
        // Models without Taylor-mode rules are differentiated by nested reverse mode (slower).
        this.jets = model instanceof JetModel j ? j : null;
        this.base = base;
        this.dtype = model.spec().dtype();
        this.plan = DerivativePlan.of(problem.inputs().size(), problem.derivatives());
        this.transform = hard ? problem.hardConstraints().orElseThrow(() -> new IllegalArgumentException(
                "problem offers no hard constraints; use constraints=soft")) : null;
        this.conditions = problem.conditions(hard);
        SplittableRandom random = new SplittableRandom(seed);
        this.domainPoints = domain != null ? domain : problem.geometry().sampleInterior(domainCount, random);
        termNames.add("pde");
        for (Condition c : conditions) {
            conditionPoints.add(c.sample(conditionCount, random));
            conditionPlans.add(DerivativePlan.of(problem.inputs().size(), c.derivatives()));
            termNames.add(c.name());
        }
        // A model's own loss term (e.g. slope recovery) comes last, after the problem's.
        this.modelTerm = model instanceof Penalized p && p.penaltyName() != null;
        if (modelTerm) {
            String name = ((Penalized) model).penaltyName();
            if (termNames.contains(name)) {
                throw new IllegalArgumentException("model term '" + name + "' has the name of a problem term "
                        + termNames);
            }
            termNames.add(name);
        }
        this.unknownNames = new ArrayList<>(problem.unknowns().keySet());
        if (unknownNames.isEmpty()) {
            this.unknowns = null;
        } else {
            double[] init = unknownNames.stream().mapToDouble(n -> problem.unknowns().get(n)).toArray();
            NDArray u = base.create(init);
            this.unknowns = dtype == DataType.FLOAT64 ? u : u.toType(dtype, false);
            this.unknowns.setRequiresGradient(true);
        }
        this.modelSize = (int) flat().size();
        double[] ones = new double[termNames.size()];
        Arrays.fill(ones, 1);
        this.balancer = (s, t) -> Balance.weights(ones);
    }

    List<String> termNames() {
        return termNames;
    }

    /** The model being trained (replaced by {@link #promote}). */
    Model model() {
        return model;
    }

    PdeProblem problem() {
        return problem;
    }

    /** Number of objective evaluations so far. */
    int evaluations() {
        return evaluations;
    }

    /** Continues the count of a resumed run. */
    void evaluations(int count) {
        this.evaluations = count;
    }

    /** The fixed per-point weights of the collocation points (from an adaptive sampler), or null. */
    double[] pointWeights() {
        return pointWeightValues;
    }

    void balancer(Balancer balancer) {
        this.balancer = balancer;
    }

    /** The optimizer step the next evaluations belong to (balancers and samplers see it). */
    void step(long step) {
        this.step = step;
    }

    /** Keep |residual| per collocation point from the next evaluation, for an adaptive sampler. */
    void captureResiduals() {
        captureResiduals = true;
        capturedResiduals = null;
    }

    /** The residual magnitudes captured, or null. */
    double[] capturedResiduals() {
        return capturedResiduals;
    }

    double[] domainPoints() {
        return domainPoints;
    }

    /** Replaces the collocation points of the residual term, with optional fixed weights per point. */
    void domainPoints(double[] points, double[] weights) {
        closeForward();
        this.domainPoints = points;
        if (pointWeights != null) {
            pointWeights.close();
            pointWeights = null;
        }
        pointWeightValues = weights == null ? null : weights.clone();
        if (weights != null) {
            if (weights.length * problem.inputs().size() != points.length) {
                throw new IllegalArgumentException("shape mismatch: " + weights.length + " point weights for "
                        + points.length / problem.inputs().size() + " points");
            }
            pointWeights = cast(base.create(weights, new Shape(weights.length, 1)));
        }
        if (causal != null) {
            causal.bin(domainPoints);
        }
    }

    /** Causal training (Wang, Sankaran, Perdikaris 2024): residual weights by time bin. */
    void causal(Causal causal) {
        this.causal = causal;
        if (causal != null) {
            causal.bin(domainPoints);
        }
    }

    Causal causal() {
        return causal;
    }

    NDArray flat() {
        return model.parameters().singletonOrThrow();
    }

    /** The precision the residuals are computed in now. */
    DataType dtype() {
        return dtype;
    }

    /**
     * Continues in the precision of {@code wider} (the same architecture built in float64): it takes
     * over the current parameters and replaces the model, which is closed; the unknowns and point
     * weights follow. Float32 L-BFGS stalls once its steps fall below float32's resolution of the
     * parameters, while the loss could still fall: mixed-precision runs go on from there in float64.
     */
    void promote(Model wider) {
        if (causal != null) {
            throw new IllegalStateException("a precision change does not carry causal training's state");
        }
        closeForward();
        double[] p = parameters();
        Model narrow = model;
        this.model = wider;
        this.jets = wider instanceof JetModel j ? j : null;
        this.dtype = wider.spec().dtype();
        if (flat().size() != modelSize) {
            throw new IllegalStateException("the " + dtype + " model has " + flat().size()
                    + " parameters, the one it replaces " + modelSize);
        }
        narrow.close();
        if (unknowns != null) {
            NDArray u = cast(base.create(Arrays.copyOfRange(p, modelSize, p.length)));
            unknowns.close();
            unknowns = u;
            unknowns.setRequiresGradient(true);
        }
        if (pointWeights != null) {
            pointWeights.close();
            pointWeights = cast(base.create(pointWeightValues, new Shape(pointWeightValues.length, 1)));
        }
        setParameters(p);
    }

    /** Term losses and weights of the last evaluation. */
    record Snapshot(double[] losses, double[] weights) {
    }

    /** The last evaluation's terms and weights, or null before the first. */
    Snapshot snapshot() {
        return current == null ? null : new Snapshot(current.losses.clone(), current.weights.clone());
    }

    @Override
    public Evaluation evaluate(double[] x) {
        closeForward();
        setParameters(x);
        evaluations++;
        current = new Forward();
        if (!current.fusedJets.isEmpty()) {
            fusedEvaluations++;
        }
        return current;
    }

    private void closeForward() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        closeForward();
        if (pointWeights != null) {
            pointWeights.close();
        }
        if (causal != null) {
            causal.close();
        }
    }

    NDArray points(NDManager m, double[] p) {
        int d = problem.inputs().size();
        return cast(m.create(p, new Shape(p.length / d, d)));
    }

    private NDArray cast(NDArray x) {
        return dtype == DataType.FLOAT64 ? x : x.toType(dtype, false);
    }

    Map<String, NDArray> unknownValues(NDManager m) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < unknownNames.size(); i++) {
            NDArray v = unknowns.get(i);
            v.attach(m);
            out.put(unknownNames.get(i), v);
        }
        return out;
    }

    /** Current values of the problem's unknowns. */
    Map<String, Double> unknowns() {
        Map<String, Double> out = new LinkedHashMap<>();
        if (unknowns != null) {
            double[] v = Tensors.toDoubles(unknowns);
            for (int i = 0; i < v.length; i++) {
                out.put(unknownNames.get(i), v[i]);
            }
        }
        return out;
    }

    /**
     * Whether the loss's network outputs (collocation and condition points) may come from the model's
     * fused kernel ({@link FusedJetModel}); on by default, off to compare against tensor-by-tensor Taylor
     * mode.
     */
    void fused(boolean on) {
        this.fused = on;
    }

    /** How many evaluations took their network outputs from a fused kernel. */
    int fusedEvaluations() {
        return fusedEvaluations;
    }

    /** Whether the last evaluation's network outputs (collocation and condition points) came from a fused kernel. */
    boolean lastEvaluationFused() {
        return current != null && !current.fusedJets.isEmpty();
    }

    /**
     * The network's output jet. When {@code fusedOut} is given and the model has a fused kernel for this
     * input, the kernel computes it and is added to {@code fusedOut}, whose backward passes then owe it
     * its adjoint.
     */
    private Jet network(Jet in, List<FusedJet> fusedOut) {
        if (fusedOut != null && fused && jets instanceof FusedJetModel f) {
            FusedJet out = f.fused(in);
            if (out != null) {
                fusedOut.add(out);
                return out.output();
            }
        }
        if (jets != null) {
            return jets.forward(in);
        }
        return in.with(ReverseModeDerivatives.compute(model::forward, in.value(), in.plan()));
    }

    /** The network's outputs (after the hard-constraint transform) as a jet. */
    Jet output(Jet in) {
        return output(in, null);
    }

    private Jet output(Jet in, List<FusedJet> fusedOut) {
        Jet net = network(in, fusedOut);
        return transform == null ? net : constrained(net, in,
                unknowns == null ? null : unknownValues(in.value().getManager()));
    }

    /** The hard-constraint transform of a network output at its input jet, given the unknowns or null. */
    private Jet constrained(Jet net, Jet in, Map<String, NDArray> unknownValues) {
        return unknownValues == null ? transform.apply(net, in) : transform.apply(net, in, unknownValues);
    }

    /** True when outputs need a gradient collector even without training (nested reverse mode). */
    boolean needsRecording() {
        return jets == null;
    }

    /** The PDE residual at points, one column per equation. */
    NDArray residual(NDManager m, NDArray x) {
        return residual(m, x, null);
    }

    private NDArray residual(NDManager m, NDArray x, List<FusedJet> fusedOut) {
        return problem.residual(output(Jet.input(x, plan), fusedOut), x, unknownValues(m));
    }

    /**
     * The residual the loss takes at the collocation points: {@link #residual}, or for a
     * {@link SequenceModel} the residual at every position side by side, {@code [points, K * equations]},
     * each position's output passed with its shifted input through the hard constraint. The mean square
     * per point is then the mean over the positions (the sequential loss of PINNsFormer); conditions stay
     * at position 0, the point itself.
     */
    private NDArray lossResidual(NDManager m, NDArray x, List<FusedJet> fusedOut) {
        if (!(jets instanceof SequenceModel seq) || seq.positions() <= 1) {
            return residual(m, x, fusedOut);
        }
        int positions = seq.positions();
        NDArray[] data = SequenceModel.split(seq.sequence(Jet.input(x, plan)).data(), positions);
        Map<String, NDArray> values = unknownValues(m);
        NDList parts = new NDList(positions);
        for (int k = 0; k < positions; k++) {
            NDArray xk = k == 0 ? x : x.add(cast(m.create(seq.shift(k), new Shape(1, x.getShape().get(1)))));
            Jet in = Jet.input(xk, plan);
            Jet net = in.with(data[k]);
            Jet out = transform == null ? net : constrained(net, in, unknowns == null ? null : values);
            parts.add(problem.residual(out, xk, values));
        }
        return NDArrays.concat(parts, 1);
    }

    /** The model's parameters only (what model.bin holds). */
    double[] modelParameters() {
        return Tensors.toDoubles(flat());
    }

    /** Everything optimised: the model's parameters, then the unknowns. */
    double[] parameters() {
        double[] m = modelParameters();
        if (unknowns == null) {
            return m;
        }
        double[] u = Tensors.toDoubles(unknowns);
        double[] out = Arrays.copyOf(m, m.length + u.length);
        System.arraycopy(u, 0, out, m.length, u.length);
        return out;
    }

    int dimension() {
        return modelSize + unknownNames.size();
    }

    void setParameters(double[] p) {
        if (p.length != dimension()) {
            throw new IllegalArgumentException("shape mismatch: " + p.length + " parameters, expected " + dimension());
        }
        assign(flat(), Arrays.copyOf(p, modelSize));
        if (unknowns != null) {
            assign(unknowns, Arrays.copyOfRange(p, modelSize, p.length));
        }
    }

    /**
     * An indexed assignment rather than NDArray.set(buffer), whose native path goes through a
     * deprecated libtorch dispatch mode and prints a warning about silent wrong results.
     */
    private void assign(NDArray target, double[] values) {
        // PyTorch's grad mode is per thread, and a caller's thread may have it on (an open gradient
        // collector of its own): an in-place write to a leaf that requires grad is then refused.
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager m = base.newSubManager()) {
            target.set(new NDIndex(":"), cast(m.create(values)));
        } finally {
            JniUtils.setGradMode(was);
        }
    }

    private double[] gradient() {
        double[] out = new double[dimension()];
        copyGradient(flat(), out, 0);
        if (unknowns != null) {
            copyGradient(unknowns, out, modelSize);
        }
        return out;
    }

    private static void copyGradient(NDArray leaf, double[] out, int offset) {
        try (NDArray g = leaf.getGradient()) {
            double[] v = Tensors.toDoubles(g);
            System.arraycopy(v, 0, out, offset, v.length);
        }
    }

    private void zeroGradients() {
        JniUtils.zeroGrad((PtNDArray) flat());
        if (unknowns != null) {
            JniUtils.zeroGrad((PtNDArray) unknowns);
        }
    }

    /** One forward pass: the terms as recorded tensors, the balance of this step, cached gradients. */
    private final class Forward implements Evaluation, Terms {
        private final NDManager m = base.newSubManager();
        private final List<NDArray> terms = new ArrayList<>();
        private final List<NDArray> residuals = new ArrayList<>();
        /**
         * Outputs of fused kernels (collocation and condition points): autograd stops at them, and each
         * backward pass adds their adjoints.
         */
        private final List<FusedJet> fusedJets = new ArrayList<>();
        private final double[] losses;
        private final double[][] gradients;
        private final double[] weights;
        private final double[] direction;
        private double[] combined;

        Forward() {
            try (GradientCollector gc = base.getEngine().newGradientCollector()) {
                NDArray x = points(m, domainPoints);
                NDArray r = lossResidual(m, x, fusedJets);
                residuals.add(r);
                terms.add(residualLoss(r));
                for (int i = 0; i < conditions.size(); i++) {
                    NDArray xc = points(m, conditionPoints.get(i));
                    Jet uc = output(Jet.input(xc, conditionPlans.get(i)), fusedJets);
                    NDArray rc = unknowns == null ? conditions.get(i).residual(uc, xc)
                            : conditions.get(i).residual(uc, xc, unknownValues(m));
                    residuals.add(rc);
                    terms.add(rc.square().mean());
                }
                if (modelTerm) {
                    NDArray penalty = ((Penalized) model).penalty(m);
                    residuals.add(penalty.reshape(1, 1));
                    terms.add(penalty);
                }
            }
            losses = Tensors.toDoubles(NDArrays.stack(new NDList(terms)));
            gradients = new double[terms.size()][];
            if (captureResiduals) {
                capturedResiduals = residuals.get(0).abs().max(new int[] {1}).toType(DataType.FLOAT64, false)
                        .toDoubleArray();
                captureResiduals = false;
            }
            boolean finite = Arrays.stream(losses).allMatch(Double::isFinite);
            // A diverged state is not worth balancing: the optimizer only needs to see the non-finite loss.
            Balance b = finite ? balancer.balance(step, this) : Balance.weights(unitWeights());
            if (b.weights() == null || b.weights().length != losses.length) {
                throw new IllegalStateException("the loss balancer returned " + (b.weights() == null ? "no"
                        : b.weights().length) + " weights for " + losses.length + " terms " + termNames);
            }
            weights = b.weights();
            direction = b.direction();
        }

        private double[] unitWeights() {
            double[] w = new double[losses.length];
            Arrays.fill(w, 1);
            return w;
        }

        /** Mean squared residual, weighted per point and by causal time bins when asked to. */
        private NDArray residualLoss(NDArray r) {
            NDArray perPoint = r.square().mean(new int[] {1}, true);
            if (pointWeights != null) {
                perPoint = perPoint.mul(pointWeights);
            }
            if (causal == null) {
                return perPoint.mean();
            }
            return causal.loss(perPoint);
        }

        @Override
        public double loss() {
            double s = 0;
            for (int k = 0; k < losses.length; k++) {
                s += weights[k] * losses[k];
            }
            return s;
        }

        @Override
        public double[] gradient() {
            if (direction != null) {
                return direction;
            }
            if (combined == null) {
                combined = gradient(weights);
            }
            return combined;
        }

        @Override
        public Terms terms() {
            return this;
        }

        double[] weights() {
            return weights;
        }

        @Override
        public List<String> names() {
            return termNames;
        }

        @Override
        public double loss(int k) {
            return losses[k];
        }

        @Override
        public double[] gradient(int k) {
            if (gradients[k] == null) {
                gradients[k] = backward(terms.get(k));
            }
            return gradients[k].clone();
        }

        @Override
        public double[] gradient(double[] w) {
            if (w.length != terms.size()) {
                throw new IllegalArgumentException("shape mismatch: " + w.length + " weights for " + terms.size()
                        + " terms " + termNames);
            }
            return backward(recorded(() -> {
                NDArray total = null;
                for (int k = 0; k < w.length; k++) {
                    NDArray t = terms.get(k).mul(Tensors.scalar(terms.get(k), w[k]));
                    total = total == null ? t : total.add(t);
                }
                return total;
            }));
        }

        @Override
        public double kernelTrace(int k, int probes, SplittableRandom random) {
            NDArray r = residuals.get(k);
            double sum = 0;
            for (int p = 0; p < probes; p++) {
                double[] signs = new double[(int) r.size()];
                for (int i = 0; i < signs.length; i++) {
                    signs[i] = random.nextBoolean() ? 1 : -1;
                }
                NDArray v = cast(m.create(signs, r.getShape()));
                double[] g = backward(recorded(() -> r.mul(v).sum()));
                for (double gi : g) {
                    sum += gi * gi;
                }
            }
            return sum / probes / r.size();
        }

        /** Builds on the recorded graph after the forward pass, so the new operations are recorded too. */
        private NDArray recorded(java.util.function.Supplier<NDArray> operations) {
            boolean was = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
            try {
                return operations.get();
            } finally {
                JniUtils.setGradMode(was);
            }
        }

        /** Gradient of a recorded scalar, keeping the graph for further terms. */
        private double[] backward(NDArray scalar) {
            zeroGradients();
            for (FusedJet f : fusedJets) {
                JniUtils.zeroGrad((PtNDArray) f.output().data());
            }
            JniUtils.backward((PtNDArray) scalar, (PtNDArray) scalar.onesLike(), true, false);
            double[] g = PinnObjective.this.gradient();
            for (FusedJet f : fusedJets) {
                try (NDArray upstream = f.output().data().getGradient()) {
                    f.accumulate(upstream, g, 0);
                }
            }
            return g;
        }

        void close() {
            m.close();
        }
    }
}
