package org.ansatz.problems.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Steady lid-driven cavity flow on {@code [0,1]^2} (lid {@code u = U(x)} at {@code y = 1}, {@link Lid}:
 * Ghia's uniform {@code U = 1} or PINNacle's {@code U = 4x(1-x)}; no slip on the other walls) in the streamfunction form {@code nu lap^2 psi - psi_y lap(psi)_x + psi_x lap(psi)_y = 0},
 * {@code u = psi_y}, {@code v = -psi_x}, {@code psi = 0} on the walls.
 *
 * <p>Method: second-order central differences on an {@code (n+1) x (n+1)} node grid, the wall vorticity
 * from Thom's formula (the ghost value that makes {@code d psi/dn} equal the wall velocity; globally
 * second order), and Newton's method straight on the steady equations. A streamfunction has no pressure
 * and its discrete velocity is divergence-free by construction, and Newton converges quadratically to the
 * discrete steady state instead of approaching it through a physical transient as a projection method
 * would. The residual is quadratic in {@code psi}, so the Jacobian's columns, found 25 at a time (nodes
 * five apart in both directions touch disjoint rows of the 13-point stencil), are exact central
 * differences; the banded Jacobian is factored without pivoting (its biharmonic part dominates).
 * Even grids start from the half grid's solution; two Jacobians and a few chord steps then suffice.
 *
 * <p>The pressure is fitted, in least squares over the grid's edges, to the pressure gradient the
 * momentum equations give ({@link #pressure()}); its mean over the interior nodes is zero.
 *
 * <p>At the lid's ends the velocity is discontinuous and the vorticity and pressure are unbounded; the
 * grid values near those corners converge slowly, and the corner nodes themselves belong to the side walls
 * ({@code u = 0}). Away from them the error falls as {@code h^2} (measured: 65, 129 and 257 nodes).
 */
final class CavityFlow {

    /** The lid's velocity profile. */
    enum Lid {
        /** {@code U = 1}: Ghia, Ghia and Shin (1982); discontinuous at the lid's ends. */
        UNIFORM {
            @Override
            double at(double x) {
                return 1;
            }
        },
        /** {@code U = 4x(1-x)}: PINNacle's NS2d-C; continuous, zero at the ends, no corner singularity. */
        PARABOLIC {
            @Override
            double at(double x) {
                return 4 * x * (1 - x);
            }
        };

        abstract double at(double x);
    }

    private static final Map<String, CavityFlow> CACHE = new ConcurrentHashMap<>();

    final int n;
    final double h;
    final double nu;
    final Lid lid;
    /** Node fields, index {@code j * (n + 1) + i} for the node {@code (i h, j h)}. */
    final double[] psi;
    final double[] u;
    final double[] v;
    final double[] p;
    /** Newton steps taken on this grid. */
    final int newtonSteps;
    /** The least-squares pressure's constant mode before it is dropped, relative: zero up to rounding. */
    final double compatibility;

    private CavityFlow(int n, double re, Lid lid, double[] start) {
        if (n < 8) {
            throw new IllegalArgumentException("the cavity needs at least 8 intervals per side, got " + n);
        }
        this.n = n;
        this.h = 1.0 / n;
        this.nu = 1 / re;
        this.lid = lid;
        int nodes = (n + 1) * (n + 1);
        psi = start == null ? new double[nodes] : start;
        newtonSteps = newton();
        u = new double[nodes];
        v = new double[nodes];
        velocities();
        p = new double[nodes];
        compatibility = pressure();
    }

    /** The flow with the uniform lid on an n x n grid at Reynolds number re, solved once per JVM. */
    static CavityFlow solve(int n, double re) {
        return solve(n, re, Lid.UNIFORM);
    }

    /** The flow on an n x n grid at Reynolds number re, solved once per JVM and lid. */
    static synchronized CavityFlow solve(int n, double re, Lid lid) {
        String key = n + "@" + re + "@" + lid;
        CavityFlow f = CACHE.get(key);
        if (f == null) {
            double[] start = n % 2 == 0 && n / 2 >= 16 ? solve(n / 2, re, lid).refined() : null;
            f = new CavityFlow(n, re, lid, start);
            CACHE.putIfAbsent(key, f);
        }
        return f;
    }

    private int at(int i, int j) {
        return j * (n + 1) + i;
    }

    /** This grid's streamfunction, bilinearly on the grid twice as fine: a start for Newton there. */
    private double[] refined() {
        int m = 2 * n;
        double[] out = new double[(m + 1) * (m + 1)];
        for (int j = 0; j <= m; j++) {
            for (int i = 0; i <= m; i++) {
                int i0 = i / 2;
                int j0 = j / 2;
                int i1 = Math.min(i0 + i % 2, n);
                int j1 = Math.min(j0 + j % 2, n);
                out[j * (m + 1) + i] = 0.25 * (psi[at(i0, j0)] + psi[at(i1, j0)] + psi[at(i0, j1)] + psi[at(i1, j1)]);
            }
        }
        return out;
    }

    /** {@code lap psi} at every node but the corners; at the walls from Thom's ghost value. */
    private void laplacian(double[] s, double[] lap) {
        double h2 = h * h;
        for (int j = 1; j < n; j++) {
            for (int i = 1; i < n; i++) {
                int k = at(i, j);
                lap[k] = (s[k - 1] + s[k + 1] + s[k - n - 1] + s[k + n + 1] - 4 * s[k]) / h2;
            }
        }
        for (int t = 1; t < n; t++) {
            lap[at(t, 0)] = 2 * s[at(t, 1)] / h2;
            lap[at(t, n)] = 2 * s[at(t, n - 1)] / h2 + 2 * lid.at(t * h) / h;
            lap[at(0, t)] = 2 * s[at(1, t)] / h2;
            lap[at(n, t)] = 2 * s[at(n - 1, t)] / h2;
        }
    }

    /** The discrete vorticity equation at the interior nodes, row {@code (j-1)(n-1) + i-1}. */
    private void residual(double[] s, double[] lap, double[] out) {
        laplacian(s, lap);
        int w = n + 1;
        double h2 = h * h;
        double q = 1 / (4 * h2);
        for (int j = 1; j < n; j++) {
            for (int i = 1; i < n; i++) {
                int k = at(i, j);
                double diffusion = nu * (lap[k - 1] + lap[k + 1] + lap[k - w] + lap[k + w] - 4 * lap[k]) / h2;
                double advection = (s[k + w] - s[k - w]) * (lap[k + 1] - lap[k - 1])
                        - (s[k + 1] - s[k - 1]) * (lap[k + w] - lap[k - w]);
                out[(j - 1) * (n - 1) + i - 1] = diffusion - q * advection;
            }
        }
    }

    private int newton() {
        int m = n - 1;
        int size = m * m;
        int band = 2 * m;
        double[] lap = new double[psi.length];
        double[] r = new double[size];
        double[] a = new double[size * (2 * band + 1)];
        BandLu lu = null;
        for (int step = 1; step <= 40; step++) {
            residual(psi, lap, r);
            if (lu == null) {
                jacobian(a, band);
                lu = new BandLu(a, size, band);
            }
            lu.solve(negate(r));
            double change = 0;
            double scale = 0;
            for (int j = 1; j < n; j++) {
                for (int i = 1; i < n; i++) {
                    double d = r[(j - 1) * m + i - 1];
                    psi[at(i, j)] += d;
                    change = Math.max(change, Math.abs(d));
                    scale = Math.max(scale, Math.abs(psi[at(i, j)]));
                }
            }
            if (change <= 1e-12 * scale) {
                return step;
            }
            // Near the solution the last Jacobian still contracts strongly: reuse its factors (chord
            // steps, a back substitution each) rather than factoring anew.
            if (change > 1e-3 * scale) {
                lu = null;
            }
        }
        throw new IllegalStateException("Newton's method did not converge for the cavity on " + n + "^2");
    }

    /** The residual's Jacobian at {@code psi}, in {@link BandLu}'s layout. */
    private void jacobian(double[] a, int band) {
        int m = n - 1;
        int width = 2 * band + 1;
        double[] lap = new double[psi.length];
        double[] plus = new double[m * m];
        double[] minus = new double[m * m];
        double[] trial = new double[psi.length];
        java.util.Arrays.fill(a, 0);
        for (int ci = 0; ci < 5; ci++) {
            for (int cj = 0; cj < 5; cj++) {
                System.arraycopy(psi, 0, trial, 0, psi.length);
                shift(trial, ci, cj, 1);
                residual(trial, lap, plus);
                shift(trial, ci, cj, -2);
                residual(trial, lap, minus);
                for (int j = 1 + cj; j < n; j += 5) {
                    for (int i = 1 + ci; i < n; i += 5) {
                        int col = (j - 1) * m + i - 1;
                        for (int dj = -2; dj <= 2; dj++) {
                            for (int di = Math.abs(dj) - 2; di <= 2 - Math.abs(dj); di++) {
                                int ri = i + di;
                                int rj = j + dj;
                                if (ri >= 1 && ri < n && rj >= 1 && rj < n) {
                                    int row = (rj - 1) * m + ri - 1;
                                    a[row * width + col - row + band] = 0.5 * (plus[row] - minus[row]);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** Adds {@code by} to psi at the interior nodes {@code (ci + 1 + 5a, cj + 1 + 5b)}. */
    private void shift(double[] s, int ci, int cj, double by) {
        for (int j = 1 + cj; j < n; j += 5) {
            for (int i = 1 + ci; i < n; i += 5) {
                s[at(i, j)] += by;
            }
        }
    }

    private static double[] negate(double[] r) {
        for (int k = 0; k < r.length; k++) {
            r[k] = -r[k];
        }
        return r;
    }

    private void velocities() {
        int w = n + 1;
        for (int j = 1; j < n; j++) {
            for (int i = 1; i < n; i++) {
                int k = at(i, j);
                u[k] = (psi[k + w] - psi[k - w]) / (2 * h);
                v[k] = -(psi[k + 1] - psi[k - 1]) / (2 * h);
            }
        }
        for (int i = 1; i < n; i++) {
            u[at(i, n)] = lid.at(i * h);
        }
    }

    /**
     * The pressure whose differences along the grid's edges best match, in least squares, the momentum
     * equation's {@code grad p = nu lap u - (u . grad) u} (central differences, averaged onto the edges),
     * over the interior nodes; the walls' values are extrapolated linearly. Least squares needs no
     * pressure boundary condition: a Neumann condition would carry the lid corners' unbounded pressure
     * gradient into the compatibility of the whole solve and spoil the pressure everywhere, while here
     * a corner's error stays near it. Returns the right-hand side's constant mode relative to its largest
     * mode: zero up to rounding, since normal equations are always solvable.
     */
    private double pressure() {
        int w = n + 1;
        int m = n - 1;
        double[] lap = new double[psi.length];
        laplacian(psi, lap);
        double[] gx = new double[psi.length];
        double[] gy = new double[psi.length];
        double d = 2 * h;
        for (int j = 1; j < n; j++) {
            for (int i = 1; i < n; i++) {
                int k = at(i, j);
                gx[k] = nu * (lap[k + w] - lap[k - w]) / d
                        - (u[k] * (u[k + 1] - u[k - 1]) + v[k] * (u[k + w] - u[k - w])) / d;
                gy[k] = -nu * (lap[k + 1] - lap[k - 1]) / d
                        - (u[k] * (v[k + 1] - v[k - 1]) + v[k] * (v[k + w] - v[k - w])) / d;
            }
        }
        // normal equations: graph Laplacian of p = divergence of the edge data, both over interior nodes
        double[] rhs = new double[m * m];
        for (int j = 1; j < n; j++) {
            for (int i = 1; i < n; i++) {
                int k = at(i, j);
                double s = 0;
                if (i < n - 1) {
                    s += 0.5 * (gx[k] + gx[k + 1]);
                }
                if (i > 1) {
                    s -= 0.5 * (gx[k] + gx[k - 1]);
                }
                if (j < n - 1) {
                    s += 0.5 * (gy[k] + gy[k + w]);
                }
                if (j > 1) {
                    s -= 0.5 * (gy[k] + gy[k - w]);
                }
                rhs[(j - 1) * m + i - 1] = s * h;
            }
        }
        double[] a = CosineTransform.forward(rhs, m);
        double largest = 0;
        for (double x : a) {
            largest = Math.max(largest, Math.abs(x));
        }
        double defect = Math.abs(a[0]) / largest;
        for (int l = 0; l < m; l++) {
            for (int k = 0; k < m; k++) {
                double lambda = 2 * Math.cos(Math.PI * k / m) + 2 * Math.cos(Math.PI * l / m) - 4;
                a[l * m + k] = k + l == 0 ? 0 : a[l * m + k] / lambda;
            }
        }
        double[] inner = CosineTransform.inverse(a, m);
        for (int j = 1; j < n; j++) {
            System.arraycopy(inner, (j - 1) * m, p, at(1, j), m);
            p[at(0, j)] = 2 * p[at(1, j)] - p[at(2, j)];
            p[at(n, j)] = 2 * p[at(n - 1, j)] - p[at(n - 2, j)];
        }
        for (int i = 0; i <= n; i++) {
            p[at(i, 0)] = 2 * p[at(i, 1)] - p[at(i, 2)];
            p[at(i, n)] = 2 * p[at(i, n - 1)] - p[at(i, n - 2)];
        }
        return defect;
    }

    /** {@code (u, v, p)} at a point of the closed square, bilinear between nodes. */
    double[] at(double x, double y) {
        if (!(x >= -1e-12 && x <= 1 + 1e-12 && y >= -1e-12 && y <= 1 + 1e-12)) {
            throw new IllegalArgumentException("(" + x + ", " + y + ") lies outside the cavity [0,1]^2");
        }
        double sx = Math.min(Math.max(x * n, 0), n);
        double sy = Math.min(Math.max(y * n, 0), n);
        int i = Math.min((int) sx, n - 1);
        int j = Math.min((int) sy, n - 1);
        double a = sx - i;
        double b = sy - j;
        int k = at(i, j);
        int w = n + 1;
        double w00 = (1 - a) * (1 - b);
        double w10 = a * (1 - b);
        double w01 = (1 - a) * b;
        double w11 = a * b;
        return new double[] {
            w00 * u[k] + w10 * u[k + 1] + w01 * u[k + w] + w11 * u[k + w + 1],
            w00 * v[k] + w10 * v[k + 1] + w01 * v[k + w] + w11 * v[k + w + 1],
            w00 * p[k] + w10 * p[k + 1] + w01 * p[k + w] + w11 * p[k + w + 1]};
    }
}
