package org.ansatz.gp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/**
 * EPGP (Härkönen, Lange-Hegermann, Raiţă, ICML 2023): Gaussian-process priors whose samples solve a
 * linear constant-coefficient PDE system exactly, built from exponential solutions on its
 * characteristic variety ({@link Variety}). A sample is {@code sum_k a_k Re(b_k e^<z_k, x-c>) +
 * b_k' Im(...)} with Gaussian weights, so every sample, mean and posterior draw satisfies the
 * equation to round-off; data (observations, initial and boundary values, any linear functional)
 * condition it by Bayesian linear regression in weight space. EPGP draws the free frequencies from a
 * Gaussian whose scales it learns (a Monte Carlo estimate of the EPGP kernel); S-EPGP learns a few
 * frequencies and their weights directly.
 */
final class Epgp {

    /** A term {@code coefficient * d^(orders) u_output} of an observation. */
    record Term(int output, int[] orders, double coefficient) {
    }

    /** One linear observation {@code sum terms = target}, with its noise group (one per condition). */
    record Observation(double[] point, List<Term> terms, double target, int group) {
    }

    /**
     * Real features: the real and imaginary parts of each mode, with their prior variances. Each
     * exponential is scaled to modulus at most 1 on the domain box (its largest modulus is
     * {@code e^(sum_a |Re z_a| span_a / 2)} about the centre): a decaying heat mode of high frequency
     * would otherwise reach {@code e^70} at the initial time and ruin the conditioning. The scaling only
     * reweights the measure on the variety; every feature still solves the equation.
     */
    static final class Features {
        final List<Variety.Mode> modes;
        final double[] centre;
        final double[] variance;
        final double[] logScale;

        Features(List<Variety.Mode> modes, double[] centre, double[] spans, double[] modeVariance) {
            this.modes = modes;
            this.centre = centre;
            this.logScale = new double[modes.size()];
            for (int k = 0; k < modes.size(); k++) {
                double s = 0;
                for (int a = 0; a < spans.length; a++) {
                    s += Math.abs(modes.get(k).zr()[a]) * spans[a] / 2;
                }
                logScale[k] = -s;
            }
            this.variance = new double[2 * modes.size()];
            for (int k = 0; k < modes.size(); k++) {
                variance[2 * k] = modeVariance[k];
                variance[2 * k + 1] = modeVariance[k];
            }
        }

        int size() {
            return 2 * modes.size();
        }

        /** Adds {@code coefficient * d^(orders)} of every feature's component {@code output} at x to {@code row}. */
        void accumulate(double[] x, int output, int[] orders, double coefficient, double[] row) {
            for (int k = 0; k < modes.size(); k++) {
                Variety.Mode m = modes.get(k);
                double er = 0;
                double ei = 0;
                for (int a = 0; a < x.length; a++) {
                    er += m.zr()[a] * (x[a] - centre[a]);
                    ei += m.zi()[a] * (x[a] - centre[a]);
                }
                double mag = Math.exp(er + logScale[k]);
                double[] e = {mag * Math.cos(ei), mag * Math.sin(ei)};
                double[] v = Variety.mul(Variety.mul(new double[] {m.br()[output], m.bi()[output]},
                        Variety.monomial(m.zr(), m.zi(), orders)), e);
                row[2 * k] += coefficient * v[0];
                row[2 * k + 1] += coefficient * v[1];
            }
        }

        double[] row(double[] x, int output, int[] orders) {
            double[] r = new double[size()];
            accumulate(x, output, orders, 1, r);
            return r;
        }
    }

    /** Bayesian linear regression {@code y = Phi w + e}, {@code w ~ N(0, diag(p))}, {@code e ~ N(0, diag(nu))}. */
    static final class Posterior {
        final Features features;
        final double[] weights;
        final Dense.Cholesky precision;
        final double logMarginal;

