package org.ansatz.gp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** GP-HFM's Kronecker machinery against dense linear algebra and finite differences. */
class GpHfmTest {

    static double[] linspace(double lo, double hi, int m) {
        double[] g = new double[m];
        for (int i = 0; i < m; i++) {
            g[i] = lo + (hi - lo) * i / (m - 1);
        }
        return g;
    }

    /** A small 2D Poisson-type problem {@code u_xx + 0.7 u_yy - 0.3 u = f} with random data. */
    static GpHfm.Problem problem2d(int mx, int my, int conditions) {
        double[][] grid = {linspace(0, 1, mx), linspace(0, 2, my)};
        SplittableRandom r = new SplittableRandom(4);
        double[] f = new double[mx * my];
        for (int i = 0; i < f.length; i++) {
            f[i] = r.nextDouble() - 0.5;
        }
        List<GpHfm.Row> rows = new ArrayList<>();
        for (int i = 0; i < conditions; i++) {
            double[] x = {r.nextDouble(), 2 * r.nextDouble()};
            if (i % 2 == 0) {
                x[0] = i % 4 == 0 ? 0 : 1;
            } else {
                x[1] = i % 4 == 1 ? 0 : 2;
            }
            List<GpHfm.Term> terms = i % 3 == 0
                    ? List.of(new GpHfm.Term(new int[] {0, 0}, 1), new GpHfm.Term(new int[] {1, 0}, 0.5))
                    : List.of(new GpHfm.Term(new int[] {0, 0}, 1));
            rows.add(new GpHfm.Row(x, terms, r.nextDouble()));
        }
        return new GpHfm.Problem(grid, new int[] {2, 2}, new double[] {1, 0.7}, -0.3, f, rows);
    }

    static List<Kernel1d> kernels() {
        return List.of(
                new Kernels.SpectralMixture(true, new double[] {-0.5, -1.5}, new double[] {0.3, 1.4},
                        new double[] {-0.4, -0.9}),
                new Kernels.SpectralMixture(false, new double[] {-0.2, -1.0}, new double[] {0.1, 0.8},
                        new double[] {-0.7, -0.5}));
    }

