package org.ansatz.datasets.internal;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.ansatz.api.method.Options;

/** The built-in generators; each is registered by a {@link GeneratorProvider} component. */
final class Generators {

    private Generators() {
    }

    static Generator named(String name) {
        return switch (name) {
            case "burgers" -> new Burgers();
            case "darcy" -> new Darcy();
            case "advection" -> new Advection();
            case "diffusion-reaction" -> new DiffusionReaction();
            default -> throw new IllegalArgumentException("unknown generator '" + name
                    + "'; known: burgers, darcy, advection, diffusion-reaction");
        };
    }

    /** Functions on the periodic [0, 1) at a power-of-two number of points (FFT solvers). */
    abstract static class Periodic1d extends Generator {
        @Override
        int defaultResolution() {
            return 1024;
        }

        @Override
        void checkResolution(int resolution) {
            checkPowerOfTwo(name(), resolution);
        }

        @Override
        List<double[]> grid(int resolution) {
            return List.of(periodicGrid(resolution));
        }

        @Override
        boolean periodic() {
            return true;
        }

        /** Option {@code kmax}, the highest wavenumber of the initial sines, resolved by the grid. */
        int kmax(Options o, int fallback, int resolution) {
            int kmax = o.integer("kmax", fallback, 1);
            if (2 * kmax >= resolution) {
                throw new IllegalArgumentException(name() + ": kmax " + kmax + " is not resolved by " + resolution
                        + " points (needs kmax < resolution/2)");
            }
            return kmax;
        }
    }

    /**
     * FNO-paper Burgers: {@code u0 ~ N(0, 625 (-Laplace + 25)^-2)} on the periodic [0, 1), {@code nu = 0.1},
     * output {@code u(., 1)}. With {@code refine = r} the field is sampled and solved on {@code r}
     * times as many points and both functions are subsampled (the paper solved at 8192 points).
     */
    static final class Burgers extends Periodic1d {
        @Override
        String name() {
            return "burgers";
        }


        @Override
        Map<String, Double> parameters(Options o, int resolution) {
            int refine = o.integer("refine", 1, 1);
            if (Integer.bitCount(refine) != 1) {
                throw new IllegalArgumentException("burgers: refine must be a power of two, got " + refine);
            }
            return ordered("nu", o.real("nu", 0.1, 1e-6), "t", o.real("t", 1.0, 1e-9),
                    "steps", o.integer("steps", 200, 1), "refine", refine,
                    "sigma", o.real("sigma", 25, 0), "tau", o.real("tau", 5, 0), "alpha", o.real("alpha", 2, 0.5));
        }


        @Override
        double[][] sample(int resolution, Map<String, Double> p, RandomGenerator random) {
            int r = p.get("refine").intValue();
            int fine = resolution * r;
            double[] a = Grf.periodic1d(fine, p.get("sigma"), p.get("tau"), p.get("alpha"), random);
            double[] u = new BurgersSolver(fine, p.get("nu")).solve(a, p.get("t"), p.get("steps").intValue());
            return new double[][] {subsample(a, r), subsample(u, r)};
        }

        @Override
        UnaryOperator<double[]> solver(int resolution, Map<String, Double> p) {
            int r = p.get("refine").intValue();
            BurgersSolver s = new BurgersSolver(resolution * r, p.get("nu"));
            return a -> subsample(s.solve(Spectral.upsample(a, r), p.get("t"), p.get("steps").intValue()), r);
        }
    }

    /**
     * FNO-paper Darcy flow: {@code -div(a grad u) = 1} on the unit square, {@code u = 0} on the boundary,
     * {@code a = 12} where a Neumann GRF {@code N(0, (-Laplace + 9)^-2)} is non-negative and 3
     * elsewhere. With {@code refine = r} the problem is solved on {@code r (s - 1) + 1} nodes per side
     * and subsampled (the paper solved at 421 and subsampled to 85).
     */
    static final class Darcy extends Generator {
        @Override
        String name() {
            return "darcy";
        }

        @Override
        int defaultResolution() {
            return 85;
        }

        @Override
        void checkResolution(int resolution) {
            if (resolution < 5) {
                throw new IllegalArgumentException("darcy: resolution must be at least 5 nodes per side, got "
                        + resolution);
            }
        }

        @Override
        Map<String, Double> parameters(Options o, int resolution) {
            int refine = o.integer("refine", 1, 1);
            int fine = refine * (resolution - 1) + 1;
            return ordered("refine", refine, "modes", o.integer("modes", fine, 2),
                    "tau", o.real("tau", 3, 0), "alpha", o.real("alpha", 2, 0.5),
                    "high", o.real("high", 12, 1e-12), "low", o.real("low", 3, 1e-12), "f", o.real("f", 1, -1e12));
        }

        @Override
        List<double[]> grid(int resolution) {
            return List.of(closedGrid(resolution), closedGrid(resolution));
        }

