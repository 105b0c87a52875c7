package org.ansatz.gp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The stationary kernels of the family, created by name. */
final class Kernels {

    static final List<String> NAMES = List.of("rbf", "matern12", "matern32", "matern52", "periodic", "sm", "sm-t");

    private Kernels() {
    }

    /**
     * A kernel with default parameters for data spread over {@code span}.
     *
     * @param components mixture components (spectral mixtures only)
     * @param maxFrequency highest initial frequency, in cycles per unit (spectral mixtures only)
     */
    static Kernel1d create(String name, double span, int components, double maxFrequency) {
        double ell = Math.log(span / 4);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "rbf" -> new Rbf(0, ell);
            case "matern12" -> new Matern(1, 0, ell);
            case "matern32" -> new Matern(3, 0, ell);
            case "matern52" -> new Matern(5, 0, ell);
            case "periodic" -> new Periodic(0, 0, Math.log(span / 2));
            case "sm" -> SpectralMixture.spread(false, components, maxFrequency);
            case "sm-t" -> SpectralMixture.spread(true, components, maxFrequency);
            default -> throw new IllegalArgumentException("unknown kernel '" + name + "'; the kernels are " + NAMES);
        };
    }

    /** Squared exponential {@code s2 exp(-r^2 / (2 l^2))}; parameters {@code [log s2, log l]}. */
    record Rbf(double logVariance, double logLength) implements Kernel1d {
        @Override
        public String name() {
            return "rbf";
        }

        @Override
        public double value(double r) {
            return derivative(r, 0);
        }

        @Override
        public double derivative(double r, int order) {
            Kernel1d.checkOrder(this, order);
            double l = Math.exp(logLength);
            return Math.exp(logVariance) * Kernel1d.gaussianDerivative(1 / (2 * l * l), r, order);
        }

        @Override
        public int maxOrder() {
            return 4;
        }

        @Override
        public List<String> parameterNames() {
            return List.of("log-variance", "log-lengthscale");
        }

        @Override
        public double[] parameters() {
            return new double[] {logVariance, logLength};
        }

        @Override
        public Kernel1d with(double[] p) {
            Kernel1d.checkLength(p, 2, name());
            return new Rbf(p[0], p[1]);
        }
    }

    /**
     * Matérn with smoothness {@code nu = twiceNu / 2} (1/2, 3/2 or 5/2); parameters {@code [log s2, log l]}.
     * Differentiable {@code (twiceNu - 1)} times in the sense used here: 0, 2 and 4 derivatives of
     * {@code k(r)} are continuous.
     */
    record Matern(int twiceNu, double logVariance, double logLength) implements Kernel1d {
        Matern {
            if (twiceNu != 1 && twiceNu != 3 && twiceNu != 5) {
                throw new IllegalArgumentException("Matérn smoothness must be 1/2, 3/2 or 5/2");
            }
        }

        @Override
        public String name() {
            return "matern" + twiceNu + "2";
        }

        @Override
        public double value(double r) {
            return derivative(r, 0);
        }

        @Override
        public double derivative(double r, int order) {
            Kernel1d.checkOrder(this, order);
            double l = Math.exp(logLength);
            double v = Math.exp(logVariance);
            double a = Math.abs(r);
            return switch (twiceNu) {
                case 1 -> v * Math.exp(-a / l);
                case 3 -> {
                    double s = Math.sqrt(3) / l;
                    double e = Math.exp(-s * a);
                    yield v * switch (order) {
                        case 0 -> (1 + s * a) * e;
                        case 1 -> -s * s * r * e;
                        default -> -s * s * (1 - s * a) * e;
                    };
                }
                default -> v * Kernel1d.matern52Derivative(Math.sqrt(5) / l, r, order);
            };
        }

        @Override
        public int maxOrder() {
            return twiceNu - 1;
        }

        @Override
        public List<String> parameterNames() {
            return List.of("log-variance", "log-lengthscale");
        }

        @Override
        public double[] parameters() {
            return new double[] {logVariance, logLength};
        }

        @Override
        public Kernel1d with(double[] p) {
            Kernel1d.checkLength(p, 2, name());
            return new Matern(twiceNu, p[0], p[1]);
        }
    }

    /**
     * Periodic {@code s2 exp(-2 sin^2(pi r / p) / l^2)}; parameters {@code [log s2, log l, log p]}.
     * Derivatives by the chain rule on {@code h = -2 sin^2(q r)/l^2 = (cos(2 q r) - 1)/l^2}, {@code q = pi/p}.
     */
    record Periodic(double logVariance, double logLength, double logPeriod) implements Kernel1d {
        @Override
        public String name() {
            return "periodic";
        }

        @Override
        public double value(double r) {
            return derivative(r, 0);
        }

        @Override
        public double derivative(double r, int order) {
            Kernel1d.checkOrder(this, order);
            double l2 = Math.exp(2 * logLength);
            double q = Math.PI / Math.exp(logPeriod);
            double c = Math.cos(2 * q * r);
            double s = Math.sin(2 * q * r);
            double k = Math.exp(logVariance) * Math.exp((c - 1) / l2);
            double h1 = -2 * q * s / l2;
            double h2 = -4 * q * q * c / l2;
            double h3 = 8 * q * q * q * s / l2;
            double h4 = 16 * q * q * q * q * c / l2;
            // Faà di Bruno for exp(h).
            return k * switch (order) {
                case 0 -> 1;
                case 1 -> h1;
                case 2 -> h2 + h1 * h1;
                case 3 -> h3 + 3 * h1 * h2 + h1 * h1 * h1;
                default -> h4 + 4 * h1 * h3 + 3 * h2 * h2 + 6 * h1 * h1 * h2 + h1 * h1 * h1 * h1;
            };
        }

        @Override
        public int maxOrder() {
            return 4;
        }

        @Override
        public List<String> parameterNames() {
            return List.of("log-variance", "log-lengthscale", "log-period");
        }

        @Override
        public double[] parameters() {
            return new double[] {logVariance, logLength, logPeriod};
        }

        @Override
        public Kernel1d with(double[] p) {
            Kernel1d.checkLength(p, 3, name());
            return new Periodic(p[0], p[1], p[2]);
        }
    }

    /**
     * Spectral mixture: the power spectrum is a mixture of {@code Q} symmetric bumps at frequencies
     * {@code mu_q} (cycles per unit) with widths {@code s_q}, so {@code k(r) = sum_q w_q c_q(r) cos(2 pi mu_q r)}
     * with {@code c_q} the bump's Fourier transform: a Gaussian {@code exp(-2 pi^2 s_q^2 r^2)} for a
     * Gaussian mixture, a Matérn 5/2 of length {@code 1/(2 pi s_q)} for a Student-t mixture (GP-HFM's
     * two variants). Parameters: {@code [log w_1..Q, mu_1..Q, log s_1..Q]}; weights in the log domain,
     * which GP-HFM shows amounts to a Jeffreys prior and prunes components the data do not need.
     */
    record SpectralMixture(boolean studentT, double[] logWeights, double[] frequencies, double[] logWidths)
            implements Kernel1d {

        SpectralMixture {
            if (logWeights.length == 0 || logWeights.length != frequencies.length
                    || logWidths.length != frequencies.length) {
                throw new IllegalArgumentException("a spectral mixture needs as many weights, frequencies and widths, "
                        + "at least one");
            }
            logWeights = logWeights.clone();
            frequencies = frequencies.clone();
            logWidths = logWidths.clone();
        }

        /** The same mixture without the components lighter than {@code relative} times the heaviest. */
        SpectralMixture pruned(double relative) {
            double max = java.util.Arrays.stream(logWeights).max().orElseThrow();
            java.util.List<Integer> keep = new java.util.ArrayList<>();
            for (int q = 0; q < components(); q++) {
                if (logWeights[q] >= max + Math.log(relative)) {
                    keep.add(q);
                }
            }
            double[] w = new double[keep.size()];
            double[] mu = new double[keep.size()];
            double[] s = new double[keep.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = logWeights[keep.get(i)];
                mu[i] = frequencies[keep.get(i)];
                s[i] = logWidths[keep.get(i)];
            }
            return new SpectralMixture(studentT, w, mu, s);
        }

        /**
         * {@code q} components with frequencies evenly from 0 to {@code maxFrequency}, equal weights summing
         * to 1, widths equal to the spacing (neighbouring bumps overlap, so the initial spectrum is flat).
         */
        static SpectralMixture spread(boolean studentT, int q, double maxFrequency) {
            if (q < 1) {
                throw new IllegalArgumentException("a spectral mixture needs at least one component, got " + q);
            }
            if (!(maxFrequency > 0) || Double.isInfinite(maxFrequency)) {
                throw new IllegalArgumentException("the highest frequency must be positive, got " + maxFrequency);
            }
            double[] w = new double[q];
            double[] mu = new double[q];
            double[] s = new double[q];
            double spacing = q == 1 ? maxFrequency : maxFrequency / (q - 1);
            for (int i = 0; i < q; i++) {
                w[i] = Math.log(1.0 / q);
                mu[i] = q == 1 ? 0 : i * spacing;
                s[i] = Math.log(spacing);
            }
            return new SpectralMixture(studentT, w, mu, s);
        }

        int components() {
            return frequencies.length;
        }

        @Override
        public String name() {
            return studentT ? "sm-t" : "sm";
        }

        @Override
        public double value(double r) {
            return derivative(r, 0);
        }

        @Override
        public double derivative(double r, int order) {
            Kernel1d.checkOrder(this, order);
            double sum = 0;
            for (int q = 0; q < frequencies.length; q++) {
                sum += Math.exp(logWeights[q]) * component(q, r, order);
            }
            return sum;
        }

        /** Leibniz's rule on envelope times cosine. */
        double component(int q, double r, int order) {
            return component(frequencies[q], logWidths[q], r, order);
        }

        /** Only the component a parameter belongs to is differentiated. */
        @Override
        public double parameterDerivative(double r, int order, int index) {
            int n = components();
            int q = index % n;
            double h = 1e-6;
            return switch (index / n) {
                case 0 -> Math.exp(logWeights[q]) * component(q, r, order);
                case 1 -> Math.exp(logWeights[q]) * (component(frequencies[q] + h, logWidths[q], r, order)
                        - component(frequencies[q] - h, logWidths[q], r, order)) / (2 * h);
                default -> Math.exp(logWeights[q]) * (component(frequencies[q], logWidths[q] + h, r, order)
                        - component(frequencies[q], logWidths[q] - h, r, order)) / (2 * h);
            };
        }

        double component(double mu, double logWidth, double r, int order) {
            double s = Math.exp(logWidth);
            double w = 2 * Math.PI * mu;
            double out = 0;
            for (int k = 0; k <= order; k++) {
                double env = studentT ? Kernel1d.matern52Derivative(Math.sqrt(5) * 2 * Math.PI * s, r, k)
                        : Kernel1d.gaussianDerivative(2 * Math.PI * Math.PI * s * s, r, k);
                out += Kernel1d.BINOMIAL[order][k] * env * Kernel1d.cosineDerivative(w, r, order - k);
            }
            return out;
        }

        @Override
        public int maxOrder() {
            return 4;
        }

        @Override
        public List<String> parameterNames() {
            List<String> names = new ArrayList<>();
            for (int q = 0; q < components(); q++) {
                names.add("log-weight-" + q);
            }
            for (int q = 0; q < components(); q++) {
                names.add("frequency-" + q);
            }
            for (int q = 0; q < components(); q++) {
                names.add("log-width-" + q);
            }
            return names;
        }

        @Override
        public double[] parameters() {
            int q = components();
            double[] p = new double[3 * q];
            System.arraycopy(logWeights, 0, p, 0, q);
            System.arraycopy(frequencies, 0, p, q, q);
            System.arraycopy(logWidths, 0, p, 2 * q, q);
            return p;
        }

        @Override
        public Kernel1d with(double[] p) {
            int q = components();
            Kernel1d.checkLength(p, 3 * q, name());
            return new SpectralMixture(studentT, java.util.Arrays.copyOfRange(p, 0, q),
                    java.util.Arrays.copyOfRange(p, q, 2 * q), java.util.Arrays.copyOfRange(p, 2 * q, 3 * q));
        }
    }
}
