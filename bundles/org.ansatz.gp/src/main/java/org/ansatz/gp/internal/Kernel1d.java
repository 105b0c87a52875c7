package org.ansatz.gp.internal;

import java.util.List;

/**
 * A stationary covariance of one input, {@code k(x, x') = k(r)} with {@code r = x - x'}, and its
 * derivatives in {@code r}. The {@code n}-th derivative is the covariance of {@code d^n u/dx^n (x)} with
 * {@code u(x')}, which is what physics-informed GPs differentiate. Parameters are unconstrained (logs of
 * positive quantities), so optimisers need no bounds.
 */
interface Kernel1d {

    String name();

    double value(double r);

    /**
     * @throws IllegalArgumentException when the kernel is not that often differentiable
     */
    double derivative(double r, int order);

    /** Highest order {@link #derivative} supports. */
    int maxOrder();

    List<String> parameterNames();

    /**
     * {@code d/d theta_index} of {@link #derivative}{@code (r, order)}; by default a central difference of
     * the whole kernel, kernels with many parameters override it with something cheaper.
     */
    default double parameterDerivative(double r, int order, int index) {
        double h = 1e-6;
        double[] up = parameters();
        double[] dn = up.clone();
        up[index] += h;
        dn[index] -= h;
        return (with(up).derivative(r, order) - with(dn).derivative(r, order)) / (2 * h);
    }

    double[] parameters();

    /** The same kind of kernel with other parameters. */
    Kernel1d with(double[] parameters);

    static void checkOrder(Kernel1d k, int order) {
        if (order < 0 || order > k.maxOrder()) {
            throw new IllegalArgumentException("kernel " + k.name() + " has derivatives up to order " + k.maxOrder()
                    + ", order " + order + " was asked for" + (k.maxOrder() == 0
                            ? " (it is not differentiable; choose matern52, rbf or a spectral mixture)" : ""));
        }
    }

    static void checkLength(double[] p, int n, String name) {
        if (p.length != n) {
            throw new IllegalArgumentException("kernel " + name + " takes " + n + " parameters, got " + p.length);
        }
        for (double v : p) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("kernel " + name + ": non-finite parameter in "
                        + java.util.Arrays.toString(p));
            }
        }
    }

    /** Derivatives {@code 0..4} of {@code exp(-b r^2)}: Hermite polynomials times the Gaussian. */
    static double gaussianDerivative(double b, double r, int order) {
        double e = Math.exp(-b * r * r);
        return switch (order) {
            case 0 -> e;
            case 1 -> -2 * b * r * e;
            case 2 -> (4 * b * b * r * r - 2 * b) * e;
            case 3 -> (-8 * b * b * b * r * r * r + 12 * b * b * r) * e;
            case 4 -> (16 * b * b * b * b * r * r * r * r - 48 * b * b * b * r * r + 12 * b * b) * e;
            default -> throw new IllegalArgumentException("order " + order);
        };
    }

    /** Derivatives {@code 0..4} of the Matérn 5/2 correlation with {@code s = sqrt(5)/lengthscale}. */
    static double matern52Derivative(double s, double r, int order) {
        double a = Math.abs(r);
        double e = Math.exp(-s * a);
        return switch (order) {
            case 0 -> (1 + s * a + s * s * a * a / 3) * e;
            case 1 -> -(s * s / 3) * r * (1 + s * a) * e;
            case 2 -> -(s * s / 3) * (1 + s * a - s * s * a * a) * e;
            case 3 -> (s * s * s * s / 3) * r * (3 - s * a) * e;
            case 4 -> (s * s * s * s / 3) * (3 - 5 * s * a + s * s * a * a) * e;
            default -> throw new IllegalArgumentException("order " + order);
        };
    }

    /** {@code d^n/dr^n cos(w r)}. */
    static double cosineDerivative(double w, double r, int order) {
        return Math.pow(w, order) * Math.cos(w * r + order * Math.PI / 2);
    }

    int[][] BINOMIAL = {{1}, {1, 1}, {1, 2, 1}, {1, 3, 3, 1}, {1, 4, 6, 4, 1}};
}