        @Override
        boolean periodic() {
            return false;
        }

        @Override
        double[][] sample(int resolution, Map<String, Double> p, RandomGenerator random) {
            int r = p.get("refine").intValue();
            int fine = r * (resolution - 1) + 1;
            double[] psi = Grf.neumann2d(fine, Math.min(fine, p.get("modes").intValue()), p.get("tau"),
                    p.get("alpha"), random);
            double[] a = new double[psi.length];
            for (int i = 0; i < psi.length; i++) {
                a[i] = psi[i] >= 0 ? p.get("high") : p.get("low");
            }
            double[] u = DarcySolver.solve(fine, a, constant(fine * fine, p.get("f")));
            return new double[][] {subsample2d(a, fine, r), subsample2d(u, fine, r)};
        }

        @Override
        UnaryOperator<double[]> solver(int resolution, Map<String, Double> p) {
            int r = p.get("refine").intValue();
            int fine = r * (resolution - 1) + 1;
            double f = p.get("f");
            return a -> {
                // The coarse coefficient is all there is: each fine node takes its nearest coarse value.
                double[] af = new double[fine * fine];
                for (int i = 0; i < fine; i++) {
                    for (int j = 0; j < fine; j++) {
                        af[i * fine + j] = a[Math.round((float) i / r) * resolution + Math.round((float) j / r)];
                    }
                }
                return subsample2d(DarcySolver.solve(fine, af, constant(fine * fine, f)), fine, r);
            };
        }

        static double[] constant(int n, double v) {
            double[] c = new double[n];
            java.util.Arrays.fill(c, v);
            return c;
        }

        static double[] subsample2d(double[] v, int fine, int r) {
            if (r == 1) {
                return v;
            }
            int s = (fine - 1) / r + 1;
            double[] out = new double[s * s];
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    out[i * s + j] = v[i * r * fine + j * r];
                }
            }
            return out;
        }
    }

    /**
     * Linear advection {@code u_t + beta u_x = 0} on the periodic [0, 1) (PDEBench: beta in 0.1 ... 4, t = 2);
     * initial conditions are sums of {@code waves} sines with wavenumbers up to {@code kmax}.
     */
    static final class Advection extends Periodic1d {
        @Override
        String name() {
            return "advection";
        }


        @Override
        Map<String, Double> parameters(Options o, int resolution) {
            int kmax = kmax(o, 8, resolution);
            return ordered("beta", o.real("beta", 0.4, -1e6), "t", o.real("t", 2.0, 0),
                    "waves", o.integer("waves", 2, 1), "kmax", kmax);
        }


        @Override
        double[][] sample(int resolution, Map<String, Double> p, RandomGenerator random) {
            double[] a = sines(periodicGrid(resolution), p.get("waves").intValue(), p.get("kmax").intValue(), random,
                    null);
            return new double[][] {a, solver(resolution, p).apply(a)};
        }

        @Override
        UnaryOperator<double[]> solver(int resolution, Map<String, Double> p) {
            AdvectionSolver s = new AdvectionSolver(resolution, p.get("beta"));
            return a -> s.solve(a, p.get("t"));
        }
    }

    /**
     * Fisher-KPP diffusion-reaction {@code u_t = nu u_xx + rho u (1 - u)} on the periodic [0, 1)
     * (PDEBench: nu = 0.5, rho = 1, t = 1); initial conditions are sums of sines mapped into [0, 1].
     */
    static final class DiffusionReaction extends Periodic1d {
        @Override
        String name() {
            return "diffusion-reaction";
        }


        @Override
        Map<String, Double> parameters(Options o, int resolution) {
            int kmax = kmax(o, 4, resolution);
            return ordered("nu", o.real("nu", 0.5, 0), "rho", o.real("rho", 1.0, 0), "t", o.real("t", 1.0, 0),
                    "steps", o.integer("steps", 200, 1), "waves", o.integer("waves", 2, 1), "kmax", kmax);
        }


        @Override
        double[][] sample(int resolution, Map<String, Double> p, RandomGenerator random) {
            double[] total = new double[1];
            double[] s = sines(periodicGrid(resolution), p.get("waves").intValue(), p.get("kmax").intValue(), random,
                    total);
            // |s| <= sum of amplitudes, so this lands in [0, 1] at every resolution alike.
            double[] a = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                a[i] = (s[i] + total[0]) / (2 * total[0]);
            }
            return new double[][] {a, solver(resolution, p).apply(a)};
        }

        @Override
        UnaryOperator<double[]> solver(int resolution, Map<String, Double> p) {
            DiffusionReactionSolver s = new DiffusionReactionSolver(resolution, p.get("nu"), p.get("rho"));
            return a -> s.solve(a, p.get("t"), p.get("steps").intValue());
        }
    }
}
