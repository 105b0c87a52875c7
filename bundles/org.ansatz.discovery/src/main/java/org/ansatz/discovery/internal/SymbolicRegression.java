package org.ansatz.discovery.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.ansatz.api.discovery.Candidate;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Symbolic regression by genetic programming on expression trees: islands of tournament selection
 * with subtree crossover and mutations (point, subtree, insert, delete, hoist, constant jitter),
 * constant folding, linear scaling, Levenberg-Marquardt optimisation of the constants (with the
 * scaling projected out), parsimony pressure and a
 * hall of fame holding the Pareto front of accuracy against size.
 */
public final class SymbolicRegression {

    /** Search settings. */
    public record Settings(int population, int islands, int maxSize, double parsimony, double seconds,
            int maxGenerations, List<String> unary, long seed, double targetLoss) {

        public Settings {
            if (population < 10) {
                throw new IllegalArgumentException("population must be >= 10, got " + population);
            }
            if (islands < 1) {
                throw new IllegalArgumentException("islands must be >= 1, got " + islands);
            }
            if (maxSize < 3 || maxSize > 200) {
                throw new IllegalArgumentException("max size must be in [3, 200], got " + maxSize);
            }
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("time budget must be positive, got " + seconds);
            }
            for (String u : unary) {
                if (!List.of("sin", "cos", "exp", "log", "sqrt", "tanh", "abs", "tan").contains(u)) {
                    throw new IllegalArgumentException("unknown unary operator '" + u
                            + "'; known: sin, cos, tan, exp, log, sqrt, tanh, abs");
                }
            }
            unary = List.copyOf(unary);
        }

