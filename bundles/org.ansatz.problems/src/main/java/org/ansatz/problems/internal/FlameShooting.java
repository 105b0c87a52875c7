package org.ansatz.problems.internal;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A steady premixed flame {@code m T' = T'' + w(T)} on the whole line ({@code T -> 0} cold,
 * {@code T -> 1} hot, {@code w = 0} below an ignition temperature), with its burning-rate eigenvalue
 * {@code m}, by shooting in the phase plane.
 *
 * <p>Why the phase plane: the profile is monotone, so {@code q = T'} is a function of {@code T} and the
 * translation invariance disappears. Written with {@code theta = 1 - T}, {@code z = q / theta} and
 * {@code s = ln theta}, the equation {@code q dq/dT = m q - w} becomes
 * {@code dz/ds = r(theta)/z - z - m} with {@code r = w / theta}, and {@code x} follows from
 * {@code dx/ds = -1/z}. The hot end {@code s -> -inf} is a fixed point, {@code z = mu} with
 * {@code mu^2 + m mu = r(0)}, that attracts when integrating towards the cold side (perturbations decay
 * like {@code theta^(1 + r(0)/mu^2)}), so starting on it at {@code theta = 1e-10} costs nothing
 * measurable, and steps uniform in {@code s} (on each side of the pin) crowd where the solution
 * varies on the scale of {@code theta}. Below the ignition temperature the equation is linear and its bounded solution is
 * {@code T = T_ign exp(m (x - x_ign))}, i.e. {@code q = m T} exactly: {@code m} is the root of
 * {@code q(T_ign; m) - m T_ign}, found by bisection (the sign is that of {@code m_true - m}; a
 * trajectory reaching {@code q = 0} above ignition means {@code m} is too large). Classical RK4 in
 * {@code s} makes {@code m} and the profile fourth-order in the step. Between nodes {@code T(x)} is the
 * quintic Hermite interpolant of {@code T}, {@code T' = q} and {@code T'' = m q - w} (the equation at the
 * node), so that even its second derivative is fourth-order in the node spacing, and the equation can
 * be checked on it by finite differences. Beyond the last node on the hot side the linearisation
 * {@code theta = theta_0 exp(-mu (x - x_0))} takes over.
 */
final class FlameShooting {

    /** Where the integration starts on the hot side. */
    static final double THETA_HOT = 1e-10;

    private final DoubleUnaryOperator rate;
    private final double ignition;
    private final double sHot = Math.log(THETA_HOT);
    private final double sPin;
    private final double sCold;
    private final int stepsHot;
    private final int stepsCold;
    private final double m;
    private final double mu;
    /** Nodes in ascending x (cold to hot): position, temperature, slope, curvature. */
    private final double[] x;
    private final double[] t;
    private final double[] q;
    private final double[] c;

    /**
     * @param rate     {@code r(theta) = w(1 - theta) / theta}, smooth and positive on
     *                 {@code [0, 1 - ignition]}
     * @param ignition the ignition temperature, below which {@code w = 0}
     * @param pin      the temperature placed at {@code x = 0}, above {@code ignition}
     * @param steps    RK4 steps in {@code s} from {@code theta = 1e-10} to ignition, half of them
     *                 below the pin
     */
    FlameShooting(DoubleUnaryOperator rate, double ignition, double pin, int steps) {
        if (!(ignition > 0 && ignition < pin && pin < 1)) {
            throw new IllegalArgumentException("need 0 < ignition < pin < 1, got " + ignition + ", " + pin);
        }
        this.rate = rate;
        this.ignition = ignition;
        sPin = Math.log(1 - pin);
        sCold = Math.log(1 - ignition);
        // Half the steps between the pin and ignition, where z is smallest and so each step in s is
        // longest in x: this evens out the node spacing in x (uniform s would give it 2 %).
        stepsCold = Math.max(1, steps / 2);
        stepsHot = Math.max(1, steps - stepsCold);
        m = eigenvalue();
        mu = hotRoot(m);
        int n = stepsHot + stepsCold + 1;
        x = new double[n];
        t = new double[n];
        q = new double[n];
        c = new double[n];
        trajectory();
    }

    /** The burning rate (mass flux through the flame, in units where the diffusivity is 1). */
    double burningRate() {
        return m;
    }

    /** The decay rate of {@code 1 - T} far on the hot side. */
    double hotDecay() {
        return mu;
    }

    /** The position of the ignition temperature (the pin is at 0). */
    double ignitionPosition() {
        return x[0];
    }

    private double hotRoot(double mm) {
        return (-mm + Math.sqrt(mm * mm + 4 * rate.applyAsDouble(0))) / 2;
    }

    private double dz(double s, double z, double mm) {
        return rate.applyAsDouble(Math.exp(s)) / z - z - mm;
    }

    /** One RK4 step of {@code (z, x)}; returns z and adds the change of x to {@code dx[0]}. */
    private double step(double s, double z, double h, double mm, double[] dx) {
        double k1 = dz(s, z, mm);
        double z2 = z + h / 2 * k1;
        double k2 = dz(s + h / 2, z2, mm);
        double z3 = z + h / 2 * k2;
        double k3 = dz(s + h / 2, z3, mm);
        double z4 = z + h * k3;
        double k4 = dz(s + h, z4, mm);
        if (dx != null) {
            dx[0] -= h / 6 * (1 / z + 2 / z2 + 2 / z3 + 1 / z4);
        }
        return z + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
    }

    /** {@code q(T_ign) - m T_ign}, or -1 when the trajectory stalls (q reaches 0) above ignition. */
    double mismatch(double mm) {
        double z = hotRoot(mm);
        double[] legs = {sHot, sPin, sCold};
        int[] counts = {stepsHot, stepsCold};
        for (int leg = 0; leg < 2; leg++) {
            double h = (legs[leg + 1] - legs[leg]) / counts[leg];
            for (int i = 0; i < counts[leg]; i++) {
                z = step(legs[leg] + i * h, z, h, mm, null);
                if (!(z > 0) || Double.isInfinite(z)) {
                    return -1;
                }
            }
        }
        return z * (1 - ignition) - mm * ignition;
    }

    private double eigenvalue() {
        double lo = 0;
        double hi = 1;
        while (mismatch(hi) > 0) {
            lo = hi;
            hi *= 2;
            if (hi > 1e8) {
                throw new IllegalStateException("no burning rate below 1e8");
            }
        }
        // Bisection to adjacent doubles: sign changes are all it needs, stalls included.
        for (int i = 0; i < 200 && hi - lo > 2 * Math.ulp(hi); i++) {
            double mid = (lo + hi) / 2;
            if (mismatch(mid) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private void trajectory() {
        int n = x.length;
        double[] s = new double[n];
        double[] z = new double[n];
        double[] xs = new double[n];
        z[0] = mu;
        s[0] = sHot;
        double[] legs = {sHot, sPin, sCold};
        int[] counts = {stepsHot, stepsCold};
        int k = 0;
        double[] pos = {0};
        for (int leg = 0; leg < 2; leg++) {
            double h = (legs[leg + 1] - legs[leg]) / counts[leg];
            for (int i = 0; i < counts[leg]; i++) {
                z[k + 1] = step(legs[leg] + i * h, z[k], h, m, pos);
                xs[k + 1] = pos[0];
                s[k + 1] = i + 1 == counts[leg] ? legs[leg + 1] : legs[leg] + (i + 1) * h;
                k++;
            }
        }
        double shift = xs[stepsHot];
        for (int i = 0; i < n; i++) {
            int j = n - 1 - i;
            double theta = Math.exp(s[i]);
            x[j] = xs[i] - shift;
            t[j] = 1 - theta;
            q[j] = z[i] * theta;
        }
        // The pin and ignition nodes exactly, rather than through exp(log(.)).
        t[stepsCold] = 1 - Math.exp(sPin);
        t[0] = ignition;
        q[0] = m * ignition;
        for (int j = 0; j < n; j++) {
            double theta = 1 - t[j];
            c[j] = m * q[j] - theta * rate.applyAsDouble(theta);
        }
    }

    /** The temperature at {@code x} (any real). */
    double temperature(double at) {
        if (at <= x[0]) {
            return ignition * Math.exp(m * (at - x[0]));
        }
        int last = x.length - 1;
        if (at >= x[last]) {
            return 1 - (1 - t[last]) * Math.exp(-mu * (at - x[last]));
        }
        int i = Arrays.binarySearch(x, at);
        if (i >= 0) {
            return t[i];
        }
        i = -i - 2;
        double h = x[i + 1] - x[i];
        double u = (at - x[i]) / h;
        double u2 = u * u;
        double u3 = u2 * u;
        double v = 1 - u;
        double h0 = v * v * v * (1 + 3 * u + 6 * u2);
        double h1 = u * v * v * v * (1 + 3 * u);
        double h2 = u2 * v * v * v / 2;
        double h3 = u3 * (10 - 15 * u + 6 * u2);
        double h4 = u3 * v * (-4 + 3 * u);
        double h5 = u3 * v * v / 2;
        return h0 * t[i] + h1 * h * q[i] + h2 * h * h * c[i] + h3 * t[i + 1] + h4 * h * q[i + 1]
                + h5 * h * h * c[i + 1];
    }

    /** Number of nodes of the profile. */
    int nodes() {
        return x.length;
    }
}
