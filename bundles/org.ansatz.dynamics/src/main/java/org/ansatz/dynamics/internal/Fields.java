package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.JetModel;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.model.Model;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.VectorField;

/** The learnable vector fields: plain network, Hamiltonian, Lagrangian, and known physics plus network. */
final class Fields {

    private Fields() {
    }

    static NDArray constant(NDManager m, double[] v, DataType type) {
        return m.create(v).toType(type, false);
    }

    /**
     * {@code NDArrays.concat} of a one-element list, measured with DJL 0.36, returns a tensor cut
     * from the autograd graph (backward then fails with "does not require grad"): one element is
     * returned as it is.
     */
    static NDArray cat(NDList parts, int axis) {
        return parts.size() == 1 ? parts.head() : NDArrays.concat(parts, axis);
    }

    /** {@code NDArrays.stack}, with the one-element case kept in the graph (see {@link #cat}). */
    static NDArray stack(NDList parts, int axis) {
        return parts.size() == 1 ? parts.head().expandDims(axis) : NDArrays.stack(parts, axis);
    }

    static JetModel jets(Model model, String learner) {
        if (!(model instanceof JetModel j)) {
            throw new IllegalArgumentException(learner + " needs input derivatives of its network, but model "
                    + model.getClass().getSimpleName() + " has no Taylor-mode (jet) rules; use model=mlp");
        }
        return j;
    }

    /** First derivatives of a scalar jet model's output with respect to all inputs, {@code [n, d]}. */
    static NDArray inputGradient(JetModel model, NDArray x, DerivativePlan plan) {
        Jet out = model.forward(Jet.input(x, plan));
        NDArray data = out.data();
        int d = plan.inputs();
        NDList cols = new NDList();
        for (int i = 0; i < d; i++) {
            cols.add(data.get(plan.indexOf(MultiIndex.of(i))));
        }
        // Each stream is [n, 1]: side by side they form the gradient.
        return cat(cols, 1);
    }

