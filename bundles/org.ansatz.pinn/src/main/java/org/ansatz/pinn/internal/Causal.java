package org.ansatz.pinn.internal;

import ai.djl.ndarray.NDArray;
import org.ansatz.api.engine.Tensors;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Causal training (Wang, Sankaran, Perdikaris, "Respecting causality is all you need for training
 * physics-informed neural networks", CMAME 2024). The residual loss is split into {@code M} time bins,
 * {@code L = (1/M) sum_i w_i L_i} with {@code w_i = exp(-eps sum_{k<i} L_k)} computed from the current
 * losses without gradient: later times only count once earlier times are fitted. {@code eps} follows a
 * schedule; it moves on when every weight exceeds the tolerance (the causality indicator), and the
 * last level reached ends the stage.
 */
final class Causal implements AutoCloseable {

    private final int axis;
    private final int dimension;
    private final double lo;
    private final double hi;
    private final int bins;
    private final double[] epsilons;
    private final double tolerance;
    private final NDManager base;
    private final DataType dtype;
    private int level;
    private boolean frozen;
    private NDArray binMatrix;
    private double[] weights;

    /**
     * @param axis      index of the time coordinate among the inputs
     * @param bounds    the domain's bounding box, lower corner then upper corner
     * @param epsilons  the causality parameter's schedule, increasing
     * @param tolerance weights all above it mean "causality respected" at this level
     */
    Causal(int axis, int dimension, double[] bounds, int bins, double[] epsilons, double tolerance, NDManager base,
            DataType dtype) {
        if (axis < 0) {
            throw new IllegalArgumentException("causal training needs a time input named t; this problem is steady");
        }
        if (epsilons.length == 0) {
            throw new IllegalArgumentException("causal.epsilon needs at least one value");
        }
        this.axis = axis;
        this.dimension = dimension;
        this.lo = bounds[axis];
        this.hi = bounds[dimension + axis];
        this.bins = bins;
        this.epsilons = epsilons.clone();
        this.tolerance = tolerance;
        this.base = base;
        this.dtype = dtype;
    }

    /** Assigns points to time bins: a matrix that averages per-point losses within each bin. */
    void bin(double[] points) {
        int n = points.length / dimension;
        int[] bin = new int[n];
        int[] count = new int[bins];
        for (int i = 0; i < n; i++) {
            double s = (points[i * dimension + axis] - lo) / (hi - lo);
            bin[i] = Math.min(bins - 1, Math.max(0, (int) (s * bins)));
            count[bin[i]]++;
        }
        double[] matrix = new double[n * bins];
        for (int i = 0; i < n; i++) {
            matrix[i * bins + bin[i]] = 1.0 / count[bin[i]];
        }
        close();
        NDArray b = base.create(matrix, new Shape(n, bins));
        binMatrix = dtype == DataType.FLOAT64 ? b : b.toType(dtype, false);
    }

    /** The causally weighted loss of per-point squared residuals ({@code N x 1}). */
    NDArray loss(NDArray perPoint) {
        NDArray binLosses = perPoint.transpose().matMul(binMatrix);
        if (!frozen || weights == null) {
            double[] l = Tensors.toDoubles(binLosses);
            weights = new double[bins];
            double cumulative = 0;
            for (int i = 0; i < bins; i++) {
                weights[i] = Math.exp(-epsilon() * cumulative);
                cumulative += l[i];
            }
        }
        NDArray w = binLosses.getManager().create(weights, new Shape(1, bins));
        return binLosses.mul(dtype == DataType.FLOAT64 ? w : w.toType(dtype, false)).sum().div(
                org.ansatz.api.engine.Tensors.scalar(binLosses, bins));
    }

    /**
     * Keeps the current weights: a line search needs one fixed function, and weights that follow the
     * trial points make L-BFGS's searches fail at once.
     */
    void freeze(boolean frozen) {
        this.frozen = frozen;
    }

    /** The index of the current epsilon in the schedule. */
    int level() {
        return level;
    }

    /** The last temporal weights, or null before any evaluation. */
    double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** Continues a resumed run at its level and weights. */
    void restore(int level, double[] weights) {
        if (level < 0 || level >= epsilons.length) {
            throw new IllegalArgumentException("causal level " + level + " is outside the schedule of "
                    + epsilons.length + " values");
        }
        this.level = level;
        this.weights = weights == null ? null : weights.clone();
    }

    double epsilon() {
        return epsilons[level];
    }

    /** The smallest temporal weight of the last evaluation (1 before any). */
    double minWeight() {
        if (weights == null) {
            return 1;
        }
        double m = 1;
        for (double w : weights) {
            m = Math.min(m, w);
        }
        return m;
    }

    /**
     * Moves to the next epsilon when the indicator says causality is respected.
     *
     * @return true when the last level is respected: training can stop
     */
    boolean advance() {
        if (minWeight() <= tolerance) {
            return false;
        }
        if (level == epsilons.length - 1) {
            return true;
        }
        level++;
        weights = null;
        return false;
    }

    @Override
    public void close() {
        if (binMatrix != null) {
            binMatrix.close();
            binMatrix = null;
        }
    }
}
