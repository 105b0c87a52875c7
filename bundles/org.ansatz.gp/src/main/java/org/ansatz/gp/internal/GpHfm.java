package org.ansatz.gp.internal;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * GP-HFM (Fang et al., ICLR 2024): a Gaussian process with a product of spectral-mixture kernels whose
 * values {@code U} on a grid of collocation points carry the solution; derivatives are those of the
 * interpolant {@code k(x, G) K^-1 U}, so along axis {@code a} the operator {@code d^n/dx_a^n} acts on the
 * grid as {@code D_a = K_a^(n) K_a^-1}.
 *
 * <p>The Kronecker structure makes every solve cheap. Per axis, the generalised symmetric eigenproblem
 * {@code K_a^(n) v = s K_a v} gives {@code T_a = K_a^(1/2) P_a} with {@code K_a = T_a T_a^T} and
 * {@code D_a = T_a S_a T_a^-1}. In the coordinates {@code U = (T_1 ⊗ ... ⊗ T_d) Z} the prior is
 * {@code Z ~ N(0, I)} and a constant-coefficient operator {@code L = c_0 + sum_a c_a d^(n_a)/dx_a^(n_a)} is
 * the diagonal {@code Lambda = c_0 + sum_a c_a s_a}. The equation is observed as
 * {@code T^-1 (L U - f) ~ N(0, tau I)} (residuals correlated like the prior), which keeps the posterior
 * diagonal in those coordinates; boundary and other conditions enter by a Woodbury update whose rank is
 * their number of points. Hyperparameters maximise the evidence {@code log p(f | theta)} of the equation's
 * data; mixture weights live in the log domain, so unneeded frequencies are pruned.
 */
final class GpHfm {

    /** One axis: grid, kernel, the derivative order the operator takes along it, and its factors. */
    static final class Axis {
        final double[] grid;
        final Kernel1d kernel;
        final int order;
        final double jitter;
        final DMatrixRMaj gram;
        final DMatrixRMaj tInverse;
        final double[] sigma;
        final double logDetGram;

        /** Only the grid, kernel and jittered Gram matrix (no eigendecompositions): what the 1D evidence gradient needs. */
        static Axis gramOnly(double[] grid, Kernel1d kernel, int order, double jitter) {
            return new Axis(grid, kernel, order, jitter, null);
        }

        private Axis(double[] grid, Kernel1d kernel, int order, double jitter, Void gramOnly) {
            this.grid = grid;
            this.kernel = kernel;
            this.order = order;
            this.jitter = jitter;
            this.gram = matrix(grid, kernel, 0, jitter);
            this.tInverse = null;
            this.sigma = null;
            this.logDetGram = Double.NaN;
        }

