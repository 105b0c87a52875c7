package org.ansatz.discovery.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ansatz.api.method.Options;
import org.ejml.data.DMatrixRMaj;

/**
 * Numerical differentiation of uniformly sampled signals: finite differences of any order and
 * accuracy, Savitzky-Golay (local polynomial) differences, spectral differences for periodic
 * signals and total-variation regularised differentiation (Chartrand 2011) for noisy signals.
 */
public abstract class Differentiator {

    /** Names accepted by {@link #fromOptions}. */
    public static final List<String> NAMES = List.of("fd", "savgol", "spectral", "tv");

    /** The {@code order}-th derivative of {@code f} sampled with step {@code h}. */
    public abstract double[] derivative(double[] f, double h, int order);

    /** The signal as the estimator sees it (smoothed for Savitzky-Golay, unchanged otherwise). */
    public double[] smooth(double[] f, double h) {
        return f.clone();
    }

    /** Human-readable name with parameters. */
    public abstract String describe();

    /**
     * Reads {@code <key>} (fd|savgol|spectral|tv) and its parameters {@code <key>.accuracy},
     * {@code <key>.window}, {@code <key>.degree}, {@code <key>.alpha}.
     */
    public static Differentiator fromOptions(Options o, String key, String fallback) {
        String name = o.choice(key, fallback, NAMES);
        return switch (name) {
            case "fd" -> new FiniteDifference(o.integer(key + ".accuracy", 4, 2));
            case "savgol" -> new SavitzkyGolay(o.integer(key + ".window", 15, 3), o.integer(key + ".degree", 3, 1));
            case "spectral" -> new Spectral();
            default -> new TotalVariation(o.real(key + ".alpha", 1e-2, 0), o.integer(key + ".iterations", 20, 1));
        };
    }

