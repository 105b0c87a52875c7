package org.ansatz.discovery.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Sparse regressions {@code y ~ Theta xi}: sequentially thresholded least squares (STLSQ), sparse
 * relaxed regularised regression (SR3), bagging ensembles and sparse Bayesian learning (RVM / ARD).
 * Columns are scaled to unit RMS internally for conditioning; thresholds apply to the coefficients
 * in the data's own units, as in PySINDy.
 */
final class Regression {

    private Regression() {
    }

    static int[] support(double[] xi) {
        return java.util.stream.IntStream.range(0, xi.length).filter(i -> xi[i] != 0).toArray();
    }

    static double[] columnScales(Mat a) {
        double[] s = new double[a.cols];
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) {
                double v = a.get(i, j);
                s[j] += v * v;
            }
        }
        for (int j = 0; j < a.cols; j++) {
            s[j] = Math.sqrt(s[j] / a.rows);
            if (!(s[j] > 0)) {
                s[j] = 1;
            }
        }
        return s;
    }

    static Mat scaled(Mat a, double[] s) {
        Mat m = new Mat(a.rows, a.cols);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) {
                m.data[i * a.cols + j] = a.data[i * a.cols + j] / s[j];
            }
        }
        return m;
    }

    /**
     * STLSQ (Brunton et al. 2016): least squares, zero the coefficients below {@code threshold},
     * refit on the rest, until the support is stable.
     */
    static double[] stlsq(Mat a, double[] y, double threshold, double ridge, int maxIter) {
        double[] s = columnScales(a);
        Mat as = scaled(a, s);
        int p = a.cols;
        int[] active = java.util.stream.IntStream.range(0, p).toArray();
        double[] xi = new double[p];
        for (int it = 0; it <= maxIter; it++) {
            double[] sol = Linalg.solve(as, y, active, ridge * as.rows);
            Arrays.fill(xi, 0);
            List<Integer> keep = new ArrayList<>();
            for (int k = 0; k < active.length; k++) {
                double c = sol[k] / s[active[k]];
                xi[active[k]] = c;
                if (Math.abs(c) >= threshold) {
                    keep.add(active[k]);
                }
            }
            if (keep.size() == active.length) {
                break;
            }
            active = keep.stream().mapToInt(Integer::intValue).toArray();
            if (active.length == 0) {
                Arrays.fill(xi, 0);
                break;
            }
            if (it == maxIter) {
                // last pass: refit on the thresholded support
                double[] r = Linalg.solve(as, y, active, ridge * as.rows);
                Arrays.fill(xi, 0);
                for (int k = 0; k < active.length; k++) {
                    xi[active[k]] = r[k] / s[active[k]];
                }
            }
        }
        return xi;
    }

    /**
     * SR3 (Zheng et al. 2019; Champion et al. 2020): alternates a ridge-like solve for the relaxed
     * coefficients and a proximal step (hard threshold for L0, soft for L1), then refits the
     * support without bias.
     *
     * @param threshold the coefficient size below which terms are dropped (L0), or the shrinkage (L1)
     * @param nu        relaxation: smaller couples the two coefficient vectors more tightly
     */
    static double[] sr3(Mat a, double[] y, double threshold, double nu, boolean l1, int maxIter, double tol) {
        double[] s = columnScales(a);
        Mat as = scaled(a, s);
        int p = a.cols;
        // The sum-of-squares objective, as in PySINDy: 1/nu is small against the Gram matrix of many
        // samples, so that the relaxed coefficients are not shrunk below the threshold.
        DMatrixRMaj g = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multInner(as.ejml(), g);
        for (int j = 0; j < p; j++) {
            g.add(j, j, 1 / nu);
        }
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(p);
        if (!chol.setA(g)) {
            throw new IllegalArgumentException("SR3 system is not positive definite; raise nu's inverse or check the library");
        }
        double[] aty = as.transposeTimes(y);
        double[] w = new double[p];
        DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
        DMatrixRMaj xi = new DMatrixRMaj(p, 1);
        for (int it = 0; it < maxIter; it++) {
            for (int j = 0; j < p; j++) {
                rhs.data[j] = aty[j] + w[j] / nu;
            }
            chol.solve(rhs, xi);
            double change = 0;
            double norm = 0;
            for (int j = 0; j < p; j++) {
                // thresholds act on coefficients in data units
                double raw = xi.data[j] / s[j];
                double next;
                if (l1) {
                    double shrink = threshold;
                    next = Math.signum(raw) * Math.max(0, Math.abs(raw) - shrink);
                } else {
                    next = Math.abs(raw) < threshold ? 0 : raw;
                }
                next *= s[j];
                change += (next - w[j]) * (next - w[j]);
                norm += next * next;
                w[j] = next;
            }
            if (it > 0 && change <= tol * tol * (norm + 1e-300)) {
                break;
            }
        }
        int[] sup = support(w);
        double[] out = new double[p];
        if (sup.length > 0) {
            double[] r = Linalg.solve(as, y, sup, 0);
            for (int k = 0; k < sup.length; k++) {
                out[sup[k]] = r[k] / s[sup[k]];
            }
        }
        return out;
    }

    /**
     * Standard errors of the least-squares coefficients on the support, with the residual variance
     * inflated for serial correlation: time series residuals (from smoothed derivatives or
     * overlapping weak-form windows) are far from independent, and the plain formula would claim
     * an accuracy the data do not hold. The inflation uses the AR(1) effective sample size.
     */
    static double[] standardErrors(Mat a, double[] y, double[] xi) {
        int[] sup = support(xi);
        double[] se = new double[xi.length];
        Arrays.fill(se, Double.NaN);
        int n = a.rows;
        if (sup.length == 0 || n <= sup.length) {
            return se;
        }
        double[] pred = a.times(xi);
        double[] r = new double[n];
        double rss = 0;
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - pred[i];
            rss += r[i] * r[i];
        }
        double sigma2 = rss / (n - sup.length) * autocorrelationInflation(r);
        DMatrixRMaj cov = Linalg.inverseSpd(Linalg.gram(a, sup));
        for (int k = 0; k < sup.length; k++) {
            se[sup[k]] = Math.sqrt(Math.max(0, sigma2 * cov.get(k, k)));
        }
        for (int j = 0; j < xi.length; j++) {
            if (xi[j] == 0) {
                se[j] = 0;
            }
        }
        return se;
    }

    /** {@code n / n_eff} for residuals with lag-one autocorrelation rho: {@code (1 + rho) / (1 - rho)}. */
    /**
     * Backward elimination by significance: while some term's |coefficient| is below
     * {@code tStat} standard errors, drop the least significant one and refit. Removes terms the
     * data cannot tell from zero, which thresholds alone keep when noise inflates them.
     */
    static double[] prune(Mat a, double[] y, double[] xi, double tStat) {
        double[] cur = xi.clone();
        while (tStat > 0) {
            double[] se = standardErrors(a, y, cur);
            int worst = -1;
            double worstT = tStat;
            for (int j = 0; j < cur.length; j++) {
                if (cur[j] != 0 && se[j] > 0) {
                    double t = Math.abs(cur[j]) / se[j];
                    if (t < worstT) {
                        worstT = t;
                        worst = j;
                    }
                }
            }
            if (worst < 0) {
                break;
            }
            int[] sup = support(cur);
            final int drop = worst;
            sup = java.util.Arrays.stream(sup).filter(j -> j != drop).toArray();
            java.util.Arrays.fill(cur, 0);
            if (sup.length == 0) {
                break;
            }
            double[] s = columnScales(a);
            double[] r = Linalg.solve(scaled(a, s), y, sup, 0);
            for (int k = 0; k < sup.length; k++) {
                cur[sup[k]] = r[k] / s[sup[k]];
            }
        }
        return cur;
    }

    static double autocorrelationInflation(double[] r) {
        double c0 = 0;
        double c1 = 0;
        for (int i = 0; i < r.length; i++) {
            c0 += r[i] * r[i];
            if (i > 0) {
                c1 += r[i] * r[i - 1];
            }
        }
        if (!(c0 > 0)) {
            return 1;
        }
        double rho = Math.max(0, Math.min(0.999, c1 / c0));
        return (1 + rho) / (1 - rho);
    }

    static double r2(Mat a, double[] y, double[] xi) {
        double[] pred = a.times(xi);
        double mean = Arrays.stream(y).average().orElse(0);
        double rss = 0;
        double tss = 0;
        for (int i = 0; i < y.length; i++) {
            rss += (y[i] - pred[i]) * (y[i] - pred[i]);
            tss += (y[i] - mean) * (y[i] - mean);
        }
        return tss > 0 ? 1 - rss / tss : (rss == 0 ? 1 : 0);
    }

    /** A sparse solver applied to a (possibly resampled) system. */
    interface Sparse {
        double[] fit(Mat a, double[] y);
    }

    /**
     * Chooses the threshold from a log-spaced grid by held-out error: the sparsest model whose
     * validation error is within {@code tolerance} (relative) of the best one. Validation uses
     * the last fifth of the samples (a contiguous block, so that neighbours of training samples
     * do not leak into it).
     */
    static double autoThreshold(Mat a, double[] y, java.util.function.DoubleFunction<Sparse> solver, double tolerance) {
        int n = a.rows;
        int cut = (int) (0.8 * n);
        int[] train = java.util.stream.IntStream.range(0, cut).toArray();
        int[] test = java.util.stream.IntStream.range(cut, n).toArray();
        Mat at = a.rows(train);
        Mat av = a.rows(test);
        double[] yt = pick(y, train);
        double[] yv = pick(y, test);
        double[] ls = Linalg.solve(scaled(at, columnScales(at)), yt, java.util.stream.IntStream.range(0, a.cols).toArray(), 0);
        double[] s = columnScales(at);
        double max = 0;
        for (int j = 0; j < ls.length; j++) {
            max = Math.max(max, Math.abs(ls[j] / s[j]));
        }
        if (!(max > 0)) {
            return 0;
        }
        int grid = 40;
        double[] thresholds = new double[grid + 1];
        double[] errors = new double[grid + 1];
        int[] sizes = new int[grid + 1];
        double best = Double.POSITIVE_INFINITY;
        for (int g = 0; g <= grid; g++) {
            double t = g == 0 ? 0 : max * Math.pow(10, -6 + 6.0 * (g - 1) / (grid - 1));
            thresholds[g] = t;
            double[] xi = solver.apply(t).fit(at, yt);
            double[] pred = av.times(xi);
            double e = 0;
            for (int i = 0; i < yv.length; i++) {
                e += (yv[i] - pred[i]) * (yv[i] - pred[i]);
            }
            errors[g] = e / yv.length;
            sizes[g] = support(xi).length;
            if (sizes[g] > 0) {
                best = Math.min(best, errors[g]);
            }
        }
        // Models whose validation errors differ by less than a 1e-6 fraction of the target's variance
        // are equally good: on clean data the remaining error is the derivative estimator's
        // truncation error, which spurious terms can fit a little better.
        double mean = java.util.Arrays.stream(yv).average().orElse(0);
        double var = java.util.Arrays.stream(yv).map(v -> (v - mean) * (v - mean)).sum() / yv.length;
        double accept = best + Math.max(tolerance * best, 1e-6 * var);
        int chosen = 0;
        int fewest = Integer.MAX_VALUE;
        for (int g = 0; g <= grid; g++) {
            if (sizes[g] > 0 && errors[g] <= accept && sizes[g] <= fewest) {
                if (sizes[g] < fewest || thresholds[g] < thresholds[chosen]) {
                    chosen = g;
                }
                fewest = sizes[g];
            }
        }
        return thresholds[chosen];
    }

    static double[] pick(double[] y, int[] rows) {
        double[] o = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            o[i] = y[rows[i]];
        }
        return o;
    }

    /**
     * Bagging (E-SINDy, Fasel et al. 2022) with moving blocks, so that serially correlated samples
     * are resampled together: the coefficient is the median over models, its uncertainty the
     * standard deviation, and a term is kept when it appears in at least {@code inclusion} of them.
     */
    static Fit ensemble(Mat a, double[] y, Sparse solver, int models, int block, double inclusion, long seed) {
        int n = a.rows;
        int p = a.cols;
        Random rnd = new Random(seed);
        double[][] coefs = new double[models][];
        int blocks = (n + block - 1) / block;
        for (int m = 0; m < models; m++) {
            int[] rows = new int[blocks * block];
            int k = 0;
            for (int b = 0; b < blocks; b++) {
                int start = rnd.nextInt(Math.max(1, n - block + 1));
                for (int j = 0; j < block; j++) {
                    rows[k++] = Math.min(n - 1, start + j);
                }
            }
            coefs[m] = solver.fit(a.rows(rows), pick(y, rows));
        }
        double[] med = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            double[] v = new double[models];
            int nonzero = 0;
            for (int m = 0; m < models; m++) {
                v[m] = coefs[m][j];
                nonzero += v[m] != 0 ? 1 : 0;
            }
            if (nonzero < inclusion * models) {
                continue;
            }
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            med[j] = models % 2 == 1 ? sorted[models / 2] : 0.5 * (sorted[models / 2 - 1] + sorted[models / 2]);
            double mean = Arrays.stream(v).average().orElse(0);
            double var = 0;
            for (double x : v) {
                var += (x - mean) * (x - mean);
            }
            sd[j] = Math.sqrt(var / Math.max(1, models - 1));
        }
        return new Fit(med, sd, r2(a, y, med));
    }

    /**
     * Sparse Bayesian learning (Tipping 2001, MacKay's updates): a zero-mean Gaussian prior with
     * its own precision per coefficient; maximising the evidence drives the precisions of
     * irrelevant terms to infinity, pruning them. Returns the posterior mean and standard
     * deviation; {@code threshold} additionally prunes terms whose contribution (coefficient times
     * column RMS, relative to the target's RMS) is below it, followed by a re-run on the rest.
     */
    static Fit rvm(Mat a, double[] y, int maxIter, double threshold) {
        double[] s = columnScales(a);
        Mat as = scaled(a, s);
        int n = a.rows;
        int p = a.cols;
        double yrms = Math.sqrt(Arrays.stream(y).map(v -> v * v).sum() / n);
        if (!(yrms > 0)) {
            return new Fit(new double[p], new double[p], 1);
        }
        double[] ys = Arrays.stream(y).map(v -> v / yrms).toArray();
        boolean[] active = new boolean[p];
        Arrays.fill(active, true);
        double[] mu = new double[p];
        double[] sd = new double[p];
        for (int round = 0; round < 2; round++) {
            Bayes b = sparseBayes(as, ys, active, maxIter);
            mu = b.mean;
            sd = b.sd;
            boolean changed = false;
            for (int j = 0; j < p; j++) {
                if (active[j] && (mu[j] == 0 || Math.abs(mu[j]) < threshold)) {
                    changed |= mu[j] != 0;
                    active[j] = mu[j] != 0 && Math.abs(mu[j]) >= threshold;
                    if (!active[j]) {
                        mu[j] = 0;
                        sd[j] = 0;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        double[] coef = new double[p];
        double[] err = new double[p];
        for (int j = 0; j < p; j++) {
            coef[j] = mu[j] * yrms / s[j];
            err[j] = sd[j] * yrms / s[j];
        }
        return new Fit(coef, err, r2(a, y, coef));
    }

    private record Bayes(double[] mean, double[] sd) {
    }

    private static Bayes sparseBayes(Mat a, double[] y, boolean[] initiallyActive, int maxIter) {
        int n = a.rows;
        int p = a.cols;
        double[] alpha = new double[p];
        boolean[] active = initiallyActive.clone();
        Arrays.fill(alpha, 1.0);
        double varY = Arrays.stream(y).map(v -> v * v).sum() / n;
        double beta = 1 / (0.01 * varY + 1e-300);
        double[] mean = new double[p];
        double[] sd = new double[p];
        double[] aty = a.transposeTimes(y);
        DMatrixRMaj fullGram = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multInner(a.ejml(), fullGram);
        for (int it = 0; it < maxIter; it++) {
            int[] act = java.util.stream.IntStream.range(0, p).filter(j -> active[j]).toArray();
            Arrays.fill(mean, 0);
            Arrays.fill(sd, 0);
            if (act.length == 0) {
                break;
            }
            int m = act.length;
            DMatrixRMaj h = new DMatrixRMaj(m, m);
            double[] rhs = new double[m];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < m; k++) {
                    h.set(i, k, beta * fullGram.get(act[i], act[k]));
                }
                h.add(i, i, alpha[act[i]]);
                rhs[i] = beta * aty[act[i]];
            }
            DMatrixRMaj sigma = Linalg.inverseSpd(h);
            double[] mu = new double[m];
            for (int i = 0; i < m; i++) {
                double acc = 0;
                for (int k = 0; k < m; k++) {
                    acc += sigma.get(i, k) * rhs[k];
                }
                mu[i] = acc;
            }
            double gammaSum = 0;
            double maxChange = 0;
            for (int i = 0; i < m; i++) {
                int j = act[i];
                mean[j] = mu[i];
                sd[j] = Math.sqrt(Math.max(0, sigma.get(i, i)));
                double gamma = Math.max(1e-12, 1 - alpha[j] * sigma.get(i, i));
                gammaSum += gamma;
                double next = gamma / (mu[i] * mu[i] + 1e-300);
                maxChange = Math.max(maxChange, Math.abs(Math.log(next) - Math.log(alpha[j])));
                alpha[j] = next;
            }
            double[] pred = a.times(mean);
            double rss = 0;
            for (int i = 0; i < n; i++) {
                rss += (y[i] - pred[i]) * (y[i] - pred[i]);
            }
            beta = Math.max(1e-12, n - gammaSum) / Math.max(rss, 1e-30 * n);
            boolean pruned = false;
            for (int j : act) {
                if (alpha[j] > 1e8) {
                    active[j] = false;
                    pruned = true;
                }
            }
            if (!pruned && maxChange < 1e-6) {
                break;
            }
        }
        for (int j = 0; j < p; j++) {
            if (!active[j]) {
                mean[j] = 0;
                sd[j] = 0;
            }
        }
        return new Bayes(mean, sd);
    }
}