    @Test
    void kroneckerPosteriorAgreesWithTheDenseSolve() {
        GpHfm.Problem p = problem2d(7, 6, 10);
        double jitter = 1e-4;
        double tau = 1e-3;
        double ratio = 2.0;
        GpHfm.Axis[] axes = GpHfm.axes(p, kernels(), jitter);
        GpHfm.Posterior post = new GpHfm.Posterior(p, axes, tau, ratio);
        double[] fast = post.gridValues();

        // Dense: minimise 1/2 U^T K^-1 U + 1/(2 tau) r^T P r + ratio/(2 tau) |B U - g|^2, r = M U - f, where
        // P = K^-1 - K^-1 E (E^T K^-1 E)^-1 E^T K^-1 drops the face nodes' equations.
        int n = 42;
        DMatrixRMaj[] k = new DMatrixRMaj[2];
        DMatrixRMaj[] dd = new DMatrixRMaj[2];
        for (int a = 0; a < 2; a++) {
            k[a] = GpHfm.Axis.matrix(p.grid()[a], kernels().get(a), 0, jitter);
            DMatrixRMaj k2 = GpHfm.Axis.matrix(p.grid()[a], kernels().get(a), 2, 0);
            DMatrixRMaj inv = k[a].copy();
            CommonOps_DDRM.invert(inv);
            dd[a] = Dense.mult(k2, inv);
        }
        DMatrixRMaj kk = Kron.dense(k);
        DMatrixRMaj kinv = kk.copy();
        CommonOps_DDRM.invert(kinv);
        DMatrixRMaj m = Kron.dense(new DMatrixRMaj[] {dd[0], CommonOps_DDRM.identity(6)});
        CommonOps_DDRM.addEquals(m, 0.7, Kron.dense(new DMatrixRMaj[] {CommonOps_DDRM.identity(7), dd[1]}));
        CommonOps_DDRM.addEquals(m, -0.3, CommonOps_DDRM.identity(n));
        int[] dropped = GpHfm.droppedNodes(p);
        DMatrixRMaj e = new DMatrixRMaj(n, dropped.length);
        for (int j = 0; j < dropped.length; j++) {
            e.set(dropped[j], j, 1);
        }
        DMatrixRMaj ke = Dense.mult(kinv, e);
        DMatrixRMaj h = Dense.multTransA(e, ke);
        CommonOps_DDRM.invert(h);
        DMatrixRMaj prec = kinv.copy();
        CommonOps_DDRM.subtractEquals(prec, Dense.multTransB(Dense.mult(ke, h), ke));
        DMatrixRMaj b = new DMatrixRMaj(p.rows().size(), n);
        double[] g = new double[p.rows().size()];
        for (int i = 0; i < g.length; i++) {
            GpHfm.Row row = p.rows().get(i);
            for (GpHfm.Term t : row.terms()) {
                double[] rx = kernelRow(p.grid()[0], kernels().get(0), row.point()[0], t.orders()[0], k[0]);
                double[] ry = kernelRow(p.grid()[1], kernels().get(1), row.point()[1], t.orders()[1], k[1]);
                for (int ix = 0; ix < 7; ix++) {
                    for (int iy = 0; iy < 6; iy++) {
                        b.add(i, ix * 6 + iy, t.coefficient() * rx[ix] * ry[iy]);
                    }
                }
            }
            g[i] = row.target();
        }
        DMatrixRMaj a = kinv.copy();
        DMatrixRMaj mp = Dense.multTransA(m, prec);
        CommonOps_DDRM.addEquals(a, 1 / tau, Dense.mult(mp, m));
        CommonOps_DDRM.addEquals(a, ratio / tau, Dense.multTransA(b, b));
        double[] rhs = Dense.mult(mp, p.rhs());
        double[] bg = Dense.multTransA(b, g);
        for (int i = 0; i < n; i++) {
            rhs[i] = rhs[i] / tau + ratio / tau * bg[i];
        }
        DMatrixRMaj u = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.solve(a, DMatrixRMaj.wrap(n, 1, rhs), u);
        double err = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            err = Math.max(err, Math.abs(fast[i] - u.get(i)));
            norm = Math.max(norm, Math.abs(u.get(i)));
        }
        assertThat(norm).isGreaterThan(1e-2);
        assertThat(err / norm).isLessThan(1e-6);
        // The interpolant k(x, G) K^-1 U at an off-grid point, densely.
        double[] x = {0.37, 1.21};
        double[] alpha = Dense.mult(kinv, fast);
        double expect = 0;
        for (int ix = 0; ix < 7; ix++) {
            for (int iy = 0; iy < 6; iy++) {
                expect += kernels().get(0).value(x[0] - p.grid()[0][ix]) * kernels().get(1).value(x[1] - p.grid()[1][iy])
                        * alpha[ix * 6 + iy];
            }
        }
        assertThat(post.mean(x, new int[2])).isCloseTo(expect, org.assertj.core.api.Assertions.within(1e-7 * norm));
    }

    /** {@code k^(n)(x - g) K^-1}: the interpolation row of a derivative. */
    static double[] kernelRow(double[] grid, Kernel1d k, double x, int order, DMatrixRMaj gram) {
        double[] v = new double[grid.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = k.derivative(x - grid[j], order);
        }
        DMatrixRMaj inv = gram.copy();
        CommonOps_DDRM.invert(inv);
        return Dense.multTransA(inv, v);
    }

    @Test
    void gridEvidenceGradientMatchesFiniteDifferences() {
        GpHfm.Problem p = problem2d(9, 8, 4);
        List<Kernel1d> ks = kernels();
        double jitter = 1e-5;
        double tau = 1e-2;
        GpHfm.Axis[] axes = GpHfm.axes(p, ks, jitter);
        int[][] all = {{0, 1, 2, 3, 4, 5}, {0, 1, 2, 3, 4, 5}};
        double[][] grad = GpHfm.gridEvidenceGradient(p, axes, tau, all);
        double worst = 0;
        double scale = 0;
        for (int a = 0; a < 2; a++) {
            for (int q = 0; q < 6; q++) {
                double h = 1e-6;
                double[] up = ks.get(a).parameters();
                double[] dn = up.clone();
                up[q] += h;
                dn[q] -= h;
                GpHfm.Axis[] au = axes.clone();
                GpHfm.Axis[] ad = axes.clone();
                au[a] = new GpHfm.Axis(p.grid()[a], ks.get(a).with(up), 2, jitter);
                ad[a] = new GpHfm.Axis(p.grid()[a], ks.get(a).with(dn), 2, jitter);
                double fd = (GpHfm.gridEvidence(p, au, tau) - GpHfm.gridEvidence(p, ad, tau)) / (2 * h);
                worst = Math.max(worst, Math.abs(fd - grad[a][q]));
                scale = Math.max(scale, Math.abs(fd));
            }
        }
        assertThat(scale).isGreaterThan(1e-3);
        assertThat(worst / scale).isLessThan(1e-5);
    }

    @Test
    void oneDimensionalEvidenceAndGradientAgreeWithTheEigenFormAndFiniteDifferences() {
        double[] grid = linspace(0, 2, 25);
        SplittableRandom r = new SplittableRandom(9);
        double[] f = new double[25];
        for (int i = 0; i < 25; i++) {
            f[i] = Math.sin(3 * grid[i]) + 0.1 * (r.nextDouble() - 0.5);
        }
        GpHfm.Problem p = new GpHfm.Problem(new double[][] {grid}, new int[] {2}, new double[] {1.3}, 0.4, f, List.of());
        Kernel1d k = kernels().get(0);
        double jitter = 1e-5;
        double tau = 1e-2;
        int[] all = {0, 1, 2, 3, 4, 5};
        double[] vg = GpHfm.evidenceGradient1d(p, k, jitter, tau, all);
        double eigen = GpHfm.evidence(p, GpHfm.axes(p, List.of(k), jitter), tau);
        assertThat(vg[0]).isCloseTo(eigen, org.assertj.core.api.Assertions.within(1e-7 * Math.abs(eigen)));
        for (int q : all) {
            double h = 1e-6;
            double[] up = k.parameters();
            double[] dn = up.clone();
            up[q] += h;
            dn[q] -= h;
            double fd = (GpHfm.evidence(p, GpHfm.axes(p, List.of(k.with(up)), jitter), tau)
                    - GpHfm.evidence(p, GpHfm.axes(p, List.of(k.with(dn)), jitter), tau)) / (2 * h);
            assertThat(vg[1 + q]).as("parameter " + q).isCloseTo(fd, org.assertj.core.api.Assertions.within(
                    1e-5 * Math.max(1, Math.abs(fd))));
        }
    }
}
