package org.ansatz.dynamics.internal;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.osgi.service.component.annotations.Component;

/**
 * The benchmark systems. Parameters follow the papers the targets come from: the HNN paper
 * (Greydanus et al. 2019) for mass-spring, pendulum and two-body; dysts (Gilpin 2021) for the
 * chaotic flows.
 */
public final class Systems {

    private Systems() {
    }

    /** All systems by name, in listing order. */
    public static Map<String, DynamicalSystem> all() {
        Map<String, DynamicalSystem> m = new LinkedHashMap<>();
        m.put("mass-spring", new MassSpring());
        m.put("pendulum", new Pendulum());
        m.put("double-pendulum", new DoublePendulum());
        m.put("two-body", new TwoBody());
        m.put("lorenz", new Lorenz());
        m.put("rossler", new Rossler());
        m.put("chen", new Chen());
        m.put("halvorsen", new Halvorsen());
        m.put("slow-manifold", new SlowManifold());
        return m;
    }

    /** @throws IllegalArgumentException naming the unknown system and the known ones */
    public static DynamicalSystem named(String name) {
        DynamicalSystem s = all().get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown system '" + name + "'; known: " + all().keySet());
        }
        return s;
    }

    /** A point at radius in [lo, hi] and uniform angle, HNN-style sampling of oscillator energies. */
    static double[] ring(SplittableRandom r, double lo, double hi) {
        double radius = lo + (hi - lo) * r.nextDouble();
        double phi = 2 * Math.PI * r.nextDouble();
        return new double[] {radius * Math.cos(phi), radius * Math.sin(phi)};
    }

    /** {@code H = p^2/(2m) + k q^2/2}. */
    @Component(service = DynamicalSystem.class)
    @AnsatzMethod(name = "mass-spring", description = "Ideal mass-spring, H = p^2/2m + k q^2/2 (HNN task 1)")
    public static final class MassSpring extends BaseSystem {
        public MassSpring() {
            super(List.of("q", "p"), List.of("k", "m"), new double[] {1, 1},
                    "ideal mass-spring, H = p^2/2m + k q^2/2 (HNN paper task 1)");
        }

        @Override
        public void derivative(double[] x, double[] dx) {
            dx[0] = x[1] / p(1);
            dx[1] = -p(0) * x[0];
        }

        @Override
        NDArray[] rhs(NDArray[] x, NDArray[] p, NDArray like) {
            return new NDArray[] {x[1].div(p[1]), x[0].mul(p[0]).neg()};
        }

        @Override
        public double[] initialState(SplittableRandom r) {
            return ring(r, 0.2, 1.0);
        }

        @Override
        public double timeScale() {
            return 2 * Math.PI * Math.sqrt(p(1) / p(0));
        }

        @Override
        public boolean conservative() {
            return true;
        }

        @Override
        public double energy(double[] x) {
            return x[1] * x[1] / (2 * p(1)) + p(0) * x[0] * x[0] / 2;
        }

        @Override
        public int canonicalDegrees() {
            return 1;
        }
    }

    /** {@code H = m g l (1 - cos q) + p^2 / (2 m l^2)}, with g = 3 as in the HNN paper. */
    @Component(service = DynamicalSystem.class)
    @AnsatzMethod(name = "pendulum", description = "Ideal pendulum, g = 3 (HNN task 2)")
    public static final class Pendulum extends BaseSystem {
        public Pendulum() {
            super(List.of("q", "p"), List.of("g", "l", "m"), new double[] {3, 1, 1},
                    "ideal pendulum, H = m g l (1 - cos q) + p^2/(2 m l^2), g = 3 (HNN paper task 2)");
        }

        @Override
        public void derivative(double[] x, double[] dx) {
            dx[0] = x[1] / (p(2) * p(1) * p(1));
            dx[1] = -p(2) * p(0) * p(1) * Math.sin(x[0]);
        }

        @Override
        NDArray[] rhs(NDArray[] x, NDArray[] p, NDArray like) {
            return new NDArray[] {x[1].div(p[2].mul(p[1]).mul(p[1])), x[0].sin().mul(p[2].mul(p[0]).mul(p[1])).neg()};
        }

        @Override
        public double[] initialState(SplittableRandom r) {
            return ring(r, 1.3, 2.3);
        }

        @Override
        public double timeScale() {
            return 2 * Math.PI * Math.sqrt(p(1) / p(0));
        }

        @Override
        public boolean conservative() {
            return true;
        }

        @Override
        public double energy(double[] x) {
            return p(2) * p(0) * p(1) * (1 - Math.cos(x[0])) + x[1] * x[1] / (2 * p(2) * p(1) * p(1));
        }

        @Override
        public int canonicalDegrees() {
            return 1;
        }
    }

    /**
     * Planar double pendulum in angles and angular velocities {@code (t1, t2, w1, w2)}: a Lagrangian
     * state, not a canonical one, and chaotic at the sampled energies.
     */
    @Component(service = DynamicalSystem.class)
    @AnsatzMethod(name = "double-pendulum", description = "Planar double pendulum in angles and angular velocities")
    public static final class DoublePendulum extends BaseSystem {
        public DoublePendulum() {
            super(List.of("t1", "t2", "w1", "w2"), List.of("m1", "m2", "l1", "l2", "g"), new double[] {1, 1, 1, 1, 9.81},
                    "double pendulum in (angles, angular velocities); chaotic at large amplitude");
        }

        @Override
        public void derivative(double[] x, double[] dx) {
            double m1 = p(0), m2 = p(1), l1 = p(2), l2 = p(3), g = p(4);
            double d = x[0] - x[1];
            double den = 2 * m1 + m2 - m2 * Math.cos(2 * d);
            dx[0] = x[2];
            dx[1] = x[3];
            dx[2] = (-g * (2 * m1 + m2) * Math.sin(x[0]) - m2 * g * Math.sin(x[0] - 2 * x[1])
                    - 2 * Math.sin(d) * m2 * (x[3] * x[3] * l2 + x[2] * x[2] * l1 * Math.cos(d))) / (l1 * den);
            dx[3] = 2 * Math.sin(d) * (x[2] * x[2] * l1 * (m1 + m2) + g * (m1 + m2) * Math.cos(x[0])
                    + x[3] * x[3] * l2 * m2 * Math.cos(d)) / (l2 * den);
        }

        @Override
        NDArray[] rhs(NDArray[] x, NDArray[] p, NDArray like) {
            NDArray m1 = p[0], m2 = p[1], l1 = p[2], l2 = p[3], g = p[4];
            NDArray two = c(like, 2);
            NDArray d = x[0].sub(x[1]);
            NDArray den = m1.mul(two).add(m2).sub(m2.mul(d.mul(two).cos()));
            NDArray w1sq = x[2].square();
            NDArray w2sq = x[3].square();
            NDArray a1 = g.mul(m1.mul(two).add(m2)).mul(x[0].sin()).neg()
                    .sub(m2.mul(g).mul(x[0].sub(x[1].mul(two)).sin()))
                    .sub(two.mul(d.sin()).mul(m2).mul(w2sq.mul(l2).add(w1sq.mul(l1).mul(d.cos()))))
                    .div(den.mul(l1));
            NDArray a2 = two.mul(d.sin()).mul(w1sq.mul(l1).mul(m1.add(m2)).add(g.mul(m1.add(m2)).mul(x[0].cos()))
                    .add(w2sq.mul(l2).mul(m2).mul(d.cos()))).div(den.mul(l2));
            return new NDArray[] {x[2], x[3], a1, a2};
        }

        @Override
        public double[] initialState(SplittableRandom r) {
            return new double[] {Math.PI / 2 + r.nextDouble() - 0.5, Math.PI / 2 + r.nextDouble() - 0.5,
                0.2 * (r.nextDouble() - 0.5), 0.2 * (r.nextDouble() - 0.5)};
        }

        @Override
        public double timeScale() {
            return 2 * Math.PI * Math.sqrt(p(2) / p(4));
        }

        @Override
        public boolean conservative() {
            return true;
        }

        @Override
        public double energy(double[] x) {
            double m1 = p(0), m2 = p(1), l1 = p(2), l2 = p(3), g = p(4);
            double t = 0.5 * (m1 + m2) * l1 * l1 * x[2] * x[2] + 0.5 * m2 * l2 * l2 * x[3] * x[3]
                    + m2 * l1 * l2 * x[2] * x[3] * Math.cos(x[0] - x[1]);
            // Potential zero at the lowest position, so that relative energy drift is well defined.
            double v = (m1 + m2) * g * l1 * (1 - Math.cos(x[0])) + m2 * g * l2 * (1 - Math.cos(x[1]));
            return t + v;
        }

        @Override
        public int canonicalDegrees() {
            return 0;
        }

        @Override
        public int lagrangianDegrees() {
            return 2;
        }
    }

    /** Two gravitating bodies in the plane, canonical {@code (x1, y1, x2, y2, px1, py1, px2, py2)}. */
    @Component(service = DynamicalSystem.class)
    @AnsatzMethod(name = "two-body", description = "Two bodies under gravity, canonical coordinates (HNN task 4)")
    public static final class TwoBody extends BaseSystem {
        public TwoBody() {
            super(List.of("x1", "y1", "x2", "y2", "px1", "py1", "px2", "py2"), List.of("G", "m1", "m2"),
                    new double[] {1, 1, 1}, "two bodies under gravity in the plane, canonical coordinates (HNN paper task 4)");
        }

        @Override
        public void derivative(double[] x, double[] dx) {
            double g = p(0), m1 = p(1), m2 = p(2);
            double rx = x[0] - x[2], ry = x[1] - x[3];
            double r3 = Math.pow(rx * rx + ry * ry, 1.5);
            double fx = -g * m1 * m2 * rx / r3, fy = -g * m1 * m2 * ry / r3;
            dx[0] = x[4] / m1;
            dx[1] = x[5] / m1;
            dx[2] = x[6] / m2;
            dx[3] = x[7] / m2;
            dx[4] = fx;
            dx[5] = fy;
            dx[6] = -fx;
            dx[7] = -fy;
        }

        @Override
        NDArray[] rhs(NDArray[] x, NDArray[] p, NDArray like) {
            NDArray rx = x[0].sub(x[2]), ry = x[1].sub(x[3]);
            NDArray r3 = rx.square().add(ry.square()).pow(c(like, 1.5));
            NDArray k = p[0].mul(p[1]).mul(p[2]).neg();
            NDArray fx = rx.mul(k).div(r3), fy = ry.mul(k).div(r3);
            return new NDArray[] {x[4].div(p[1]), x[5].div(p[1]), x[6].div(p[2]), x[7].div(p[2]), fx, fy, fx.neg(),
                fy.neg()};
        }

        /** Bodies opposite each other about the origin, speeds 0.8-1.2 times circular: ellipses. */
        @Override
        public double[] initialState(SplittableRandom r) {
            double g = p(0), m1 = p(1), m2 = p(2);
            double radius = 0.5 + r.nextDouble();
            double phi = 2 * Math.PI * r.nextDouble();
            double cx = Math.cos(phi), cy = Math.sin(phi);
            // Equal masses at distance 2 radius: m v^2 / radius = G m1 m2 / (2 radius)^2.
            double v = Math.sqrt(g * m2 / (4 * radius)) * (0.8 + 0.4 * r.nextDouble());
            return new double[] {radius * cx, radius * cy, -radius * cx, -radius * cy, -m1 * v * cy, m1 * v * cx,
                m2 * v * cy, -m2 * v * cx};
        }

        @Override
        public double timeScale() {
            return 2 * Math.PI * Math.sqrt(Math.pow(2, 3) / (p(0) * (p(1) + p(2))));
        }

        @Override
        public boolean conservative() {
            return true;
        }

        @Override
        public double energy(double[] x) {
            double g = p(0), m1 = p(1), m2 = p(2);
            double r = Math.hypot(x[0] - x[2], x[1] - x[3]);
            return (x[4] * x[4] + x[5] * x[5]) / (2 * m1) + (x[6] * x[6] + x[7] * x[7]) / (2 * m2) - g * m1 * m2 / r;
        }

        @Override
        public int canonicalDegrees() {
            return 4;
        }
    }

    /** Chaotic flows start near a point of the attractor and are run past their transient. */
    abstract static class Chaotic extends BaseSystem {
        private final double[] start;
        private final double lyapunov;
        private final double burnIn;

        Chaotic(List<String> vars, List<String> names, double[] params, String description, double[] start,
                double lyapunov, double burnIn) {
            super(vars, names, params, description);
            this.start = start;
            this.lyapunov = lyapunov;
            this.burnIn = burnIn;
        }

        @Override
        public double[] initialState(SplittableRandom r) {
            double[] x = start.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] += r.nextDouble() - 0.5;
            }
            return x;
        }

        @Override
        public double burnIn() {
            return burnIn;
        }

        @Override
        public double lyapunovExponent() {
            return lyapunov;
        }

        @Override
        public double timeScale() {
            return Double.isNaN(lyapunov) ? 1 : 1 / lyapunov;
        }
    }

    /** Lorenz 1963, sigma 10, rho 28, beta 8/3; largest Lyapunov exponent 0.9056 (Sprott). */
    @Component(service = DynamicalSystem.class)
    @AnsatzMethod(name = "lorenz", description = "Lorenz 1963, sigma 10, rho 28, beta 8/3")
    public static final class Lorenz extends Chaotic {
        public Lorenz() {
            super(List.of("x", "y", "z"), List.of("sigma", "rho", "beta"), new double[] {10, 28, 8.0 / 3},
                    "Lorenz 1963 (sigma 10, rho 28, beta 8/3)", new double[] {-9.8, -8.5, 28.6}, 0.9056, 20);
        }

        @Override
        public void derivative(double[] x, double[] dx) {
            dx[0] = p(0) * (x[1] - x[0]);
            dx[1] = x[0] * (p(1) - x[2]) - x[1];
            dx[2] = x[0] * x[1] - p(2) * x[2];
        }

        @Override
        NDArray[] rhs(NDArray[] x, NDArray[] p, NDArray like) {
            return new NDArray[] {x[1].sub(x[0]).mul(p[0]), x[0].mul(p[1].sub(x[2])).sub(x[1]),
                x[0].mul(x[1]).sub(x[2].mul(p[2]))};
        }
    }

    /** Rössler 1976, a = b = 0.2, c = 5.7; largest Lyapunov exponent 0.0714 (Sprott). */
    @Component(service = DynamicalSystem.class)
    @AnsatzMethod(name = "rossler", description = "Roessler 1976, a = b = 0.2, c = 5.7")
    public static final class Rossler extends Chaotic {
        public Rossler() {
            super(List.of("x", "y", "z"), List.of("a", "b", "c"), new double[] {0.2, 0.2, 5.7},
                    "Roessler 1976 (a 0.2, b 0.2, c 5.7)", new double[] {-6, 0, 0.2}, 0.0714, 200);
        }

        @Override
        public void derivative(double[] x, double[] dx) {
            dx[0] = -x[1] - x[2];
            dx[1] = x[0] + p(0) * x[1];
            dx[2] = p(1) + x[2] * (x[0] - p(2));
        }

        @Override
        NDArray[] rhs(NDArray[] x, NDArray[] p, NDArray like) {
            return new NDArray[] {x[1].add(x[2]).neg(), x[0].add(x[1].mul(p[0])), x[2].mul(x[0].sub(p[2])).add(p[1])};
        }
    }

    /** Chen 1999, a 35, b 3, c 28. */
    @Component(service = DynamicalSystem.class)
    @AnsatzMethod(name = "chen", description = "Chen 1999, a 35, b 3, c 28")
    public static final class Chen extends Chaotic {
        public Chen() {
            super(List.of("x", "y", "z"), List.of("a", "b", "c"), new double[] {35, 3, 28},
                    "Chen 1999 (a 35, b 3, c 28)", new double[] {-10, 0, 37}, Double.NaN, 20);
        }

        @Override
        public void derivative(double[] x, double[] dx) {
            dx[0] = p(0) * (x[1] - x[0]);
            dx[1] = (p(2) - p(0)) * x[0] - x[0] * x[2] + p(2) * x[1];
            dx[2] = x[0] * x[1] - p(1) * x[2];
        }

        @Override
        NDArray[] rhs(NDArray[] x, NDArray[] p, NDArray like) {
            return new NDArray[] {x[1].sub(x[0]).mul(p[0]), x[0].mul(p[2].sub(p[0])).sub(x[0].mul(x[2])).add(x[1].mul(p[2])),
                x[0].mul(x[1]).sub(x[2].mul(p[1]))};
        }
    }

    /** Halvorsen's cyclically symmetric flow, a = 1.89 (Sprott). */
    @Component(service = DynamicalSystem.class)
    @AnsatzMethod(name = "halvorsen", description = "Halvorsen cyclically symmetric flow, a 1.89")
    public static final class Halvorsen extends Chaotic {
        public Halvorsen() {
            super(List.of("x", "y", "z"), List.of("a"), new double[] {1.89},
                    "Halvorsen (a 1.89), cyclically symmetric", new double[] {-5, 0, 0}, Double.NaN, 20);
        }

        @Override
        public void derivative(double[] x, double[] dx) {
            for (int i = 0; i < 3; i++) {
                double a = x[i], b = x[(i + 1) % 3], cc = x[(i + 2) % 3];
                dx[i] = -p(0) * a - 4 * b - 4 * cc - b * b;
            }
        }

        @Override
        NDArray[] rhs(NDArray[] x, NDArray[] p, NDArray like) {
            NDArray four = c(like, 4);
            NDArray[] out = new NDArray[3];
            for (int i = 0; i < 3; i++) {
                NDArray b = x[(i + 1) % 3];
                out[i] = x[i].mul(p[0]).neg().sub(b.mul(four)).sub(x[(i + 2) % 3].mul(four)).sub(b.square());
            }
            return out;
        }
    }

    /**
     * {@code x1' = mu x1, x2' = lambda (x2 - x1^2)}: a nonlinear system with a finite Koopman-invariant
     * subspace {@code (x1, x2, x1^2)} and exact eigenvalues {@code mu, lambda, 2 mu}.
     */
    @Component(service = DynamicalSystem.class)
    @AnsatzMethod(name = "slow-manifold", description = "x1' = mu x1, x2' = lambda (x2 - x1^2): exact Koopman eigenvalues")
    public static final class SlowManifold extends BaseSystem {
        public SlowManifold() {
            super(List.of("x1", "x2"), List.of("mu", "lambda"), new double[] {-0.05, -1},
                    "slow manifold x1' = mu x1, x2' = lambda (x2 - x1^2): exact Koopman eigenvalues mu, lambda, 2 mu");
        }

        @Override
        public void derivative(double[] x, double[] dx) {
            dx[0] = p(0) * x[0];
            dx[1] = p(1) * (x[1] - x[0] * x[0]);
        }

        @Override
        NDArray[] rhs(NDArray[] x, NDArray[] p, NDArray like) {
            return new NDArray[] {x[0].mul(p[0]), x[1].sub(x[0].square()).mul(p[1])};
        }

        @Override
        public double[] initialState(SplittableRandom r) {
            return new double[] {4 * r.nextDouble() - 2, 4 * r.nextDouble() - 2};
        }

        @Override
        public double timeScale() {
            return 1 / Math.abs(p(1));
        }
    }
}
