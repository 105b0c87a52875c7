package org.ansatz.gp.internal;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ansatz.api.derivative.MultiIndex;
import org.ansatz.api.method.Options;
import org.ansatz.api.pde.Box;
import org.ansatz.api.pde.Condition;
import org.ansatz.api.pde.PdeProblem;
import org.ansatz.api.problem.Problem;

/** What every GP solver checks and reads from a PDE problem: linear equations and linear conditions. */
final class PdeSetup {

    /** One condition's points and its probed operator. */
    record ProbedCondition(String name, double[] points, LinearProbe.Operator operator) {
    }

    private PdeSetup() {
    }

    static PdeProblem pde(Problem problem, String solver) {
        if (!(problem instanceof PdeProblem p)) {
            throw new IllegalArgumentException("solver " + solver + " needs a PDE problem, got "
                    + problem.getClass().getSimpleName());
        }
        if (!p.unknowns().isEmpty()) {
            throw new IllegalArgumentException("solver " + solver + " solves forward problems; this problem has unknown "
                    + "coefficients " + p.unknowns().keySet());
        }
        return p;
    }

    /** Whether the problem's geometry is its whole box (GP-HFM's grid must cover the domain exactly). */
    static boolean isBox(PdeProblem p) {
        SplittableRandom r = new SplittableRandom(7);
        Box b = p.domain();
        double[] q = b.uniform(2000, r);
        int d = b.dimension();
        double[] x = new double[d];
        for (int i = 0; i < 2000; i++) {
            System.arraycopy(q, i * d, x, 0, d);
            if (!p.geometry().contains(x)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The problem's conditions as loss terms (never its hard-constraint transform, which a GP cannot use).
     *
     * @throws IllegalArgumentException when the problem offers hard constraints only
     */
    static List<Condition> conditions(PdeProblem p, String solver) {
        try {
            return p.conditions(false);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("solver " + solver + " needs the problem's boundary and initial "
                    + "conditions as data, but this problem only imposes them through a network transform ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Samples each condition and reads its linear functional; duplicate points are dropped. */
    static List<ProbedCondition> probeConditions(PdeProblem p, List<Condition> conditions, int count, long seed,
            NDManager manager) {
        int d = p.inputs().size();
        List<ProbedCondition> out = new ArrayList<>();
        int i = 0;
        for (Condition c : conditions) {
            double[] pts = c.sample(count, new SplittableRandom(seed + 31L * i++));
            pts = unique(pts, d);
            double[] pointsUsed = pts;
            LinearProbe.Operator op = LinearProbe.probe("condition " + c.name(),
                    (u, x) -> c.residual(u, x), c.derivatives(), d, p.outputs().size(), pointsUsed, manager);
            out.add(new ProbedCondition(c.name(), pointsUsed, op));
        }
        return out;
    }

    /**
     * Places each condition at the collocation grid's nodes on the box faces it covers, the way
     * collocation imposes boundary data: the faces are then resolved at the grid's own spacing, with
     * far fewer points than random sampling needs (docs/gp.md). A corner shared by two conditions goes
     * to the first. Returns {@code null} when some condition is not a union of whole faces (interior
     * observations, part of a face, paired periodic points); the caller then samples instead.
     */
    static List<double[]> gridFacePoints(List<Condition> conditions, double[][] grid, long seed) {
        int d = grid.length;
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int a = 0; a < d; a++) {
            lo[a] = grid[a][0];
            hi[a] = grid[a][grid[a].length - 1];
        }
        int probes = 4000;
        List<boolean[]> covered = new ArrayList<>();
        int i = 0;
        for (Condition c : conditions) {
            double[] pts = c.sample(probes, new SplittableRandom(seed + 31L * i++));
            int n = pts.length / d;
            if (n == 0) {
                return null;
            }
            boolean[] faces = new boolean[2 * d];
            double[][] min = new double[2 * d][d];
            double[][] max = new double[2 * d][d];
            for (double[] row : min) {
                java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
            }
            for (double[] row : max) {
                java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
            }
            for (int p = 0; p < n; p++) {
                boolean onSome = false;
                for (int f = 0; f < 2 * d; f++) {
                    int a = f / 2;
                    double bound = f % 2 == 0 ? lo[a] : hi[a];
                    if (Math.abs(pts[p * d + a] - bound) <= 1e-12 * Math.max(1, hi[a] - lo[a])) {
                        onSome = true;
                        faces[f] = true;
                        for (int b = 0; b < d; b++) {
                            min[f][b] = Math.min(min[f][b], pts[p * d + b]);
                            max[f][b] = Math.max(max[f][b], pts[p * d + b]);
                        }
                    }
                }
                if (!onSome) {
                    return null;
                }
            }
            // A face counts only when the samples on it span it; a condition on part of a face is left
            // to random sampling.
            for (int f = 0; f < 2 * d; f++) {
                if (!faces[f]) {
                    continue;
                }
                for (int b = 0; b < d; b++) {
                    if (b != f / 2 && max[f][b] - min[f][b] < 0.95 * (hi[b] - lo[b])) {
                        return null;
                    }
                }
            }
            covered.add(faces);
        }
        int[] sizes = new int[d];
        int total = 1;
        for (int a = 0; a < d; a++) {
            sizes[a] = grid[a].length;
            total *= sizes[a];
        }
        boolean[] taken = new boolean[total];
        List<double[]> out = new ArrayList<>();
        int[] idx = new int[d];
        for (boolean[] faces : covered) {
            double[] pts = new double[total * d];
            int count = 0;
            for (int k = 0; k < total; k++) {
                int rest = k;
                for (int a = d - 1; a >= 0; a--) {
                    idx[a] = rest % sizes[a];
                    rest /= sizes[a];
                }
                boolean on = false;
                for (int f = 0; f < 2 * d && !on; f++) {
                    on = faces[f] && idx[f / 2] == (f % 2 == 0 ? 0 : sizes[f / 2] - 1);
                }
                if (on && !taken[k]) {
                    taken[k] = true;
                    for (int a = 0; a < d; a++) {
                        pts[count * d + a] = grid[a][idx[a]];
                    }
                    count++;
                }
            }
            out.add(java.util.Arrays.copyOf(pts, count * d));
        }
        return out;
    }

    /** Reads each condition's linear functional at the given points (one array per condition). */
    static List<ProbedCondition> probeConditionsAt(PdeProblem p, List<Condition> conditions, List<double[]> points,
            NDManager manager) {
        int d = p.inputs().size();
        List<ProbedCondition> out = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            double[] pts = points.get(i);
            if (pts.length == 0) {
                continue;
            }
            LinearProbe.Operator op = LinearProbe.probe("condition " + c.name(), (u, x) -> c.residual(u, x),
                    c.derivatives(), d, p.outputs().size(), pts, manager);
            out.add(new ProbedCondition(c.name(), pts, op));
        }
        return out;
    }

    /**
     * Keeps the first of coinciding points (a 1D boundary sampled twice at the same end), which would
     * make the conditions' system singular. Conditions that sample paired points (periodicity) are kept
     * as they are.
     */
    static double[] unique(double[] pts, int d) {
        int n = pts.length / d;
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            StringBuilder k = new StringBuilder();
            for (int a = 0; a < d; a++) {
                k.append(pts[i * d + a]).append(',');
            }
            seen.putIfAbsent(k.toString(), i);
        }
        if (seen.size() == n) {
            return pts;
        }
        double[] out = new double[seen.size() * d];
        int j = 0;
        for (int i : seen.values()) {
            System.arraycopy(pts, i * d, out, j++ * d, d);
        }
        return out;
    }

    /** Per-axis derivative counts of a multi-index. */
    static int[] orders(MultiIndex m, int d) {
        int[] o = new int[d];
        for (int a : m.axes()) {
            o[a]++;
        }
        return o;
    }

    /**
     * Marks the problem's default settings read: they are meant for the solver the problem defaults to
     * (the PINN's model and budget), and a GP solver ignores them.
     */
    static void ignoreProblemDefaults(Options s, Problem problem) {
        for (String k : problem.defaults().keySet()) {
            s.string(k, null);
        }
    }
}
