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
