package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ansatz.api.engine.TensorEngine;
import org.ansatz.api.method.Options;
import org.ansatz.api.model.Model;
import org.ansatz.api.model.ModelFactory;
import org.ansatz.api.model.ModelSpec;
import org.ansatz.api.optim.OptimizerFactory;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.DynamicsLearner;
import org.ansatz.api.dynamics.FitRequest;
import org.ansatz.api.dynamics.Forecaster;
import org.ansatz.api.dynamics.Integrator;
import org.ansatz.api.dynamics.Solvers;
import org.ansatz.api.dynamics.TrajectorySet;
import org.ansatz.api.dynamics.VectorField;

/**
 * The gradient-trained learners: {@code node} (network vector field), {@code hnn} (Hamiltonian
 * network), {@code lnn} (Lagrangian network) and {@code hybrid} (known physics with learned rate
 * parameters and a network source term). Networks come from a kernel model factory ({@code mlp} by
 * default) and training uses a kernel optimizer ({@code adam} by default).
 */
public final class NeuralLearner implements DynamicsLearner {

    /** The structures this class learns. */
    public enum Kind {
        NODE("node"), HNN("hnn"), LNN("lnn"), HYBRID("hybrid");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Kind kind;
    private final TensorEngine engine;
    private final Function<String, ModelFactory> models;
    private final Function<String, OptimizerFactory> optimizers;

    /**
     * @param models     model factories by name (the registry in OSGi)
     * @param optimizers optimizer factories by name
     */
    public NeuralLearner(Kind kind, TensorEngine engine, Function<String, ModelFactory> models,
            Function<String, OptimizerFactory> optimizers) {
        this.kind = kind;
        this.engine = engine;
        this.models = models;
        this.optimizers = optimizers;
    }

