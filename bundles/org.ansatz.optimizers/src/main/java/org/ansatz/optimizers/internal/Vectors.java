package org.ansatz.optimizers.internal;

/** Small dense-vector helpers and the argument checks the optimizers share. */
final class Vectors {

    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static boolean allFinite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static int dimension(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("optimizer dimension must be >= 1, got " + dimension);
        }
        return dimension;
    }

    static void checkLength(String owner, double[] x, int dimension) {
        if (x.length != dimension) {
            throw new IllegalArgumentException(owner + " was created for " + dimension + " parameters, got "
                    + x.length);
        }
    }

    static void checkLearningRate(String owner, double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(owner + " learning rate must be finite and >= 0, got " + learningRate);
        }
    }

    /** The objective's gradient must match the parameters; a mismatch is a bug in the objective. */
    static double[] checkGradient(String owner, double[] g, int dimension) {
        if (g.length != dimension) {
            throw new IllegalStateException(owner + ": the objective returned a gradient of length " + g.length
                    + " for " + dimension + " parameters");
        }
        return g;
    }
}