        Axis(double[] grid, Kernel1d kernel, int order, double jitter) {
            if (order % 2 != 0) {
                throw new IllegalArgumentException("GP-HFM's Kronecker solver needs even derivative orders along each "
                        + "axis; got order " + order);
            }
            this.grid = grid;
            this.kernel = kernel;
            this.order = order;
            this.jitter = jitter;
            int m = grid.length;
            gram = matrix(grid, kernel, 0, jitter);
            Dense.Eigen ke = Dense.symmetricEigen(gram);
            double[] lk = ke.values();
            double logDet = 0;
            DMatrixRMaj invSqrt = new DMatrixRMaj(m, m);
            for (int k = 0; k < m; k++) {
                if (!(lk[k] > 0)) {
                    throw new IllegalStateException("the kernel matrix along an axis is not positive definite "
                            + "(eigenvalue " + lk[k] + "); raise hfm.jitter");
                }
                logDet += Math.log(lk[k]);
            }
            DMatrixRMaj q = ke.vectors();
            DMatrixRMaj qs = q.copy();
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < m; k++) {
                    qs.unsafe_set(i, k, qs.unsafe_get(i, k) / Math.sqrt(lk[k]));
                }
            }
            org.ejml.dense.row.CommonOps_DDRM.multTransB(qs, q, invSqrt);
            logDetGram = logDet;
            if (order == 0) {
                tInverse = invSqrt;
                sigma = new double[m];
            } else {
                DMatrixRMaj kn = matrix(grid, kernel, order, 0);
                DMatrixRMaj s = Dense.mult(Dense.mult(invSqrt, kn), invSqrt);
                Dense.Eigen se = Dense.symmetricEigen(s);
                sigma = se.values();
                tInverse = Dense.multTransA(se.vectors(), invSqrt);
            }
        }

        /**
         * {@code [k^(n)(g_i - g_j)]}, plus {@code jitter} on the diagonal ({@code -jitter k(0)} when negative). On a uniform grid
         * the matrix is Toeplitz: {@code 2m - 1} kernel evaluations instead of {@code m^2}.
         */
        static DMatrixRMaj matrix(double[] g, Kernel1d kernel, int n, double jitter) {
            int m = g.length;
            DMatrixRMaj k = new DMatrixRMaj(m, m);
            double h = m > 1 ? (g[m - 1] - g[0]) / (m - 1) : 0;
            boolean uniform = true;
            for (int i = 1; i < m && uniform; i++) {
                uniform = Math.abs(g[i] - g[0] - i * h) <= 1e-12 * Math.max(1, Math.abs(g[m - 1]));
            }
            if (uniform) {
                double[] t = new double[2 * m - 1];
                for (int delta = -(m - 1); delta <= m - 1; delta++) {
                    t[delta + m - 1] = kernel.derivative(delta * h, n);
                }
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        k.unsafe_set(i, j, t[i - j + m - 1]);
                    }
                }
            } else {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        k.unsafe_set(i, j, kernel.derivative(g[i] - g[j], n));
                    }
                }
            }
            // A negative jitter is relative to the kernel's own variance k(0) (which learning may change).
            double add = jitter >= 0 ? jitter : -jitter * kernel.value(0);
            for (int i = 0; i < m; i++) {
                k.add(i, i, add);
            }
            return k;
        }

        /** {@code T^-1 [k^(n)(x - g_j)]_j}: the interpolant's n-th derivative at x in Z coordinates. */
        double[] row(double x, int n) {
            double[] k = new double[grid.length];
            for (int j = 0; j < k.length; j++) {
                k[j] = kernel.derivative(x - grid[j], n);
            }
            return Dense.mult(tInverse, k);
        }
    }

    /** A term {@code coefficient * d^(orders) u} of a condition at one point. */
    record Term(int[] orders, double coefficient) {
    }

    /** One linear condition {@code sum terms = target} at a point. */
    record Row(double[] point, List<Term> terms, double target) {
    }

    /** The linear problem on the grid. */
    record Problem(double[][] grid, int[] orders, double[] coefficients, double constant, double[] rhs, List<Row> rows) {
        int[] sizes() {
            int[] s = new int[grid.length];
            for (int a = 0; a < s.length; a++) {
                s[a] = grid[a].length;
            }
            return s;
        }
    }

    private GpHfm() {
    }

    static Axis[] axes(Problem p, List<Kernel1d> kernels, double jitter) {
        Axis[] axes = new Axis[p.grid().length];
        for (int a = 0; a < axes.length; a++) {
            axes[a] = new Axis(p.grid()[a], kernels.get(a), p.orders()[a], jitter);
        }
        return axes;
    }

    /** {@code Lambda}, the operator's eigenvalues in Z coordinates, grid-ordered. */
    static double[] lambda(Problem p, Axis[] axes) {
        int[] sizes = p.sizes();
        double[] out = {p.constant()};
        for (int a = 0; a < axes.length; a++) {
            double[] next = new double[out.length * sizes[a]];
            for (int i = 0; i < out.length; i++) {
                for (int j = 0; j < sizes[a]; j++) {
                    next[i * sizes[a] + j] = out[i] + p.coefficients()[a] * axes[a].sigma[j];
                }
            }
            out = next;
        }
        return out;
    }

    static DMatrixRMaj[] tInverses(Axis[] axes) {
        DMatrixRMaj[] t = new DMatrixRMaj[axes.length];
        for (int a = 0; a < axes.length; a++) {
            t[a] = axes[a].tInverse;
        }
        return t;
    }

    /**
     * Grid nodes where the equation is not imposed: the box's faces along axes the operator
     * differentiates, where the boundary conditions take over (as in collocation, the equation at
     * interior nodes plus the conditions determine the solution; the kernel's one-sided derivatives on
     * the faces would otherwise contradict the data).
     */
    static int[] droppedNodes(Problem p) {
        int[] sizes = p.sizes();
        int n = Kron.size(sizes);
        int d = sizes.length;
        List<Integer> out = new ArrayList<>();
        int[] idx = new int[d];
        for (int k = 0; k < n; k++) {
            int rest = k;
            for (int a = d - 1; a >= 0; a--) {
                idx[a] = rest % sizes[a];
                rest /= sizes[a];
            }
            for (int a = 0; a < d; a++) {
                if (p.orders()[a] > 0 && (idx[a] == 0 || idx[a] == sizes[a] - 1)) {
                    out.add(k);
                    break;
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** {@code F = T^-1 E}: the dropped nodes' unit vectors in Z coordinates, one column each. */
    static DMatrixRMaj droppedColumns(Problem p, Axis[] axes, int[] dropped) {
        int[] sizes = p.sizes();
        int n = Kron.size(sizes);
        int d = sizes.length;
        DMatrixRMaj f = new DMatrixRMaj(n, dropped.length);
        int[] idx = new int[d];
        for (int j = 0; j < dropped.length; j++) {
            int rest = dropped[j];
            for (int a = d - 1; a >= 0; a--) {
                idx[a] = rest % sizes[a];
                rest /= sizes[a];
            }
            double[] col = {1};
            for (int a = 0; a < d; a++) {
                int m = sizes[a];
                double[] next = new double[col.length * m];
                for (int i = 0; i < col.length; i++) {
                    for (int q = 0; q < m; q++) {
                        next[i * m + q] = col[i] * axes[a].tInverse.unsafe_get(q, idx[a]);
                    }
                }
                col = next;
            }
            for (int k = 0; k < n; k++) {
                f.unsafe_set(k, j, col[k]);
            }
        }
        return f;
    }

    /** The evidence a run reports: the interior one in 1D, the full-grid one (what was maximised) above. */
    static double reportedEvidence(Problem p, Axis[] axes, double tau) {
        return axes.length == 1 ? evidence(p, axes, tau) : gridEvidence(p, axes, tau);
    }

    /** {@code log p(f | theta)} with the equation at every grid node: {@code O(N)} given the axes. */
    static double gridEvidence(Problem p, Axis[] axes, double tau) {
        int[] sizes = p.sizes();
        int n = Kron.size(sizes);
        double[] lam = lambda(p, axes);
        double[] ft = Kron.apply(tInverses(axes), sizes, p.rhs());
        double s = 0;
        for (int k = 0; k < n; k++) {
            double v = lam[k] * lam[k] + tau;
            s += ft[k] * ft[k] / v + Math.log(v);
        }
        for (int a = 0; a < axes.length; a++) {
            s += (double) n / sizes[a] * axes[a].logDetGram;
        }
        return -0.5 * s - 0.5 * n * Math.log(2 * Math.PI);
    }

    /**
     * The gradient of {@link #gridEvidence} in the listed kernel parameters of every axis, analytic: the
     * evidence depends on an axis through the generalised eigenpairs {@code K^(n) v = s K v}
     * ({@code V^T K V = I}) and {@code log det K}; first-order perturbation of the eigenpairs turns
     * {@code dL} into {@code sum W^(n) . dK^(n) + W . dK} with two {@code m x m} adjoints per axis, and
     * each parameter then costs {@code O(m)} on the uniform grid (Toeplitz diagonal sums). Nearly
     * degenerate eigenvalue pairs are skipped (their terms cancel in exact arithmetic).
     *
     * @param indices per axis, the parameter indices to differentiate
     */
    static double[][] gridEvidenceGradient(Problem p, Axis[] axes, double tau, int[][] indices) {
        int[] sizes = p.sizes();
        int n = Kron.size(sizes);
        int d = axes.length;
        double[] lam = lambda(p, axes);
        DMatrixRMaj[] tinv = tInverses(axes);
        double[] ft = Kron.apply(tinv, sizes, p.rhs());
        double[] g = new double[n];
        double[] dl = new double[n];
        for (int k = 0; k < n; k++) {
            double v = lam[k] * lam[k] + tau;
            g[k] = -ft[k] / v;
            dl[k] = lam[k] * ft[k] * ft[k] / (v * v) - lam[k] / v;
        }
        double[][] out = new double[d][];
        for (int a = 0; a < d; a++) {
            int m = sizes[a];
            int pre = 1;
            for (int b = 0; b < a; b++) {
                pre *= sizes[b];
            }
            int post = n / (pre * m);
            DMatrixRMaj[] others = tinv.clone();
            others[a] = null;
            double[] fh = Kron.apply(others, sizes, p.rhs());
            double[] dsigma = new double[m];
            DMatrixRMaj e = new DMatrixRMaj(m, m);
            for (int i0 = 0; i0 < pre; i0++) {
                for (int j = 0; j < m; j++) {
                    int base = (i0 * m + j) * post;
                    for (int q = 0; q < post; q++) {
                        dsigma[j] += p.coefficients()[a] * dl[base + q];
                    }
                }
                for (int i = 0; i < m; i++) {
                    int bi = (i0 * m + i) * post;
                    for (int j = 0; j < m; j++) {
                        int bj = (i0 * m + j) * post;
                        double s = 0;
                        for (int q = 0; q < post; q++) {
                            s += fh[bi + q] * g[bj + q];
                        }
                        e.add(i, j, s);
                    }
                }
            }
            Axis ax = axes[a];
            DMatrixRMaj v = new DMatrixRMaj(m, m);
            org.ejml.dense.row.CommonOps_DDRM.transpose(ax.tInverse, v);
            DMatrixRMaj bm = Dense.multTransA(v, e);
            double[] sigma = ax.sigma;
            double scale = 0;
            for (double x : sigma) {
                scale = Math.max(scale, Math.abs(x));
            }
            DMatrixRMaj inner2 = new DMatrixRMaj(m, m);
            DMatrixRMaj innerK = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double f = 0;
                    double gap = sigma[j] - sigma[i];
                    if (i != j && Math.abs(gap) > 1e-12 * Math.max(scale, 1e-300)) {
                        f = bm.get(i, j) / gap;
                    }
                    inner2.set(i, j, f + (i == j ? dsigma[j] : 0));
                    innerK.set(i, j, -f * sigma[j] + (i == j ? -sigma[j] * dsigma[j] - 0.5 * bm.get(j, j) : 0));
                }
            }
            DMatrixRMaj w2 = Dense.multTransB(Dense.mult(v, inner2), v);
            DMatrixRMaj wk = Dense.multTransB(Dense.mult(v, innerK), v);
            DMatrixRMaj kinv = Dense.multTransB(v, v);
            double half = 0.5 * n / m;
            double[] s2 = new double[2 * m - 1];
            double[] sk = new double[2 * m - 1];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    s2[i - j + m - 1] += w2.get(i, j);
                    sk[i - j + m - 1] += wk.get(i, j) - half * kinv.get(i, j);
                }
            }
            double h = (ax.grid[m - 1] - ax.grid[0]) / (m - 1);
            out[a] = new double[indices[a].length];
            for (int t = 0; t < indices[a].length; t++) {
                int q = indices[a][t];
                double sum = 0;
                for (int delta = -(m - 1); delta <= m - 1; delta++) {
                    double r = delta * h;
                    double dk = ax.kernel.parameterDerivative(r, 0, q);
                    if (delta == 0 && ax.jitter < 0) {
                        dk *= 1 - ax.jitter;
                    }
                    sum += sk[delta + m - 1] * dk;
                    if (ax.order > 0) {
                        sum += s2[delta + m - 1] * ax.kernel.parameterDerivative(r, ax.order, q);
                    }
                }
                out[a][t] = sum;
            }
        }
        return out;
    }

    /**
     * {@code log p(f_I | theta)} of the equation data at the nodes where it is imposed, under the prior
     * pushed through the operator: {@code f ~ N(0, T (Lambda^2 + tau) T^T)} on the whole grid,
     * marginalised to the interior by a Schur complement on the dropped nodes.
     */
    static double evidence(Problem p, Axis[] axes, double tau) {
        int[] sizes = p.sizes();
        int n = Kron.size(sizes);
        double[] lam = lambda(p, axes);
        double[] ft = Kron.apply(tInverses(axes), sizes, p.rhs());
        double quad = 0;
        double logDet = 0;
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            double v = lam[k] * lam[k] + tau;
            quad += ft[k] * ft[k] / v;
            logDet += Math.log(v);
            w[k] = ft[k] / v;
        }
        for (int a = 0; a < axes.length; a++) {
            logDet += (double) n / sizes[a] * axes[a].logDetGram;
        }
        int[] dropped = droppedNodes(p);
        if (dropped.length > 0) {
            DMatrixRMaj f = droppedColumns(p, axes, dropped);
            DMatrixRMaj scaled = f.copy();
            for (int k = 0; k < n; k++) {
                double v = lam[k] * lam[k] + tau;
                for (int j = 0; j < dropped.length; j++) {
                    scaled.unsafe_set(k, j, scaled.unsafe_get(k, j) / v);
                }
            }
            DMatrixRMaj omega = Dense.multTransA(f, scaled);
            Dense.Cholesky oc = Dense.cholesky(omega, "the dropped nodes' precision");
            double[] of = Dense.multTransA(f, w);
            quad -= Dense.dot(of, oc.solve(of));
            logDet += oc.logDet();
        }
        int kept = n - dropped.length;
        return -0.5 * quad - 0.5 * logDet - 0.5 * kept * Math.log(2 * Math.PI);
    }

    /**
     * {@link #evidence} and its gradient in the kernel's parameters for a 1D problem, {@code [value,
     * gradient...]}, by the adjoint
     * of {@code Sigma = K' K^-1 K' + tau K} ({@code K' = c K^(n) + c_0 K}) restricted to the interior
     * nodes: one {@code O(m^3)} pass, then {@code O(m)} per parameter from the diagonal sums of the
     * adjoint on the uniform grid.
     */
    static double[] evidenceGradient1d(Problem p, Kernel1d kernel, double jitter, double tau, int[] indices) {
        Axis axis = Axis.gramOnly(p.grid()[0], kernel, p.orders()[0], jitter);
        int m = axis.grid.length;
        double c = p.coefficients()[0];
        double c0 = p.constant();
        DMatrixRMaj k = axis.gram;
        DMatrixRMaj kn = Axis.matrix(axis.grid, axis.kernel, axis.order, 0);
        DMatrixRMaj kp = new DMatrixRMaj(m, m);
        for (int i = 0; i < m * m; i++) {
            kp.data[i] = c * kn.data[i] + c0 * k.data[i];
        }
        Dense.Cholesky kc = Dense.cholesky(k, "the kernel matrix");
        DMatrixRMaj b = kc.solve(kp);
        DMatrixRMaj sigma = Dense.multTransA(kp, b);
        for (int i = 0; i < m * m; i++) {
            sigma.data[i] += tau * k.data[i];
        }
        int lo = 1;
        int hi = m - 1;
        int mi = hi - lo;
        DMatrixRMaj sii = new DMatrixRMaj(mi, mi);
        double[] fi = new double[mi];
        for (int i = 0; i < mi; i++) {
            fi[i] = p.rhs()[lo + i];
            for (int j = 0; j < mi; j++) {
                sii.unsafe_set(i, j, sigma.unsafe_get(lo + i, lo + j));
            }
        }
        Dense.Cholesky sc = Dense.cholesky(sii, "the equation covariance");
        double[] alpha = sc.solve(fi);
        double value = -0.5 * Dense.dot(fi, alpha) - 0.5 * sc.logDet() - 0.5 * mi * Math.log(2 * Math.PI);
        DMatrixRMaj inv = sc.inverse();
        DMatrixRMaj r = new DMatrixRMaj(m, m);
        for (int i = 0; i < mi; i++) {
            for (int j = 0; j < mi; j++) {
                r.unsafe_set(lo + i, lo + j, 0.5 * (alpha[i] * alpha[j] - inv.unsafe_get(i, j)));
            }
        }
        DMatrixRMaj br = Dense.mult(b, r);
        DMatrixRMaj w2 = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                w2.unsafe_set(i, j, br.unsafe_get(i, j) + br.unsafe_get(j, i));
            }
        }
        DMatrixRMaj brb = Dense.multTransB(br, b);
        DMatrixRMaj wk = new DMatrixRMaj(m, m);
        for (int i = 0; i < m * m; i++) {
            wk.data[i] = tau * r.data[i] - brb.data[i] + c0 * w2.data[i];
        }
        // Diagonal sums: on a uniform grid k(g_i - g_j) depends on i - j only.
        double[] s2 = new double[2 * m - 1];
        double[] sk = new double[2 * m - 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                s2[i - j + m - 1] += c * w2.unsafe_get(i, j);
                sk[i - j + m - 1] += wk.unsafe_get(i, j);
            }
        }
        double h = (axis.grid[m - 1] - axis.grid[0]) / (m - 1);
        for (int i = 1; i < m; i++) {
            if (Math.abs(axis.grid[i] - axis.grid[0] - i * h) > 1e-9 * h) {
                throw new IllegalArgumentException("the 1D evidence gradient needs a uniform grid");
            }
        }
        double[] out = new double[indices.length + 1];
        out[0] = value;
        Kernel1d kernel1 = axis.kernel;
        for (int j = 0; j < indices.length; j++) {
            int q = indices[j];
            double g = 0;
            for (int delta = -(m - 1); delta <= m - 1; delta++) {
                double rr = delta * h;
                double dk = kernel1.parameterDerivative(rr, 0, q);
                if (delta == 0 && axis.jitter < 0) {
                    dk *= 1 - axis.jitter;
                }
                double dkn = kernel1.parameterDerivative(rr, axis.order, q);
                g += sk[delta + m - 1] * dk + s2[delta + m - 1] * dkn;
            }
            out[j + 1] = g;
        }
        return out;
    }

    /**
     * The posterior of Z given the equation at the interior nodes and the conditions. With
     * {@code Pi} the projector that removes the dropped nodes' equations ({@code Pi = I - Q Q^T},
     * {@code Q} an orthonormal basis of {@code T^-1 E}), the posterior precision is
     * {@code A = I + Lambda Pi Lambda / tau + C^T C / tau_b}: a diagonal plus a low-rank update of rank
     * (dropped nodes + condition rows), inverted by Woodbury with a small symmetric indefinite system.
     */
    static final class Posterior {
        final Problem problem;
        final Axis[] axes;
        final double tau;
        final double boundaryRatio;
        final double[] z;
        /** {@code D' = tau + Lambda^2}. */
        final double[] d;
        /** {@code V = [Lambda Q, C^T]}, {@code N x r}. */
        final DMatrixRMaj v;
        final int nq;
        final org.ejml.interfaces.linsol.LinearSolverDense<DMatrixRMaj> w;
        final DMatrixRMaj c;

        /**
         * @param boundaryRatio {@code tau / tau_b}: how much firmer the conditions are imposed than the
         *                      equation (both in whitened units)
         */
        Posterior(Problem p, Axis[] axes, double tau, double boundaryRatio) {
            this.problem = p;
            this.axes = axes;
            this.tau = tau;
            this.boundaryRatio = boundaryRatio;
            int[] sizes = p.sizes();
            int n = Kron.size(sizes);
            double[] lam = lambda(p, axes);
            double[] ft = Kron.apply(tInverses(axes), sizes, p.rhs());
            d = new double[n];
            for (int k = 0; k < n; k++) {
                d[k] = tau + lam[k] * lam[k];
            }
            int[] dropped = droppedNodes(p);
            DMatrixRMaj q = new DMatrixRMaj(n, 0);
            if (dropped.length > 0) {
                DMatrixRMaj f = droppedColumns(p, axes, dropped);
                Dense.Eigen he = Dense.symmetricEigen(Dense.multTransA(f, f));
                DMatrixRMaj scaled = he.vectors().copy();
                for (int i = 0; i < scaled.numRows; i++) {
                    for (int j = 0; j < scaled.numCols; j++) {
                        scaled.unsafe_set(i, j, scaled.unsafe_get(i, j) / Math.sqrt(he.values()[j]));
                    }
                }
                q = Dense.mult(f, scaled);
            }
            nq = q.numCols;
            List<Row> rows = p.rows();
            int nb = rows.size();
            long cells = (long) (nb + nq) * n;
            if (cells > 150_000_000L) {
                throw new IllegalArgumentException("GP-HFM: " + nb + " condition points and " + nq + " boundary nodes on a "
                        + "grid of " + n + " points would need " + cells * 16 / (1 << 20) + " MB; use fewer condition "
                        + "points or a coarser grid");
            }
            c = new DMatrixRMaj(nb, n);
            double[] targets = new double[nb];
            for (int i = 0; i < nb; i++) {
                double[] row = conditionRow(rows.get(i));
                System.arraycopy(row, 0, c.data, i * n, n);
                targets[i] = rows.get(i).target();
            }
            int r = nq + nb;
            v = new DMatrixRMaj(n, r);
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < nq; j++) {
                    v.unsafe_set(k, j, lam[k] * q.unsafe_get(k, j));
                }
                for (int j = 0; j < nb; j++) {
                    v.unsafe_set(k, nq + j, c.unsafe_get(j, k));
                }
            }
            // W = S^-1 + V^T D'^-1 V, S = diag(-1 (nq), tau/tau_b (nb)); the first block is formed as
            // -Q^T diag(tau / D') Q to avoid cancelling -I + Q^T diag(Lambda^2 / D') Q.
            DMatrixRMaj vd = v.copy();
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < r; j++) {
                    vd.unsafe_set(k, j, vd.unsafe_get(k, j) / d[k]);
                }
            }
            DMatrixRMaj wm = Dense.multTransA(v, vd);
            if (nq > 0) {
                DMatrixRMaj qs = q.copy();
                for (int k = 0; k < n; k++) {
                    for (int j = 0; j < nq; j++) {
                        qs.unsafe_set(k, j, qs.unsafe_get(k, j) * tau / d[k]);
                    }
                }
                DMatrixRMaj block = Dense.multTransA(q, qs);
                for (int i = 0; i < nq; i++) {
                    for (int j = 0; j < nq; j++) {
                        wm.unsafe_set(i, j, -block.unsafe_get(i, j));
                    }
                }
            }
            for (int j = 0; j < nb; j++) {
                wm.add(nq + j, nq + j, 1 / boundaryRatio);
            }
            w = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.lu(r);
            if (!w.setA(wm.copy())) {
                throw new IllegalStateException("the GP-HFM boundary system is singular");
            }
            // tau A Z = Lambda Pi f~ + (tau / tau_b) C^T g.
            double[] qf = Dense.multTransA(q, ft);
            double[] qqf = Dense.mult(q, qf);
            double[] ct = Dense.multTransA(c, targets);
            double[] b = new double[n];
            for (int k = 0; k < n; k++) {
                b[k] = lam[k] * (ft[k] - qqf[k]) + boundaryRatio * ct[k];
            }
            z = applyScaledInverse(b);
        }

        /** {@code (tau A)^-1 x = D'^-1 x - D'^-1 V W^-1 V^T D'^-1 x}. */
        double[] applyScaledInverse(double[] x) {
            int n = d.length;
            double[] dx = new double[n];
            for (int k = 0; k < n; k++) {
                dx[k] = x[k] / d[k];
            }
            if (v.numCols == 0) {
                return dx;
            }
            DMatrixRMaj y = new DMatrixRMaj(v.numCols, 1);
            w.solve(DMatrixRMaj.wrap(v.numCols, 1, Dense.multTransA(v, dx)), y);
            double[] back = Dense.mult(v, y.data);
            for (int k = 0; k < n; k++) {
                dx[k] -= back[k] / d[k];
            }
            return dx;
        }

        /** The Z-space row of a condition: sum of Kronecker products of per-axis interpolation rows. */
        double[] conditionRow(Row r) {
            int n = d.length;
            double[] out = new double[n];
            for (Term t : r.terms()) {
                double[] v = kroneckerRow(r.point(), t.orders());
                for (int k = 0; k < n; k++) {
                    out[k] += t.coefficient() * v[k];
                }
            }
            return out;
        }

        double[] kroneckerRow(double[] x, int[] orders) {
            double[] out = {1};
            for (int a = 0; a < axes.length; a++) {
                double[] ra = axes[a].row(x[a], orders[a]);
                double[] next = new double[out.length * ra.length];
                for (int i = 0; i < out.length; i++) {
                    for (int j = 0; j < ra.length; j++) {
                        next[i * ra.length + j] = out[i] * ra[j];
                    }
                }
                out = next;
            }
            return out;
        }

        /** The posterior mean of {@code d^(orders) u} at a point. */
        double mean(double[] x, int[] orders) {
            return Dense.dot(kroneckerRow(x, orders), z);
        }

        /** The grid values {@code U = T Z}. */
        double[] gridValues() {
            DMatrixRMaj[] t = new DMatrixRMaj[axes.length];
            for (int a = 0; a < axes.length; a++) {
                // T = K T^-T, since K = T T^T.
                t[a] = Dense.multTransB(axes[a].gram, axes[a].tInverse);
            }
            return Kron.apply(t, problem.sizes(), z);
        }

        /**
         * Predictive variance of u at a point: the posterior variance of the interpolant plus the prior's
         * variance the grid does not explain; without the conditions' Woodbury term when
         * {@code exact} is false (an upper bound, far cheaper on large grids).
         */
        double variance(double[] x, boolean exact) {
            return meanAndVariance(x, exact)[1];
        }

        double[] meanAndVariance(double[] x, boolean exact) {
            double[] phi = kroneckerRow(x, new int[axes.length]);
            double prior = 1;
            for (Axis a : axes) {
                prior *= a.kernel.value(0);
            }
            double explained = Dense.dot(phi, phi);
            double v;
            if (exact) {
                v = tau * Dense.dot(phi, applyScaledInverse(phi));
            } else {
                // Without the low-rank terms: an approximation, reported as such.
                v = 0;
                for (int k = 0; k < phi.length; k++) {
                    v += tau * phi[k] * phi[k] / d[k];
                }
            }
            return new double[] {Dense.dot(phi, z), Math.max(0, prior - explained) + Math.max(0, v)};
        }

    }

    /** Which kernel parameters are learned: none, the mixture weights, weights and frequencies, or all. */
    static boolean[] mask(Kernel1d k, String learn) {
        int n = k.parameters().length;
        boolean[] m = new boolean[n];
        if (!(k instanceof Kernels.SpectralMixture)) {
            java.util.Arrays.fill(m, !"none".equals(learn));
            return m;
        }
        int q = n / 3;
        for (int i = 0; i < n; i++) {
            m[i] = switch (learn) {
                case "none" -> false;
                case "weights" -> i < q;
                case "weights,frequencies" -> i < 2 * q;
                case "all" -> true;
                default -> throw new IllegalArgumentException("hfm.learn must be none, weights, weights,frequencies "
                        + "or all, got '" + learn + "'");
            };
        }
        return m;
    }

    /** The kernels after maximising the evidence, and the evidence reached. */
    record Learned(List<Kernel1d> kernels, double evidence, int iterations) {
    }

    /**
     * Maximises the evidence over the masked kernel parameters with BFGS and analytic gradients: the
     * interior evidence in 1D, the full-grid one in more dimensions.
     */
    static Learned learn(Problem p, List<Kernel1d> kernels, double jitter, double tau, String learn, int iterations,
            Minimizer.Monitor monitor) {
        return learn(p, kernels, jitter, tau, learn, iterations, new double[kernels.size()], monitor);
    }

    /**
     * @param minWidth per axis, the narrowest spectral width (cycles per unit) a mixture component may
     *                 reach; narrower bumps are held at it (0: no bound)
     */
    static Learned learn(Problem p, List<Kernel1d> kernels, double jitter, double tau, String learn, int iterations,
            double[] minWidth, Minimizer.Monitor monitor) {
        int d = kernels.size();
        int n = Kron.size(p.sizes());
        boolean[][] masks = new boolean[d][];
        List<int[]> index = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            masks[a] = mask(kernels.get(a), learn);
            for (int i = 0; i < masks[a].length; i++) {
                if (masks[a][i]) {
                    index.add(new int[] {a, i});
                }
            }
        }
        if (index.isEmpty() || iterations == 0) {
            Axis[] axes = axes(p, kernels, jitter);
            return new Learned(kernels, reportedEvidence(p, axes, tau), 0);
        }
        double[] start = new double[index.size()];
        for (int j = 0; j < start.length; j++) {
            int[] ai = index.get(j);
            start[j] = kernels.get(ai[0]).parameters()[ai[1]];
        }
        boolean[] bounded = new boolean[index.size()];
        double[] floor = new double[index.size()];
        for (int j = 0; j < index.size(); j++) {
            int a = index.get(j)[0];
            Kernel1d k = kernels.get(a);
            int q = k.parameters().length / 3;
            if (k instanceof Kernels.SpectralMixture && index.get(j)[1] >= 2 * q && minWidth[a] > 0) {
                bounded[j] = true;
                floor[j] = Math.log(minWidth[a]);
            }
        }
        java.util.function.Function<double[], List<Kernel1d>> build = theta -> {
            List<Kernel1d> out = new ArrayList<>();
            for (int a = 0; a < d; a++) {
                double[] pa = kernels.get(a).parameters();
                for (int j = 0; j < theta.length; j++) {
                    if (index.get(j)[0] == a) {
                        pa[index.get(j)[1]] = bounded[j] ? Math.max(floor[j], theta[j]) : theta[j];
                    }
                }
                out.add(kernels.get(a).with(pa));
            }
            return out;
        };
        java.util.function.Function<double[], Minimizer.Evaluation> objective = theta -> {
            List<Kernel1d> ks = build.apply(theta);
            double[] grad = new double[theta.length];
            if (d == 1) {
                double[] full;
                int[] which = index.stream().mapToInt(ai -> ai[1]).toArray();
                try {
                    full = evidenceGradient1d(p, ks.get(0), jitter, tau, which);
                } catch (IllegalStateException e) {
                    return new Minimizer.Evaluation(Double.POSITIVE_INFINITY, grad);
                }
                for (int j = 0; j < theta.length; j++) {
                    grad[j] = bounded[j] && theta[j] <= floor[j] ? Math.min(0, -full[1 + j] / n) : -full[1 + j] / n;
                }
                return new Minimizer.Evaluation(-full[0] / n, grad);
            }
            // In more dimensions the full-grid evidence (equation at every node) stands in for the
            // interior one: its gradient costs O(N m) against O(N b^2) for the Schur complement over b
            // boundary nodes.
            Axis[] axes;
            double value;
            try {
                axes = axes(p, ks, jitter);
                value = -gridEvidence(p, axes, tau) / n;
            } catch (IllegalStateException e) {
                return new Minimizer.Evaluation(Double.POSITIVE_INFINITY, grad);
            }
            int[][] which = new int[d][];
            for (int a = 0; a < d; a++) {
                int aa = a;
                which[a] = index.stream().filter(ai -> ai[0] == aa).mapToInt(ai -> ai[1]).toArray();
            }
            double[][] full = gridEvidenceGradient(p, axes, tau, which);
            int[] next = new int[d];
            for (int j = 0; j < theta.length; j++) {
                int a = index.get(j)[0];
                double gj = -full[a][next[a]++] / n;
                grad[j] = bounded[j] && theta[j] <= floor[j] ? Math.min(0, gj) : gj;
            }
            return new Minimizer.Evaluation(value, grad);
        };
        Minimizer.Result r = Minimizer.minimize(objective, start, iterations, 1e-9, monitor);
        List<Kernel1d> best = build.apply(r.x());
        return new Learned(best, reportedEvidence(p, axes(p, best, jitter), tau), r.iterations());
    }
}