    static void checkSignal(double[] f, double h, int order, int minPoints) {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("sample spacing must be positive and finite, got " + h);
        }
        if (order < 0) {
            throw new IllegalArgumentException("derivative order must be >= 0, got " + order);
        }
        if (f.length < minPoints) {
            throw new IllegalArgumentException("need at least " + minPoints + " samples, got " + f.length);
        }
    }

    /** Weights {@code w} with {@code sum_j w_j g(s_j) ~ g^(order)(s0)} for polynomials up to {@code degree}. */
    static double[] polynomialWeights(double[] s, double s0, int order, int degree) {
        int m = s.length;
        DMatrixRMaj v = new DMatrixRMaj(m, degree + 1);
        for (int j = 0; j < m; j++) {
            double p = 1;
            for (int q = 0; q <= degree; q++) {
                v.unsafe_set(j, q, p);
                p *= s[j] - s0;
            }
        }
        DMatrixRMaj pinv = Linalg.pinv(v);
        double fact = 1;
        for (int q = 2; q <= order; q++) {
            fact *= q;
        }
        double[] w = new double[m];
        for (int j = 0; j < m; j++) {
            w[j] = fact * pinv.get(order, j);
        }
        return w;
    }

    /** Stencil derivative: at each point, the window of {@code size} samples nearest to it. */
    static double[] applyStencils(double[] f, double h, int order, int size, int degree) {
        return applyStencils(f, h, order, size, degree, size, degree);
    }

    /**
     * As above, with a different window near the ends (where no centred window fits): one-sided
     * stencils need more points than centred ones for the same order of accuracy.
     */
    static double[] applyStencils(double[] f, double h, int order, int size, int degree, int endSize, int endDegree) {
        int n = f.length;
        int half = size / 2;
        Map<Long, double[]> cache = new HashMap<>();
        double[] out = new double[n];
        double scale = Math.pow(h, order);
        for (int i = 0; i < n; i++) {
            boolean centred = i - half >= 0 && i - half + size <= n;
            int m = centred ? size : Math.min(n, endSize);
            int deg = centred ? degree : Math.min(m - 1, endDegree);
            int start = Math.max(0, Math.min(n - m, i - m / 2));
            int shift = i - start;
            double[] w = cache.computeIfAbsent(((long) m << 32) | shift, key -> {
                double[] s = new double[m];
                for (int j = 0; j < m; j++) {
                    s[j] = j;
                }
                return polynomialWeights(s, shift, order, deg);
            });
            double acc = 0;
            for (int j = 0; j < m; j++) {
                acc += w[j] * f[start + j];
            }
            out[i] = acc / scale;
        }
        return out;
    }

    /** Finite differences with the given even order of accuracy, one-sided near the ends. */
    public static final class FiniteDifference extends Differentiator {
        private final int accuracy;

        public FiniteDifference(int accuracy) {
            if (accuracy < 2 || accuracy % 2 != 0 || accuracy > 8) {
                throw new IllegalArgumentException("finite-difference accuracy must be 2, 4, 6 or 8, got " + accuracy);
            }
            this.accuracy = accuracy;
        }

        @Override
        public double[] derivative(double[] f, double h, int order) {
            int p = (order + 1) / 2 + accuracy / 2 - 1;
            int size = Math.max(2 * p + 1, order + 1);
            int endSize = order + accuracy;
            checkSignal(f, h, order, Math.max(size, endSize));
            if (order == 0) {
                return f.clone();
            }
            return applyStencils(f, h, order, size, size - 1, endSize, endSize - 1);
        }

        @Override
        public String describe() {
            return "finite differences (accuracy " + accuracy + ")";
        }
    }

    /** Savitzky-Golay: a least-squares polynomial of {@code degree} over a sliding {@code window}. */
    public static final class SavitzkyGolay extends Differentiator {
        private final int window;
        private final int degree;

        public SavitzkyGolay(int window, int degree) {
            if (window % 2 == 0 || window < 3) {
                throw new IllegalArgumentException("Savitzky-Golay window must be odd and >= 3, got " + window);
            }
            if (degree < 1 || degree >= window) {
                throw new IllegalArgumentException("Savitzky-Golay degree must be in [1, window-1] = [1, "
                        + (window - 1) + "], got " + degree);
            }
            this.window = window;
            this.degree = degree;
        }

        @Override
        public double[] derivative(double[] f, double h, int order) {
            checkSignal(f, h, order, window);
            if (order > degree) {
                throw new IllegalArgumentException("Savitzky-Golay of degree " + degree
                        + " cannot estimate a derivative of order " + order);
            }
            return applyStencils(f, h, order, window, degree);
        }

        @Override
        public double[] smooth(double[] f, double h) {
            return derivative(f, h, 0);
        }

        @Override
        public String describe() {
            return "Savitzky-Golay (window " + window + ", degree " + degree + ")";
        }
    }

    /** Fourier differentiation of periodic signals (the sample at the period's end omitted). */
    public static final class Spectral extends Differentiator {
        @Override
        public double[] derivative(double[] f, double h, int order) {
            checkSignal(f, h, order, 4);
            if (Fft.powerOfTwo(f.length)) {
                return Fft.derivative(f, h * f.length, order);
            }
            return dft(f, h * f.length, order);
        }

        /** O(n^2) transform for lengths that are not powers of two. */
        private static double[] dft(double[] f, double length, int order) {
            int n = f.length;
            double[] re = new double[n];
            double[] im = new double[n];
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    double a = -2 * Math.PI * k * j / n;
                    re[k] += f[j] * Math.cos(a);
                    im[k] += f[j] * Math.sin(a);
                }
            }
            double[] kk = Fft.wavenumbers(n, length);
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                double w = (order % 2 == 1 && n % 2 == 0 && k == n / 2) ? 0 : kk[k];
                double mag = Math.pow(w, order);
                double phase = order * Math.PI / 2;
                double cr = mag * Math.cos(phase);
                double ci = mag * Math.sin(phase);
                double r = re[k] * cr - im[k] * ci;
                double m = re[k] * ci + im[k] * cr;
                for (int j = 0; j < n; j++) {
                    double a = 2 * Math.PI * k * j / n;
                    out[j] += (r * Math.cos(a) - m * Math.sin(a)) / n;
                }
            }
            return out;
        }

        @Override
        public String describe() {
            return "spectral (periodic)";
        }
    }

    /**
     * Total-variation regularised derivative: minimises
     * {@code alpha * TV(u) + 1/2 |P(A u - f)|^2}, A the trapezoidal antiderivative and P the
     * removal of the mean (the integration constant is unknown), by lagged diffusivity with
     * matrix-free conjugate gradients. Higher orders differentiate repeatedly.
     */
    public static final class TotalVariation extends Differentiator {
        private final double alpha;
        private final int iterations;

        public TotalVariation(double alpha, int iterations) {
            if (!(alpha > 0) || !Double.isFinite(alpha)) {
                throw new IllegalArgumentException("total-variation alpha must be positive, got " + alpha);
            }
            this.alpha = alpha;
            this.iterations = iterations;
        }

        @Override
        public double[] derivative(double[] f, double h, int order) {
            checkSignal(f, h, order, 5);
            double[] g = f.clone();
            for (int k = 0; k < order; k++) {
                g = first(g, h);
            }
            return g;
        }

        private double[] first(double[] f, double h) {
            int n = f.length;
            // alpha is given per unit signal: scale the penalty with the data term's size so that one
            // alpha suits different lengths, steps and amplitudes.
            double range = 0;
            double mean = 0;
            for (double v : f) {
                mean += v / n;
            }
            for (double v : f) {
                range += (v - mean) * (v - mean) / n;
            }
            double a = alpha * Math.sqrt(range + 1e-300) * h * h * n;
            double[] u = new FiniteDifference(2).derivative(f, h, 1);
            double[] rhs = adjointA(centre(f), h);
            double eps = 1e-8;
            for (int it = 0; it < iterations; it++) {
                double[] e = new double[n - 1];
                double scaleDu = 0;
                for (int i = 0; i < n - 1; i++) {
                    double d = (u[i + 1] - u[i]) / h;
                    scaleDu = Math.max(scaleDu, Math.abs(d));
                }
                double floor = eps * (scaleDu + 1e-12) * (scaleDu + 1e-12);
                for (int i = 0; i < n - 1; i++) {
                    double d = (u[i + 1] - u[i]) / h;
                    e[i] = 1 / Math.sqrt(d * d + floor);
                }
                u = conjugateGradient(u, rhs, e, a, h, 4 * (int) Math.sqrt(n) + 50);
            }
            return u;
        }

        private static double[] centre(double[] v) {
            double m = 0;
            for (double x : v) {
                m += x;
            }
            m /= v.length;
            double[] out = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = v[i] - m;
            }
            return out;
        }

        /** Trapezoidal antiderivative with value 0 at the first sample. */
        private static double[] integrate(double[] u, double h) {
            double[] out = new double[u.length];
            for (int i = 1; i < u.length; i++) {
                out[i] = out[i - 1] + 0.5 * h * (u[i - 1] + u[i]);
            }
            return out;
        }

        /** Adjoint of {@link #integrate}. */
        private static double[] adjointA(double[] r, double h) {
            int n = r.length;
            double[] out = new double[n];
            double tail = 0;
            for (int i = n - 1; i >= 1; i--) {
                tail += r[i];
                out[i] += 0.5 * h * tail;
                out[i - 1] += 0.5 * h * tail;
            }
            return out;
        }

        private static double[] apply(double[] u, double[] e, double a, double h) {
            int n = u.length;
            double[] out = adjointA(centre(integrate(u, h)), h);
            for (int i = 0; i < n - 1; i++) {
                double flux = a * e[i] * (u[i + 1] - u[i]) / (h * h);
                out[i] -= flux;
                out[i + 1] += flux;
            }
            return out;
        }

        private static double[] conjugateGradient(double[] x0, double[] b, double[] e, double a, double h, int maxIter) {
            int n = x0.length;
            double[] x = x0.clone();
            double[] ax = apply(x, e, a, h);
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = b[i] - ax[i];
            }
            double[] p = r.clone();
            double rr = dot(r, r);
            double bb = dot(b, b);
            for (int it = 0; it < maxIter && rr > 1e-20 * bb; it++) {
                double[] ap = apply(p, e, a, h);
                double alpha = rr / dot(p, ap);
                for (int i = 0; i < n; i++) {
                    x[i] += alpha * p[i];
                    r[i] -= alpha * ap[i];
                }
                double rrNew = dot(r, r);
                double beta = rrNew / rr;
                rr = rrNew;
                for (int i = 0; i < n; i++) {
                    p[i] = r[i] + beta * p[i];
                }
            }
            return x;
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * b[i];
            }
            return s;
        }

        @Override
        public String describe() {
            return "total variation (alpha " + alpha + ")";
        }
    }
}
