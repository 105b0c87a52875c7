package org.ansatz.problems.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.engine.Tensors;
import org.ansatz.api.expr.Symbols;
import org.ansatz.api.method.AnsatzMethod;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.problem.PointSet;
import org.ansatz.api.problem.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * The lid-driven cavity at {@code Re = 100}: steady incompressible Navier-Stokes for {@code (u, v, p)} on
 * {@code [0,1]^2}, {@code nu = 1/100}, no slip on the walls and {@code u = 1} on the lid {@code y = 1}
 * (Ghia, Ghia and Shin 1982 use the same). The lid's velocity jumps at its ends: the vorticity and the
 * pressure are unbounded there ({@code p ~ 1/r}, not even square-integrable), which a smooth network
 * cannot follow; it limits what a PINN reaches near the top corners, and the comparison leaves them out.
 *
 * <p>Reference: {@link CavityFlow} (streamfunction, second-order finite differences, Newton) on the
 * 65 x 65 and 129 x 129 node grids, Richardson-extrapolated, {@code (4 f_129 - f_65) / 3}; solved on first
 * use (a few seconds) and kept. The evaluation points are the interior nodes of the 65-node grid, nodes of
 * both, less those within {@value #CORNER} of the lid's ends: 3917 points, compared with solver values,
 * not interpolated ones.
 *
 * <p>Pressure gauge: p is fixed only up to a constant. The reference pressure has zero mean over the
 * evaluation points, and the condition {@code gauge} pins the network's p at the centre to the
 * reference's value there, so {@code rel-l2} (taken over u, v and p together) compares like with like; the
 * pin's own error shifts the whole pressure and is part of the measured error.
 */
@Component(service = Problem.class)
@AnsatzMethod(name = "lid-driven-cavity", description = "Lid-driven cavity, steady Navier-Stokes Re = 100, "
        + "system (u, v, p); streamfunction finite-difference reference")
public class LidDrivenCavity extends ExactSystemProblem {

    static final double RE = 100;
    /** Evaluation points closer than this to {@code (0,1)} or {@code (1,1)} are left out. */
    static final double CORNER = 0.1;
    static final int COARSE = 64;
    static final int FINE = 128;
    /** Where the pressure is pinned: a node of both grids, away from the walls. */
    static final double[] PIN = {0.5, 0.5};
    private static final Box DOMAIN = new Box(new double[] {0, 0}, new double[] {1, 1});

    private volatile double[] gauge;
    private final CavityFlow.Lid lid;
    private final double corner;

    public LidDrivenCavity() {
        this(CavityFlow.Lid.UNIFORM, CORNER);
    }

    /**
     * @param lid    the lid's velocity profile
     * @param corner evaluation points closer than this to the lid's ends are left out (0: none)
     */
    LidDrivenCavity(CavityFlow.Lid lid, double corner) {
        super(List.of("u*u_x + v*u_y + p_x - nu*(u_xx + u_yy)",
                        "u*v_x + v*v_y + p_y - nu*(v_xx + v_yy)",
                        "u_x + v_y"),
                Symbols.of(List.of("x", "y"), List.of("u", "v", "p"), Map.of("nu", 1 / RE)));
        this.lid = lid;
        this.corner = corner;
    }

    @Override
    public String description() {
        return "Lid-driven cavity, steady Navier-Stokes Re = 100, system (u, v, p); streamfunction finite-difference reference";
    }

    @Override
    public Box domain() {
        return DOMAIN;
    }

    /** The Richardson combination of the two grids, pressure with its gauge not yet fixed. */
    private double[] extrapolated(double x, double y) {
        double[] c = CavityFlow.solve(COARSE, RE, lid).at(x, y);
        double[] f = CavityFlow.solve(FINE, RE, lid).at(x, y);
        return new double[] {(4 * f[0] - c[0]) / 3, (4 * f[1] - c[1]) / 3, (4 * f[2] - c[2]) / 3};
    }

    /** The mean of the extrapolated pressure over the evaluation points, computed once. */
    private double pressureMean() {
        double[] g = gauge;
        if (g == null) {
            PointSet points = evaluationPoints();
            double sum = 0;
            for (int i = 0; i < points.size(); i++) {
                sum += extrapolated(points.get(i, 0), points.get(i, 1))[2];
            }
            g = new double[] {sum / points.size()};
            gauge = g;
        }
        return g[0];
    }

    @Override
    double[] exact(double[] point) {
        double[] r = extrapolated(point[0], point[1]);
        r[2] -= pressureMean();
        return r;
    }

    @Override
    String referenceSource() {
        return "streamfunction finite differences (Newton, Thom wall vorticity) on 65^2 and 129^2 nodes, "
                + "Richardson-extrapolated; least-squares pressure, mean zero over the evaluation points";
    }

    @Override
    public PointSet evaluationPoints() {
        List<Double> p = new ArrayList<>();
        for (int j = 1; j < COARSE; j++) {
            for (int i = 1; i < COARSE; i++) {
                double x = (double) i / COARSE;
                double y = (double) j / COARSE;
                if (Math.hypot(x, 1 - y) >= corner && Math.hypot(1 - x, 1 - y) >= corner) {
                    p.add(x);
                    p.add(y);
                }
            }
        }
        return new PointSet(inputs(), p.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * {@code lid}: u = 1, v = 0 on {@code y = 1}; {@code walls}: u = v = 0 on the other three sides (as
     * many points as the lid, where the flow is hardest); {@code gauge}: p at the centre equals the
     * reference's.
     */
    @Override
    public List<Condition> conditions(boolean hardConstraints) {
        if (hardConstraints) {
            throw new IllegalArgumentException("lid-driven-cavity imposes its boundary data as loss terms; "
                    + "use constraints=soft");
        }
        Condition top = velocity("lid", lid, (count, random) -> {
            double[] p = new double[2 * count];
            for (int i = 0; i < count; i++) {
                p[2 * i] = random.nextDouble();
                p[2 * i + 1] = 1;
            }
            return p;
        });
        Condition walls = velocity("walls", null, (count, random) -> {
            double[] p = new double[2 * count];
            for (int i = 0; i < count; i++) {
                double s = 3 * random.nextDouble();
                int side = Math.min((int) s, 2);
                double t = s - side;
                p[2 * i] = side == 0 ? 0 : side == 1 ? t : 1;
                p[2 * i + 1] = side == 1 ? 0 : t;
            }
            return p;
        });
        Condition pin = new Condition() {
            @Override
            public String name() {
                return "gauge";
            }

            @Override
            public double[] sample(int count, SplittableRandom random) {
                double[] p = new double[2 * count];
                for (int i = 0; i < count; i++) {
                    p[2 * i] = PIN[0];
                    p[2 * i + 1] = PIN[1];
                }
                return p;
            }

            @Override
            public NDArray residual(Jet u, NDArray x) {
                return columns(u, new int[] {2}).sub(exactAt(x, new int[] {2}));
            }
        };
        return List.of(top, walls, pin);
    }

    private interface Sampler {
        double[] sample(int count, SplittableRandom random);
    }

    /** {@code (u, v) = (lidSpeed, 0)} at the points of {@code sampler}. */
    /** {@code (u, v) = (U(x), 0)} at the sampled points; a null lid means a wall, {@code U = 0}. */
    private static Condition velocity(String name, CavityFlow.Lid speed, Sampler sampler) {
        return new Condition() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[] sample(int count, SplittableRandom random) {
                return sampler.sample(count, random);
            }

            @Override
            public NDArray residual(Jet u, NDArray x) {
                long n = x.getShape().get(0);
                double[] data = new double[(int) (2 * n)];
                if (speed != null) {
                    double[] points = Tensors.toDoubles(x);
                    for (int i = 0; i < n; i++) {
                        data[2 * i] = speed.at(points[2 * i]);
                    }
                }
                NDArray target = x.getManager().create(data, new Shape(n, 2)).toType(x.getDataType(), false);
                return columns(u, new int[] {0, 1}).sub(target);
            }
        };
    }

    /**
     * Wider than for Kovasznay (the shear layer under the lid, the corner eddies), more collocation
     * and boundary points.
     */
    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = EquationProblem.pinnDefaults("64,64,64,64", "soft", 4000, 4000, 3000);
        d.put("points.conditions", 400);
        return d;
    }
}
