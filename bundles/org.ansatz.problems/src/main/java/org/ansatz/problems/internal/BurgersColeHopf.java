package org.ansatz.problems.internal;

/**
 * The exact solution of viscous Burgers {@code u_t + u u_x = nu u_xx} with {@code u(0,x) = -sin(pi x)}
 * by the Cole-Hopf transform:
 *
 * <pre>
 * u(t,x) = - int sin(pi (x - e)) f(x - e) G(e) de / int f(x - e) G(e) de,
 * f(y) = exp(-cos(pi y) / (2 pi nu)),  G(e) = exp(-e^2 / (4 nu t)).
 * </pre>
 *
 * The integrands span e^100 in magnitude for nu = 0.01/pi, so they are evaluated in log space
 * relative to their maximum, and integrated by the trapezoidal rule, which converges exponentially for
 * these smooth, rapidly decaying integrands. The range {@code |e| <= sqrt(1000 nu t)} makes the
 * Gaussian drop below e^-250, beyond anything the e^100 of f can lift.
 */
public final class BurgersColeHopf {

    private final double nu;
    private final int nodes;

    /**
     * @param nu    viscosity
     * @param nodes quadrature nodes per evaluation (odd); 8001 resolves nu = 0.01/pi to ~1e-13
     */
    public BurgersColeHopf(double nu, int nodes) {
        if (!(nu > 0) || nodes < 3) {
            throw new IllegalArgumentException("need nu > 0 and at least 3 nodes");
        }
        this.nu = nu;
        this.nodes = nodes | 1;
    }

    public double u(double t, double x) {
        if (t <= 0) {
            return -Math.sin(Math.PI * x);
        }
        double range = Math.min(4.0, Math.sqrt(1000 * nu * t));
        double h = 2 * range / (nodes - 1);
        double c = 1.0 / (2 * Math.PI * nu);
        double g = 1.0 / (4 * nu * t);
        double max = Double.NEGATIVE_INFINITY;
        double[] logw = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            double e = -range + i * h;
            logw[i] = -Math.cos(Math.PI * (x - e)) * c - e * e * g;
            max = Math.max(max, logw[i]);
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < nodes; i++) {
            double e = -range + i * h;
            double w = Math.exp(logw[i] - max) * (i == 0 || i == nodes - 1 ? 0.5 : 1.0);
            num += Math.sin(Math.PI * (x - e)) * w;
            den += w;
        }
        return -num / den;
    }
}