        Posterior(Features features, List<Observation> obs, double[] groupNoise) {
            this.features = features;
            int n = obs.size();
            int f = features.size();
            DMatrixRMaj phi = new DMatrixRMaj(n, f);
            double[] y = new double[n];
            double logNu = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                Observation o = obs.get(i);
                double[] row = new double[f];
                for (Term t : o.terms()) {
                    features.accumulate(o.point(), t.output(), t.orders(), t.coefficient(), row);
                }
                double nu = groupNoise[o.group()];
                double s = 1 / Math.sqrt(nu);
                for (int j = 0; j < f; j++) {
                    phi.unsafe_set(i, j, row[j] * s);
                }
                y[i] = o.target() * s;
                yy += y[i] * y[i];
                logNu += Math.log(nu);
            }
            DMatrixRMaj a = Dense.multTransA(phi, phi);
            double logP = 0;
            for (int j = 0; j < f; j++) {
                a.add(j, j, 1 / features.variance[j]);
                logP += Math.log(features.variance[j]);
            }
            precision = Dense.cholesky(a, "the EPGP weight precision");
            double[] b = Dense.multTransA(phi, y);
            weights = precision.solve(b);
            double quad = yy - Dense.dot(b, weights);
            logMarginal = -0.5 * quad - 0.5 * (precision.logDet() + logP + logNu) - 0.5 * n * Math.log(2 * Math.PI);
        }

        double mean(double[] x, int output, int[] orders) {
            return Dense.dot(features.row(x, output, orders), weights);
        }

        double variance(double[] x, int output) {
            double[] r = features.row(x, output, new int[x.length]);
            return Math.max(0, Dense.dot(r, precision.solve(r)));
        }
    }

    private Epgp() {
    }

    /** Standard normal draws {@code [count][dims]}, fixed by the seed. */
    static double[][] normals(int count, int dims, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] e = new double[count][dims];
        for (int k = 0; k < count; k++) {
            for (int j = 0; j < dims; j++) {
                // Box-Muller: SplittableRandom has no Gaussian method on Java 17.
                double u1 = 1 - r.nextDouble();
                double u2 = r.nextDouble();
                e[k][j] = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            }
        }
        return e;
    }

    /**
     * EPGP's Monte Carlo features: frequencies {@code w_k = s * e_k} along the free axes, every mode of
     * the variety at each, equal prior variances summing to {@code signal}.
     */
    static Features monteCarlo(Variety v, double[][] normals, double[] scales, double signal, double[] centre,
            double[] spans) {
        List<Variety.Mode> modes = new ArrayList<>();
        for (double[] e : normals) {
            double[] w = new double[e.length];
            for (int j = 0; j < e.length; j++) {
                w[j] = scales[j] * e[j];
            }
            modes.addAll(v.modes(w));
        }
        double[] var = new double[modes.size()];
        java.util.Arrays.fill(var, signal / Math.max(1, modes.size()));
        return new Features(modes, centre, spans, var);
    }

    /** S-EPGP's features: given frequencies, each with its own prior variance (shared by its modes). */
    static Features sparse(Variety v, double[][] frequencies, double[] variances, double[] centre, double[] spans) {
        List<Variety.Mode> modes = new ArrayList<>();
        List<Double> var = new ArrayList<>();
        for (int k = 0; k < frequencies.length; k++) {
            List<Variety.Mode> ms = v.modes(frequencies[k]);
            modes.addAll(ms);
            for (int i = 0; i < ms.size(); i++) {
                var.add(variances[k]);
            }
        }
        return new Features(modes, centre, spans, var.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A prior sample's weights: independent normals with the features' variances. */
    static double[] priorSample(Features f, long seed) {
        double[][] e = normals(f.size(), 1, seed);
        double[] w = new double[f.size()];
        for (int j = 0; j < w.length; j++) {
            w[j] = Math.sqrt(f.variance[j]) * e[j][0];
        }
        return w;
    }
}