        /** Defaults: 4 islands of 250, size 30, 60 s. */
        public static Settings defaults() {
            return new Settings(250, 4, 30, 0.0005, 60, Integer.MAX_VALUE, List.of("sin", "cos", "exp", "log", "sqrt"), 0,
                    1e-24);
        }
    }

    /** The outcome of a search. */
    public record Result(String best, double bestLoss, List<Candidate> front, int generations, long evaluations,
            double seconds, Expr expression) {
    }

    private final Settings settings;

    public SymbolicRegression(Settings settings) {
        this.settings = settings;
    }

    private static final class Individual {
        final Expr expr;
        final double loss;
        final int size;
        final double score;

        Individual(Expr expr, double loss, int size, double parsimony) {
            this.expr = expr;
            this.loss = loss;
            this.size = size;
            // log-loss so that improvements are judged relatively, as exact fits approach 0
            this.score = Math.log10(loss + 1e-30) + parsimony * size * 100;
        }
    }

    private double[][] x;
    private double[] y;
    private int n;
    private List<String> names;
    private double yVar;
    private Random rnd;
    private long evaluations;
    private final TreeMap<Integer, Individual> hall = new TreeMap<>();
    private Expr.Op1[] unaryOps;

    /**
     * @param inputs {@code inputs[v][i]}: variable {@code v} at sample {@code i}
     * @param target the values to explain
     * @param names  variable names (used for printing)
     */
    public Result fit(double[][] inputs, double[] target, List<String> names) {
        if (inputs.length == 0 || inputs.length != names.size()) {
            throw new IllegalArgumentException(inputs.length + " input columns for names " + names);
        }
        for (int v = 0; v < inputs.length; v++) {
            if (inputs[v].length != target.length) {
                throw new IllegalArgumentException("input '" + names.get(v) + "' has " + inputs[v].length
                        + " samples, the target " + target.length);
            }
        }
        if (target.length < 5) {
            throw new IllegalArgumentException("symbolic regression needs at least 5 samples, got " + target.length);
        }
        for (double v : target) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("target has a non-finite value " + v);
            }
        }
        this.names = List.copyOf(names);
        this.rnd = new Random(settings.seed());
        // The search scores candidates on a fixed random subset: several times the evaluations per
        // second, and an exact form is as exact on 128 points as on all; the front is re-fitted on
        // all samples at the end.
        int m = Math.min(target.length, 128);
        int[] rows = java.util.stream.IntStream.range(0, target.length).toArray();
        for (int i = rows.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = rows[i];
            rows[i] = rows[j];
            rows[j] = t;
        }
        this.x = new double[inputs.length][m];
        this.y = new double[m];
        for (int i = 0; i < m; i++) {
            for (int v = 0; v < inputs.length; v++) {
                x[v][i] = inputs[v][rows[i]];
            }
            y[i] = target[rows[i]];
        }
        this.n = m;
        double mean = Arrays.stream(target).average().orElse(0);
        this.yVar = Arrays.stream(target).map(v -> (v - mean) * (v - mean)).sum() / target.length;
        if (!(yVar > 0)) {
            yVar = Math.max(1e-300, mean * mean);
        }
        this.unaryOps = settings.unary().stream().map(u -> Expr.Op1.valueOf(u.toUpperCase(java.util.Locale.ROOT)))
                .toArray(Expr.Op1[]::new);
        long start = System.nanoTime();
        double budget = settings.seconds() * 1e9;
        int per = settings.population();
        List<List<Individual>> islands = new ArrayList<>();
        for (int k = 0; k < settings.islands(); k++) {
            List<Individual> pop = new ArrayList<>();
            for (int i = 0; i < per; i++) {
                pop.add(evaluate(random(1 + rnd.nextInt(4)), rnd.nextDouble() < 0.3));
            }
            islands.add(pop);
        }
        int gen = 0;
        while (gen < settings.maxGenerations() && System.nanoTime() - start < budget) {
            for (List<Individual> pop : islands) {
                evolve(pop);
            }
            gen++;
            if (gen % 20 == 0 && islands.size() > 1) {
                // migration: every island receives a few members of the hall of fame
                List<Individual> elite = new ArrayList<>(hall.values());
                for (List<Individual> pop : islands) {
                    for (int k = 0; k < 3 && !elite.isEmpty(); k++) {
                        pop.set(rnd.nextInt(pop.size()), elite.get(rnd.nextInt(elite.size())));
                    }
                }
            }
            if (!hall.isEmpty() && hall.values().stream().mapToDouble(i -> i.loss).min().orElse(1) <= settings.targetLoss() * yVar) {
                break;
            }
        }
        // polish the front's constants thoroughly, now on all samples
        this.x = inputs;
        this.y = target;
        this.n = target.length;
        double fullMean = Arrays.stream(target).average().orElse(0);
        this.yVar = Math.max(1e-300, Arrays.stream(target).map(v -> (v - fullMean) * (v - fullMean)).sum() / n);
        List<Individual> previous = new ArrayList<>(hall.values());
        hall.clear();
        for (Individual ind : previous) {
            consider(new Individual(ind.expr, loss(ind.expr, n), ind.size, settings.parsimony()));
        }
        for (Integer size : new ArrayList<>(hall.keySet())) {
            Individual ind = hall.get(size);
            Expr e = ind.expr.copy();
            optimiseConstants(e, 100, n);
            consider(evaluate(e, false));
        }
        List<Candidate> front = front();
        Individual best = choose();
        Expr chosen = materialise(best.expr);
        return new Result(chosen.toString(), best.loss, front, gen, evaluations, (System.nanoTime() - start) / 1e9, chosen);
    }

    private List<Candidate> front() {
        List<Candidate> out = new ArrayList<>();
        double bestSoFar = Double.POSITIVE_INFINITY;
        for (Individual i : hall.values()) {
            if (i.loss < bestSoFar) {
                out.add(new Candidate(i.size, i.loss, materialise(i.expr).toString()));
                bestSoFar = i.loss;
            }
        }
        return out;
    }

    /**
     * The simplest member of the front that fits to the target loss; otherwise the one with the
     * steepest drop of log-loss per added node among those within 1.5 times the best loss (the
     * selection rule PySR calls "best").
     */
    private Individual choose() {
        List<Individual> f = new ArrayList<>();
        double bestSoFar = Double.POSITIVE_INFINITY;
        for (Individual i : hall.values()) {
            if (i.loss < bestSoFar) {
                f.add(i);
                bestSoFar = i.loss;
            }
        }
        double threshold = Math.max(settings.targetLoss() * yVar, 1e-20 * yVar);
        for (Individual i : f) {
            if (i.loss <= threshold) {
                return i;
            }
        }
        double min = f.stream().mapToDouble(i -> i.loss).min().orElse(0);
        Individual pick = f.get(f.size() - 1);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < f.size(); k++) {
            Individual i = f.get(k);
            if (i.loss > 1.5 * min) {
                continue;
            }
            double score = k == 0 ? 0 : -(Math.log(i.loss + 1e-300) - Math.log(f.get(k - 1).loss + 1e-300))
                    / (i.size - f.get(k - 1).size);
            if (score > bestScore) {
                bestScore = score;
                pick = i;
            }
        }
        return pick;
    }

    private void evolve(List<Individual> pop) {
        int size = pop.size();
        for (int c = 0; c < size; c++) {
            Individual parent = tournament(pop);
            Expr child;
            double r = rnd.nextDouble();
            if (r < 0.25) {
                child = crossover(parent.expr, tournament(pop).expr);
            } else {
                child = mutate(parent.expr);
            }
            child = fold(child);
            if (child.size() > settings.maxSize()) {
                continue;
            }
            Individual ind = evaluate(child, rnd.nextDouble() < 0.1);
            if (!Double.isFinite(ind.loss)) {
                continue;
            }
            // replace the oldest-style: a random member of a reverse tournament
            int worst = rnd.nextInt(size);
            for (int k = 0; k < 3; k++) {
                int o = rnd.nextInt(size);
                if (pop.get(o).score > pop.get(worst).score) {
                    worst = o;
                }
            }
            pop.set(worst, ind);
        }
    }

    private Individual tournament(List<Individual> pop) {
        Individual best = pop.get(rnd.nextInt(pop.size()));
        for (int k = 1; k < 6; k++) {
            Individual o = pop.get(rnd.nextInt(pop.size()));
            if (o.score < best.score) {
                best = o;
            }
        }
        return best;
    }

    private Individual evaluate(Expr e, boolean optimise) {
        if (optimise && !Expr.constantsOf(e).isEmpty()) {
            optimiseConstants(e, 15, n);
        }
        double loss = loss(e, n);
        Individual ind = new Individual(e, loss, e.size(), settings.parsimony());
        consider(ind);
        return ind;
    }

    private void consider(Individual ind) {
        if (!Double.isFinite(ind.loss)) {
            return;
        }
        Individual cur = hall.get(ind.size);
        if (cur == null || ind.loss < cur.loss) {
            hall.put(ind.size, ind);
        }
    }

    private double loss(Expr e, int rows) {
        evaluations++;
        double[] p = predict(e, rows);
        double s = 0;
        for (int i = 0; i < rows; i++) {
            double d = p[i] - y[i];
            s += d * d;
        }
        double l = s / rows;
        return Double.isFinite(l) ? l : Double.POSITIVE_INFINITY;
    }

    /**
     * Predictions with linear scaling (Keijzer 2003): {@code a + b f} with the least-squares
     * {@code a, b} for the first {@code rows} samples, so that the search looks for the shape of
     * the formula and leaves offsets and factors such as {@code 1/(4 pi)} to algebra.
     */
    private double[] predict(Expr e, int rows) {
        double[] f = e.eval(x, n);
        double[] ab = scaling(f, rows);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = ab[0] + ab[1] * f[i];
        }
        return out;
    }

    private double[] scaling(double[] f, int rows) {
        double mf = 0;
        double my = 0;
        for (int i = 0; i < rows; i++) {
            mf += f[i];
            my += y[i];
        }
        mf /= rows;
        my /= rows;
        double sff = 0;
        double sfy = 0;
        for (int i = 0; i < rows; i++) {
            sff += (f[i] - mf) * (f[i] - mf);
            sfy += (f[i] - mf) * (y[i] - my);
        }
        double b = sff > 1e-300 * rows ? sfy / sff : 0;
        return new double[] {my - b * mf, b};
    }

    /** The expression with its scaling written out, offsets and unit factors that do not matter dropped. */
    private Expr materialise(Expr e) {
        double[] f = e.eval(x, n);
        double[] ab = scaling(f, n);
        double a = ab[0];
        double b = ab[1];
        double scale = Math.sqrt(yVar) + Math.abs(java.util.Arrays.stream(y).average().orElse(0));
        Expr out = e.copy();
        if (Math.abs(b - 1) > 1e-12) {
            out = new Expr.Binary(Expr.Op2.MUL, new Expr.Const(b), out);
        }
        if (Math.abs(a) > 1e-12 * scale) {
            out = new Expr.Binary(Expr.Op2.ADD, out, new Expr.Const(a));
        }
        return out;
    }

    /** Levenberg-Marquardt on the constants, Jacobian by central differences, on the first {@code rows} samples. */
    void optimiseConstants(Expr e, int iterations, int rows) {
        List<Expr.Const> cs = Expr.constantsOf(e);
        int p = cs.size();
        if (p == 0) {
            return;
        }
        double lambda = 1e-3;
        double current = loss(e, rows);
        if (!Double.isFinite(current)) {
            return;
        }
        DMatrixRMaj jtj = new DMatrixRMaj(p, p);
        DMatrixRMaj jtr = new DMatrixRMaj(p, 1);
        DMatrixRMaj step = new DMatrixRMaj(p, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.linear(p);
        for (int it = 0; it < iterations; it++) {
            double[] base = predict(e, rows);
            double[][] jac = new double[p][];
            for (int k = 0; k < p; k++) {
                Expr.Const c = cs.get(k);
                double v = c.value;
                double h = 1e-6 * Math.max(1, Math.abs(v));
                // variable projection: the scaling is re-solved at every perturbed point
                c.value = v + h;
                double[] plus = predict(e, rows);
                c.value = v - h;
                double[] minus = predict(e, rows);
                c.value = v;
                jac[k] = new double[rows];
                for (int i = 0; i < rows; i++) {
                    jac[k][i] = (plus[i] - minus[i]) / (2 * h);
                }
            }
            for (int a = 0; a < p; a++) {
                double g = 0;
                for (int i = 0; i < rows; i++) {
                    g += jac[a][i] * (y[i] - base[i]);
                }
                jtr.set(a, 0, g);
                for (int b = 0; b <= a; b++) {
                    double s = 0;
                    for (int i = 0; i < rows; i++) {
                        s += jac[a][i] * jac[b][i];
                    }
                    jtj.set(a, b, s);
                    jtj.set(b, a, s);
                }
            }
            boolean improved = false;
            for (int tries = 0; tries < 8 && !improved; tries++) {
                DMatrixRMaj m = jtj.copy();
                for (int a = 0; a < p; a++) {
                    m.add(a, a, lambda * (jtj.get(a, a) + 1e-12));
                }
                if (!solver.setA(m)) {
                    lambda *= 10;
                    continue;
                }
                solver.solve(jtr, step);
                double[] old = new double[p];
                for (int k = 0; k < p; k++) {
                    old[k] = cs.get(k).value;
                    cs.get(k).value += step.get(k, 0);
                }
                double next = loss(e, rows);
                if (Double.isFinite(next) && next < current) {
                    improved = true;
                    double rel = (current - next) / (current + 1e-300);
                    current = next;
                    lambda = Math.max(1e-12, lambda / 10);
                    if (rel < 1e-12) {
                        return;
                    }
                } else {
                    for (int k = 0; k < p; k++) {
                        cs.get(k).value = old[k];
                    }
                    lambda *= 10;
                }
            }
            if (!improved) {
                return;
            }
        }
    }

    // ---- variation ----

    private Expr random(int depth) {
        if (depth <= 0 || rnd.nextDouble() < 0.3) {
            return leaf();
        }
        if (unaryOps.length > 0 && rnd.nextDouble() < 0.2) {
            return new Expr.Unary(unaryOps[rnd.nextInt(unaryOps.length)], random(depth - 1));
        }
        return new Expr.Binary(randomOp2(), random(depth - 1), random(depth - 1));
    }

    private Expr.Op2 randomOp2() {
        double r = rnd.nextDouble();
        // powers only with small integer exponents, inserted by mutation
        return r < 0.25 ? Expr.Op2.ADD : r < 0.45 ? Expr.Op2.SUB : r < 0.75 ? Expr.Op2.MUL : Expr.Op2.DIV;
    }

    private Expr leaf() {
        if (rnd.nextDouble() < 0.75) {
            int v = rnd.nextInt(names.size());
            return new Expr.Var(v, names.get(v));
        }
        return new Expr.Const(rnd.nextDouble() < 0.5 ? rnd.nextInt(5) + 1 : rnd.nextGaussian() * 2);
    }

    private List<Expr> nodes(Expr e) {
        List<Expr> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        out.add(e);
        if (e instanceof Expr.Unary u) {
            collect(u.arg, out);
        } else if (e instanceof Expr.Binary b) {
            collect(b.left, out);
            collect(b.right, out);
        }
    }

    /** A copy of {@code e} with the node {@code target} (by identity) replaced by {@code with}. */
    private static Expr replace(Expr e, Expr target, Expr with) {
        if (e == target) {
            return with;
        }
        if (e instanceof Expr.Unary u) {
            Expr a = replace(u.arg, target, with);
            return a == u.arg ? e : new Expr.Unary(u.op, a);
        }
        if (e instanceof Expr.Binary b) {
            Expr l = replace(b.left, target, with);
            Expr r = replace(b.right, target, with);
            return l == b.left && r == b.right ? e : new Expr.Binary(b.op, l, r);
        }
        return e;
    }

    private Expr mutate(Expr parent) {
        Expr e = parent.copy();
        List<Expr> ns = nodes(e);
        Expr node = ns.get(rnd.nextInt(ns.size()));
        double r = rnd.nextDouble();
        if (r < 0.2) {
            List<Expr.Const> cs = Expr.constantsOf(e);
            if (!cs.isEmpty()) {
                Expr.Const c = cs.get(rnd.nextInt(cs.size()));
                c.value = rnd.nextDouble() < 0.5 ? c.value * (1 + 0.5 * rnd.nextGaussian()) : c.value + rnd.nextGaussian();
                return e;
            }
        }
        if (r < 0.4) {
            // point mutation: same arity, different operator or leaf
            if (node instanceof Expr.Binary b) {
                return replace(e, node, new Expr.Binary(randomOp2(), b.left, b.right));
            }
            if (node instanceof Expr.Unary u && unaryOps.length > 0) {
                return replace(e, node, new Expr.Unary(unaryOps[rnd.nextInt(unaryOps.length)], u.arg));
            }
            return replace(e, node, leaf());
        }
        if (r < 0.6) {
            // insert: wrap the node in an operation with a fresh leaf
            Expr wrapped;
            double q = rnd.nextDouble();
            if (q < 0.2 && unaryOps.length > 0) {
                wrapped = new Expr.Unary(unaryOps[rnd.nextInt(unaryOps.length)], node);
            } else if (q < 0.3) {
                wrapped = new Expr.Binary(Expr.Op2.POW, node, new Expr.Const(rnd.nextBoolean() ? 2 : (rnd.nextBoolean() ? 3 : 0.5)));
            } else {
                wrapped = rnd.nextBoolean() ? new Expr.Binary(randomOp2(), node, leaf())
                        : new Expr.Binary(randomOp2(), leaf(), node);
            }
            return replace(e, node, wrapped);
        }
        if (r < 0.75) {
            // delete: replace an operation by one of its operands
            if (node instanceof Expr.Unary u) {
                return replace(e, node, u.arg);
            }
            if (node instanceof Expr.Binary b) {
                return replace(e, node, rnd.nextBoolean() ? b.left : b.right);
            }
            return replace(e, node, leaf());
        }
        if (r < 0.85) {
            // hoist: a subtree becomes the whole
            return node;
        }
        return replace(e, node, random(1 + rnd.nextInt(3)));
    }

    private Expr crossover(Expr a, Expr b) {
        Expr ca = a.copy();
        List<Expr> na = nodes(ca);
        List<Expr> nb = nodes(b.copy());
        return replace(ca, na.get(rnd.nextInt(na.size())), nb.get(rnd.nextInt(nb.size())));
    }

    /** Constant folding: subtrees without variables become one constant. */
    static Expr fold(Expr e) {
        if (e instanceof Expr.Unary u) {
            Expr a = fold(u.arg);
            if (a instanceof Expr.Const c) {
                double v = new Expr.Unary(u.op, c).eval(new double[0][], 1)[0];
                return Double.isFinite(v) ? new Expr.Const(v) : new Expr.Unary(u.op, a);
            }
            return a == u.arg ? e : new Expr.Unary(u.op, a);
        }
        if (e instanceof Expr.Binary b) {
            Expr l = fold(b.left);
            Expr r = fold(b.right);
            if (l instanceof Expr.Const lc && r instanceof Expr.Const rc) {
                double v = new Expr.Binary(b.op, lc, rc).eval(new double[0][], 1)[0];
                if (Double.isFinite(v)) {
                    return new Expr.Const(v);
                }
            }
            return l == b.left && r == b.right ? e : new Expr.Binary(b.op, l, r);
        }
        return e;
    }
}
