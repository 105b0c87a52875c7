package org.ansatz.bench.cases;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.engine.Tensors;

/**
 * The derivative workloads of the suite and of the JMH benchmarks, defined once: PINN steps (Burgers,
 * 2D Poisson), the k-th derivative of a 1D network, and the Laplacian in d dimensions.
 */
public final class DerivativeCases {

    public static final String STEPS = "steps";
    public static final String ORDER = "order";
    public static final String LAPLACIAN = "laplacian";

    /** Order case: N and network of the 1D k-th derivative. */
    public static final int ORDER_POINTS = 10_000;
    public static final int ORDER_WIDTH = 20;
    public static final int ORDER_DEPTH = 8;
    /** Laplacian case: modest N and a 4x32 network, so that d = 50 in nested reverse mode stays affordable. */
    public static final int LAPLACIAN_POINTS = 1000;
    public static final int LAPLACIAN_WIDTH = 32;
    public static final int LAPLACIAN_DEPTH = 4;
    public static final int[] LAPLACIAN_DIMENSIONS = {2, 5, 10, 50};

    private static final double NU = 0.01 / Math.PI;

    private DerivativeCases() {
    }

    /** (N, depth) pairs of the PINN step table; width 20 throughout. */
    public static int[][] stepSizes(boolean quick) {
        return quick ? new int[][] {{2540, 3}, {10000, 8}} : new int[][] {{2540, 3}, {2540, 8}, {10000, 3}, {10000, 8}};
    }

    /** Burgers residual u_t + u u_x - nu u_xx on inputs (t, x), mean square. */
    public static DerivativeCase burgers(int n, int width, int depth) {
        MultiIndex t = MultiIndex.of(0);
        MultiIndex x = MultiIndex.of(1);
        MultiIndex xx = MultiIndex.of(1, 1);
        return new DerivativeCase(STEPS, String.format(Locale.ROOT, "Burgers, N=%d, %dx%d tanh", n, depth, width),
                2, n, width, depth, DerivativePlan.of(2, t, x, xx), points -> d -> {
                    NDArray u = d.apply(MultiIndex.VALUE);
                    NDArray uxx = d.apply(xx);
                    NDArray r = d.apply(t).add(u.mul(d.apply(x))).sub(uxx.mul(Tensors.scalar(uxx, NU)));
                    return r.square().mean();
                }, net("burgers", n, width, depth));
    }

    /** 2D Poisson residual u_xx + u_yy + f with f = 2 pi^2 sin(pi x) sin(pi y), mean square. */
    public static DerivativeCase poisson(int n, int width, int depth) {
        MultiIndex xx = MultiIndex.of(0, 0);
        MultiIndex yy = MultiIndex.of(1, 1);
        return new DerivativeCase(STEPS, String.format(Locale.ROOT, "Poisson 2D, N=%d, %dx%d tanh", n, depth, width),
                2, n, width, depth, DerivativePlan.of(2, xx, yy), points -> {
                    NDArray f = points.get(":, 0:1").mul(Math.PI).sin().mul(points.get(":, 1:2").mul(Math.PI).sin())
                            .mul(2 * Math.PI * Math.PI);
                    return d -> d.apply(xx).add(d.apply(yy)).add(f).square().mean();
                }, net("poisson", n, width, depth));
    }

    /** d^k u / dx^k of a 1D network, mean square. */
    public static DerivativeCase order(int k) {
        MultiIndex mi = MultiIndex.of(new int[k]);
        List<String> args = new ArrayList<>(net("order", ORDER_POINTS, ORDER_WIDTH, ORDER_DEPTH));
        args.addAll(List.of("--order", "" + k));
        return new DerivativeCase(ORDER, "k=" + k + " (d^" + k + "u/dx^" + k + ")", 1, ORDER_POINTS, ORDER_WIDTH,
                ORDER_DEPTH, DerivativePlan.of(1, mi), points -> d -> d.apply(mi).square().mean(), args);
    }

    /** Laplacian sum_i u_ii in {@code dim} dimensions, mean square. */
    public static DerivativeCase laplacian(int dim) {
        List<MultiIndex> second = new ArrayList<>();
        for (int i = 0; i < dim; i++) {
            second.add(MultiIndex.of(i, i));
        }
        List<String> args = new ArrayList<>(net("laplacian", LAPLACIAN_POINTS, LAPLACIAN_WIDTH, LAPLACIAN_DEPTH));
        args.addAll(List.of("--dim", "" + dim));
        return new DerivativeCase(LAPLACIAN, "d=" + dim, dim, LAPLACIAN_POINTS, LAPLACIAN_WIDTH, LAPLACIAN_DEPTH,
                DerivativePlan.of(dim, second), points -> d -> {
                    NDArray lap = d.apply(second.get(0));
                    for (MultiIndex m : second.subList(1, second.size())) {
                        lap = lap.add(d.apply(m));
                    }
                    return lap.square().mean();
                }, args);
    }

    /**
     * A workload by short name, for the JMH parameters: {@code order-K}, {@code laplacian-D},
     * {@code burgers-N-DEPTH}, {@code poisson-N-DEPTH}.
     */
    public static DerivativeCase byName(String name) {
        String[] p = name.split("-");
        try {
            return switch (p[0]) {
                case "order" -> order(Integer.parseInt(p[1]));
                case "laplacian" -> laplacian(Integer.parseInt(p[1]));
                case "burgers" -> burgers(Integer.parseInt(p[1]), 20, Integer.parseInt(p[2]));
                case "poisson" -> poisson(Integer.parseInt(p[1]), 20, Integer.parseInt(p[2]));
                default -> throw new IllegalArgumentException("unknown workload '" + name + "'");
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("unknown workload '" + name + "'", e);
        }
    }

    private static List<String> net(String pde, int n, int width, int depth) {
        return List.of("--case", pde, "--n", "" + n, "--width", "" + width, "--depth", "" + depth);
    }
}
