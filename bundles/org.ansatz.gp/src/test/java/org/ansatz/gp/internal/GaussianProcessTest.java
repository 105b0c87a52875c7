package org.ansatz.gp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** GP regression against closed forms, finite differences and the dense solve. */
class GaussianProcessTest {

    @Test
    void posteriorOfTwoObservationsIsTheClosedForm() {
        ProductKernel k = new ProductKernel(List.of(new Kernels.Rbf(Math.log(2), Math.log(0.5))));
        double noise = 0.1;
        double[] x = {0.2, 0.9};
        double[] y = {1.0, -0.4};
        GaussianProcess gp = GaussianProcess.fit(k, Math.log(noise), x, y);
        // By hand: mean m = 0.3, centred data, 2x2 inverse.
        double m = 0.3;
        double k11 = 2 + noise;
        double k12 = 2 * Math.exp(-0.49 / 0.5);
        double det = k11 * k11 - k12 * k12;
        double a1 = (k11 * (y[0] - m) - k12 * (y[1] - m)) / det;
        double a2 = (-k12 * (y[0] - m) + k11 * (y[1] - m)) / det;
        double xs = 0.5;
        double ks1 = 2 * Math.exp(-0.09 / 0.5);
        double ks2 = 2 * Math.exp(-0.16 / 0.5);
        double mean = m + ks1 * a1 + ks2 * a2;
        double var = 2 - (k11 * ks1 * ks1 - 2 * k12 * ks1 * ks2 + k11 * ks2 * ks2) / det;
        double[][] p = gp.predict(new double[] {xs});
        assertThat(p[0][0]).isCloseTo(mean, within(1e-13));
        assertThat(p[1][0]).isCloseTo(var, within(1e-13));
        double lml = -0.5 * ((y[0] - m) * a1 + (y[1] - m) * a2) - 0.5 * Math.log(det) - Math.log(2 * Math.PI);
        assertThat(gp.logMarginalLikelihood()).isCloseTo(lml, within(1e-12));
    }

    static double[][] data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = r.nextDouble();
            x[2 * i + 1] = 2 * r.nextDouble();
            y[i] = Math.sin(5 * x[2 * i]) * Math.cos(x[2 * i + 1]) + 0.05 * (r.nextDouble() - 0.5);
        }
        return new double[][] {x, y};
    }

    @Test
    void marginalLikelihoodGradientMatchesFiniteDifferences() {
        double[][] d = data(30, 1);
        ProductKernel k = new ProductKernel(List.of(new Kernels.Matern(5, 0.2, -1.1), new Kernels.Periodic(0, 0.1, 0.3)));
        double ln = Math.log(0.01);
        double[] g = GaussianProcess.fit(k, ln, d[0], d[1]).gradient();
        double[] p = k.parameters();
        for (int i = 0; i <= p.length; i++) {
            double h = 1e-6;
            double up;
            double dn;
            if (i < p.length) {
                double[] a = p.clone();
                double[] b = p.clone();
                a[i] += h;
                b[i] -= h;
                up = GaussianProcess.fit(k.with(a), ln, d[0], d[1]).logMarginalLikelihood();
                dn = GaussianProcess.fit(k.with(b), ln, d[0], d[1]).logMarginalLikelihood();
            } else {
                up = GaussianProcess.fit(k, ln + h, d[0], d[1]).logMarginalLikelihood();
                dn = GaussianProcess.fit(k, ln - h, d[0], d[1]).logMarginalLikelihood();
            }
            double fd = (up - dn) / (2 * h);
            assertThat(g[i]).as("parameter " + i).isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void optimisationRaisesTheMarginalLikelihoodAndPredictsHeldOutPoints() {
        double[][] d = data(150, 2);
        ProductKernel k = new ProductKernel(List.of(new Kernels.Rbf(0, 0), new Kernels.Rbf(0, 0)));
        GaussianProcess start = GaussianProcess.fit(k, Math.log(0.1), d[0], d[1]);
        GaussianProcess best = GaussianProcess.optimize(k, Math.log(0.1), Math.log(1e-8), d[0], d[1], 100);
        assertThat(best.logMarginalLikelihood()).isGreaterThan(start.logMarginalLikelihood() + 10);
        double[][] test = data(50, 3);
        double[][] p = best.predict(test[0]);
        double err = 0;
        double norm = 0;
        for (int i = 0; i < 50; i++) {
            double exact = Math.sin(5 * test[0][2 * i]) * Math.cos(test[0][2 * i + 1]);
            err += (p[0][i] - exact) * (p[0][i] - exact);
            norm += exact * exact;
        }
        assertThat(Math.sqrt(err / norm)).isLessThan(0.05);
        assertThat(Math.sqrt(best.noiseVariance())).isBetween(0.005, 0.05);
    }

    @Test
    void kroneckerSolveAgreesWithTheDenseSolve() {
        double[][] grid = {GpHfmTest.linspace(0, 1, 6), GpHfmTest.linspace(-1, 2, 5), GpHfmTest.linspace(0, 3, 4)};
        ProductKernel k = new ProductKernel(List.of(new Kernels.Matern(5, 0.3, -1), new Kernels.Rbf(-0.2, -0.5),
                new Kernels.Periodic(0, 0, 0.1)));
        int n = 120;
        double[] x = new double[3 * n];
        double[] y = new double[n];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 5; j++) {
                for (int l = 0; l < 4; l++) {
                    int f = (i * 5 + j) * 4 + l;
                    x[3 * f] = grid[0][i];
                    x[3 * f + 1] = grid[1][j];
                    x[3 * f + 2] = grid[2][l];
                    y[f] = r.nextDouble() - 0.5;
                }
            }
        }
        double noise = 0.03;
        KroneckerGp kron = new KroneckerGp(grid, k, noise, y);
        DMatrixRMaj dense = k.matrix(x, x);
        for (int i = 0; i < n; i++) {
            dense.add(i, i, noise);
        }
        Dense.Cholesky c = Dense.cholesky(dense, "K");
        double[] alpha = c.solve(y);
        double[] ka = kron.alpha();
        for (int i = 0; i < n; i++) {
            assertThat(ka[i]).isCloseTo(alpha[i], within(1e-9 * Math.max(1, Math.abs(alpha[i]))));
        }
        double lml = -0.5 * Dense.dot(y, alpha) - 0.5 * c.logDet() - 0.5 * n * Math.log(2 * Math.PI);
        assertThat(kron.logMarginalLikelihood()).isCloseTo(lml, within(1e-9 * Math.abs(lml)));
        double[] mean = kron.meanOnGrid();
        double[] denseMean = Dense.mult(k.matrix(x, x), alpha);
        for (int i = 0; i < n; i++) {
            assertThat(mean[i]).isCloseTo(denseMean[i], within(1e-9));
        }
    }
}