    @Override
    public Forecaster fit(FitRequest request) {
        Options o = new Options(request.options());
        TrajectorySet data = request.data();
        DynamicalSystem system = request.system();
        int d = data.dimension();
        String modelName = o.string("model", "mlp");
        String layers = o.string("layers", kind == Kind.NODE || kind == Kind.HYBRID ? "64,64,64" : "64,64");
        String activation = o.string("activation", "tanh");
        DataType type = "float32".equals(o.choice("dtype", "float64", List.of("float32", "float64")))
                ? DataType.FLOAT32 : DataType.FLOAT64;
        String defaultLoss = kind == Kind.NODE || kind == Kind.HYBRID ? "trajectory" : "derivative";
        String loss = o.choice("loss", defaultLoss, List.of("derivative", "trajectory"));
        int steps = o.integer("steps", 3000, 0);
        double lr = o.real("lr", 3e-3, 0);
        double lrFinal = o.real("lr.final", lr / 30, 0);
        int batch = o.integer("batch", 256, 1);
        int horizon = o.integer("horizon", 8, 1);
        int substeps = o.integer("substeps", 1, 1);
        double rtol = o.real("rtol", 1e-6, 1e-14);
        double atol = o.real("atol", 1e-8, 1e-16);
        Integrator integrator = Integrators.named(o.choice("integrator", "rk4", Integrators.NAMES), rtol, atol);
        boolean adjoint = o.flag("adjoint", false);
        String optimizer = o.string("optimizer", "adam");
        double dt = data.times().length > 1 ? data.uniformStep() : Double.NaN;
        double forecastStep = o.real("forecast.step", Double.isNaN(dt) ? 0.01 : dt / substeps, 1e-12);
        // Options of one structure only: left unread for the others, so that checkAllRead names them.
        boolean separable = kind == Kind.HNN
                && o.flag("separable", false);
        double regularization = kind == Kind.LNN ? o.real("regularization", 0, 0) : 0;
        double prior = kind == Kind.LNN ? o.real("prior", 1, 0) : 0;
        boolean correction = kind == Kind.HYBRID
                && o.flag("correction", true);
        double[] guess = kind != Kind.HYBRID || system == null ? null
                : o.reals("guess", system.parameters(), -Double.MAX_VALUE);
        o.checkAllRead("learner " + kind.label);
        if (adjoint && !"trajectory".equals(loss)) {
            throw new IllegalArgumentException("adjoint=true applies to loss=trajectory only");
        }
        if (adjoint && !(integrator instanceof Rk4)) {
            throw new IllegalArgumentException("adjoint=true solves forward and backward with rk4; integrator="
                    + integrator.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " cannot be combined with it");
        }

        if ((kind == Kind.HNN && (system == null ? d % 2 != 0 : system.canonicalDegrees() == 0))) {
            throw new IllegalArgumentException("hnn needs a canonical state (q, p); system "
                    + (system == null ? "of dimension " + d : system.variables()) + " is not canonical (try lnn or node)");
        }
        if (kind == Kind.LNN && (system == null ? d % 2 != 0 : system.lagrangianDegrees() == 0)) {
            throw new IllegalArgumentException("lnn needs a state (q, qdot); system "
                    + (system == null ? "of dimension " + d : system.variables()) + " is not of that form");
        }
        if (kind == Kind.HYBRID) {
            if (system == null) {
                throw new IllegalArgumentException("hybrid needs the known physics: pass the system");
            }
            if (guess.length != system.parameterNames().size()) {
                throw new IllegalArgumentException("guess must list " + system.parameterNames().size()
                        + " values for " + system.parameterNames() + ", got " + guess.length);
            }
            for (double g : guess) {
                if (g == 0) {
                    throw new IllegalArgumentException("guess values must be non-zero (they are learned as relative "
                            + "corrections), got " + java.util.Arrays.toString(guess));
                }
            }
        }

        Scaling scaling = Scaling.of(data, kind == Kind.NODE || kind == Kind.HYBRID);
        NDManager root = engine.newManager();
        try {
            Map<String, Object> net = new LinkedHashMap<>();
            net.put("layers", layers);
            net.put("activation", activation);
            ModelFactory factory = models.apply(modelName);
            VectorField field;
            Model[] owned;
            switch (kind) {
                case NODE -> {
                    Model m = factory.create(new ModelSpec(d, d, type, request.seed(), net), root);
                    owned = new Model[] {m};
                    field = new Fields.Neural(m, scaling, root, type);
                }
                case HNN -> {
                    int n = d / 2;
                    Model h = factory.create(new ModelSpec(separable ? n : d, 1, type, request.seed(), net), root);
                    Model t = separable ? factory.create(new ModelSpec(n, 1, type, request.seed() + 1, net), root) : null;
                    owned = t == null ? new Model[] {h} : new Model[] {h, t};
                    field = new Fields.Hamiltonian(h, t, scaling, root, type);
                }
                case LNN -> {
                    Model l = factory.create(new ModelSpec(d, 1, type, request.seed(), net), root);
                    owned = new Model[] {l};
                    field = new Fields.Lagrangian(l, scaling, prior, regularization, root, type);
                }
                default -> {
                    Model c = correction ? factory.create(new ModelSpec(d, d, type, request.seed(), net), root) : null;
                    owned = c == null ? new Model[0] : new Model[] {c};
                    Fields.Neural cf = c == null ? null : new Fields.Neural(c, scaling, root, type);
                    if (c != null && "mlp".equals(modelName)) {
                        // The network starts at zero so that training begins from the known physics.
                        Params p = new Params(c.parameters());
                        double[] v = p.get();
                        java.util.Arrays.fill(v, v.length - d, v.length, 0);
                        p.set(scaleLastLayer(v, d, layers));
                    }
                    field = new Fields.Hybrid(system, guess, cf, root, type);
                }
            }
            Trainer trainer = new Trainer(field, root, type, optimizers.apply(optimizer));
            double finalLoss = steps == 0 ? Double.NaN : trainer.train(data, scaling, new Trainer.Settings(loss, steps, lr,
                    lrFinal, batch, horizon, substeps, integrator, adjoint, request.seed(), request.progress()));
            Map<String, Double> diag = new LinkedHashMap<>();
            diag.put("loss", finalLoss);
            diag.put("parameters", (double) trainer.params().size());
            if (field instanceof Fields.Hybrid hy) {
                double[] p = hy.parametersNow();
                for (int i = 0; i < p.length; i++) {
                    diag.put("param." + system.parameterNames().get(i), p[i]);
                }
            }
            return new NeuralForecaster(root, field, trainer.params(), integrator, forecastStep, type, diag, owned);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /** Weights of the last layer near zero too: the correction starts small rather than random. */
    private static double[] scaleLastLayer(double[] v, int outputs, String layers) {
        String[] w = layers.split(",");
        int last = Integer.parseInt(w[w.length - 1].trim());
        int from = v.length - outputs - last * outputs;
        for (int i = from; i < v.length - outputs; i++) {
            v[i] *= 1e-3;
        }
        return v;
    }

    /** Integrates the learned field from the initial states; owns the networks' manager. */
    static final class NeuralForecaster implements Forecaster {
        private final NDManager root;
        private final VectorField field;
        private final Params params;
        private final Integrator integrator;
        private final double step;
        private final DataType type;
        private final Map<String, Double> diagnostics;
        private final Model[] models;

        NeuralForecaster(NDManager root, VectorField field, Params params, Integrator integrator, double step,
                DataType type, Map<String, Double> diagnostics, Model[] models) {
            this.root = root;
            this.field = field;
            this.params = params;
            this.integrator = integrator;
            this.step = step;
            this.type = type;
            this.diagnostics = Map.copyOf(diagnostics);
            this.models = models;
        }

        @Override
        public double[][][] forecast(double[][] initial, double[] times) {
            Solvers.checkTimes(times);
            int b = initial.length, d = field.dimension();
            double[] x = new double[b * d];
            for (int i = 0; i < b; i++) {
                if (initial[i].length != d) {
                    throw new IllegalArgumentException("shape mismatch: initial state " + i + " has length "
                            + initial[i].length + ", the model's dimension is " + d);
                }
                System.arraycopy(initial[i], 0, x, i * d, d);
            }
            double[][][] out = new double[b][times.length][d];
            store(out, x, 0, d);
            for (int t = 1; t < times.length; t++) {
                try (NDManager m = root.newSubManager()) {
                    params.attachTo(m);
                    NDArray xt = m.create(x, new Shape(b, d)).toType(type, false);
                    NDArray next = integrator.solve(field, xt, new double[] {times[t - 1], times[t]}, step).get(1);
                    x = Tensors.toDoubles(next);
                }
                store(out, x, t, d);
            }
            return out;
        }

        private static void store(double[][][] out, double[] x, int t, int d) {
            for (int i = 0; i < out.length; i++) {
                System.arraycopy(x, i * d, out[i][t], 0, d);
            }
        }

        @Override
        public Map<String, Double> diagnostics() {
            return diagnostics;
        }

        @Override
        public VectorField vectorField() {
            return field;
        }

        @Override
        public void close() {
            for (Model m : models) {
                m.close();
            }
            root.close();
        }
    }
}