    static DerivativePlan firstOrder(int d) {
        List<MultiIndex> m = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            m.add(MultiIndex.of(i));
        }
        return DerivativePlan.of(d, m);
    }

    /** {@code f(x) = rateStd * net((x - mean) / std)}: the unstructured neural ODE. */
    static final class Neural implements VectorField {
        private final Model net;
        private final NDArray mean, std, rate;

        Neural(Model net, Scaling s, NDManager constants, DataType type) {
            this.net = net;
            this.mean = constant(constants, s.mean(), type);
            this.std = constant(constants, s.std(), type);
            this.rate = constant(constants, s.rateStd(), type);
        }

        @Override
        public int dimension() {
            return net.spec().inputs();
        }

        @Override
        public NDArray apply(double t, NDArray x) {
            return net.forward(x.sub(mean).div(std)).mul(rate);
        }

        @Override
        public NDList parameters() {
            return net.parameters();
        }
    }

    /**
     * Hamiltonian network: {@code H = h * net(x_hat)} (or {@code h * (V(q_hat) + T(p_hat))} when
     * separable) and the field is its symplectic gradient {@code (dH/dp, -dH/dq)}, computed exactly by
     * Taylor mode, so the learned flow conserves the learned {@code H}.
     */
    static final class Hamiltonian implements VectorField {
        private final Model net;
        private final Model kinetic;
        private final JetModel jets, kineticJets;
        private final int n;
        private final NDArray mean, std, factor;
        private final DerivativePlan plan;
        private final double hScale;

        /**
         * @param net     H over all 2n inputs, or V(q) when {@code kinetic} is given
         * @param kinetic T(p), or {@code null} for a general H(q, p)
         */
        Hamiltonian(Model net, Model kinetic, Scaling s, NDManager constants, DataType type) {
            int d = s.std().length;
            if (d % 2 != 0) {
                throw new IllegalArgumentException("a Hamiltonian network needs a canonical state (q, p) of even "
                        + "dimension, got " + d);
            }
            this.n = d / 2;
            this.net = net;
            this.kinetic = kinetic;
            this.jets = jets(net, "hnn");
            this.kineticJets = kinetic == null ? null : jets(kinetic, "hnn");
            // A learned energy of the size position-scale times rate-scale keeps the network's output O(1).
            double h = 0;
            for (int j = 0; j < n; j++) {
                h += s.std()[j] * s.rateStd()[n + j] + s.std()[n + j] * s.rateStd()[j];
            }
            this.hScale = h / d;
            double[] f = new double[d];
            for (int j = 0; j < n; j++) {
                f[j] = hScale / s.std()[n + j];
                f[n + j] = -hScale / s.std()[j];
            }
            this.mean = constant(constants, s.mean(), type);
            this.std = constant(constants, s.std(), type);
            this.factor = constant(constants, f, type);
            this.plan = firstOrder(kinetic == null ? d : n);
        }

        @Override
        public int dimension() {
            return 2 * n;
        }

        @Override
        public NDArray apply(double t, NDArray x) {
            NDArray xh = x.sub(mean).div(std);
            NDArray gq, gp;
            if (kinetic == null) {
                NDArray g = inputGradient(jets, xh, plan);
                gq = g.get(":, 0:" + n);
                gp = g.get(":, " + n + ":");
            } else {
                gq = inputGradient(jets, xh.get(":, 0:" + n), plan);
                gp = inputGradient(kineticJets, xh.get(":, " + n + ":"), plan);
            }
            return gp.concat(gq, 1).mul(factor);
        }

        /** The learned energy at {@code x}, {@code [batch]}. */
        NDArray energy(NDArray x) {
            NDArray xh = x.sub(mean).div(std);
            NDArray h = kinetic == null ? net.forward(xh)
                    : net.forward(xh.get(":, 0:" + n)).add(kinetic.forward(xh.get(":, " + n + ":")));
            return h.squeeze(1).mul(Tensors.scalar(h, hScale));
        }

        @Override
        public NDList parameters() {
            NDList p = new NDList(net.parameters());
            if (kinetic != null) {
                p.addAll(kinetic.parameters());
            }
            return p;
        }
    }

    /**
     * Lagrangian network over {@code (q, qdot)}: accelerations from the Euler-Lagrange equations,
     * {@code qddot = (d2L/dqdot2)^-1 (dL/dq - d2L/(dqdot dq) qdot)}, with every derivative of the
     * network taken exactly by Taylor mode. {@code L = prior * |qdot_hat|^2 / 2 + net(x_hat)}: with a
     * random network alone the mass matrix {@code d2L/dqdot2} starts indefinite or near singular,
     * accelerations explode where it vanishes and training stalls (measured: loss stuck at 33 on the
     * pendulum); the quadratic prior starts from a positive mass matrix that the network then
     * reshapes. The Euler-Lagrange flow does not depend on the scale of {@code L}.
     */
    static final class Lagrangian implements VectorField {
        private final Model net;
        private final JetModel jets;
        private final int n;
        private final NDArray mean, std;
        private final double[] s;
        private final DerivativePlan plan;
        private final double regularization;

        private final double prior;

        Lagrangian(Model net, Scaling scaling, double prior, double regularization, NDManager constants, DataType type) {
            int d = scaling.std().length;
            if (d % 2 != 0) {
                throw new IllegalArgumentException("a Lagrangian network needs a state (q, qdot) of even dimension, got "
                        + d);
            }
            this.n = d / 2;
            this.net = net;
            this.jets = jets(net, "lnn");
            this.s = scaling.std().clone();
            this.regularization = regularization;
            this.prior = prior;
            this.mean = constant(constants, scaling.mean(), type);
            this.std = constant(constants, scaling.std(), type);
            List<MultiIndex> req = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                req.add(MultiIndex.of(i));
                for (int j = 0; j < n; j++) {
                    req.add(MultiIndex.of(n + i, n + j));
                    req.add(MultiIndex.of(j, n + i));
                }
            }
            this.plan = DerivativePlan.of(d, req);
        }

        @Override
        public int dimension() {
            return 2 * n;
        }

        @Override
        public NDArray apply(double t, NDArray x) {
            Jet out = jets.forward(Jet.input(x.sub(mean).div(std), plan));
            NDArray data = out.data();
            NDArray qdot = x.get(":, " + n + ":");
            // Derivatives in physical units: one factor 1/std per differentiated input.
            NDList gq = new NDList();
            NDList rows = new NDList();
            NDList mixedRows = new NDList();
            for (int i = 0; i < n; i++) {
                gq.add(data.get(plan.indexOf(MultiIndex.of(i))).mul(Tensors.scalar(x, 1 / s[i])));
                NDList row = new NDList();
                NDList mrow = new NDList();
                for (int j = 0; j < n; j++) {
                    double reg = i == j ? regularization + prior / (s[n + i] * s[n + i]) : 0;
                    NDArray mij = data.get(plan.indexOf(MultiIndex.of(n + i, n + j)))
                            .mul(Tensors.scalar(x, 1 / (s[n + i] * s[n + j])));
                    row.add(reg == 0 ? mij : mij.add(Tensors.scalar(x, reg)));
                    mrow.add(data.get(plan.indexOf(MultiIndex.of(j, n + i))).mul(Tensors.scalar(x, 1 / (s[j] * s[n + i]))));
                }
                rows.add(cat(row, 1));
                mixedRows.add(cat(mrow, 1));
            }
            NDArray grad = cat(gq, 1);                                 // [b, n]
            NDArray mass = stack(rows, 1);                               // [b, n, n]
            NDArray mixed = stack(mixedRows, 1);                         // [b, n, n], (i, j) = d2L/dqdot_i dq_j
            NDArray rhs = grad.sub(mixed.batchMatMul(qdot.expandDims(2)).squeeze(2));
            NDArray acc = n == 1 ? rhs.div(mass.squeeze(2))
                    : mass.inverse().batchMatMul(rhs.expandDims(2)).squeeze(2);
            return qdot.concat(acc, 1);
        }

        @Override
        public NDList parameters() {
            return net.parameters();
        }
    }

    /**
     * Known physics with learnable rate parameters plus an optional network source term (PNODE
     * style): {@code f(x) = system(x; theta0 * (1 + phi)) + rateStd * net(x_hat)}. Parameters are
     * learned as relative corrections {@code phi}, so one learning rate suits all their magnitudes.
     */
    static final class Hybrid implements VectorField {
        private final DynamicalSystem system;
        private final NDArray guess;
        private final NDArray phi;
        private final Neural correction;

        Hybrid(DynamicalSystem system, double[] guess, Neural correction, NDManager owner, DataType type) {
            this.system = system;
            this.guess = constant(owner, guess, type);
            this.phi = owner.zeros(new Shape(guess.length), type);
            this.phi.setRequiresGradient(true);
            this.correction = correction;
        }

        @Override
        public int dimension() {
            return system.dimension();
        }

        @Override
        public NDArray apply(double t, NDArray x) {
            // phi first: results live in phi's manager, which training and forecasting scope per step.
            NDArray theta = phi.add(Tensors.scalar(phi, 1)).mul(guess);
            NDArray f = system.derivative(x, theta);
            return correction == null ? f : f.add(correction.apply(t, x));
        }

        double[] parametersNow() {
            double[] g = Tensors.toDoubles(guess);
            double[] p = Tensors.toDoubles(phi);
            for (int i = 0; i < g.length; i++) {
                g[i] *= 1 + p[i];
            }
            return g;
        }

        @Override
        public NDList parameters() {
            NDList p = new NDList(phi);
            if (correction != null) {
                p.addAll(correction.parameters());
            }
            return p;
        }
    }
}
