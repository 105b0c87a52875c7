package org.ansatz.kernel.internal.builtin;

/** Error norms over flat arrays, accumulated in double with compensated (Kahan) summation. */
public final class Errors {

    private Errors() {
    }

    private static void checkShapes(double[] predicted, double[] reference) {
        if (predicted.length != reference.length) {
            throw new IllegalArgumentException("shape mismatch: prediction has " + predicted.length
                    + " values, reference has " + reference.length);
        }
        if (predicted.length == 0) {
            throw new IllegalArgumentException("cannot measure an error over no values");
        }
    }

    /** Sum of squares of {@code a - b} (or of {@code a} when {@code b} is null). */
    private static double sumOfSquares(double[] a, double[] b) {
        double sum = 0;
        double c = 0;
        for (int i = 0; i < a.length; i++) {
            double d = b == null ? a[i] : a[i] - b[i];
            double y = d * d - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    /** ||p - r||_2 / ||r||_2; the absolute L2 error when the reference is zero. */
    public static double relativeL2(double[] predicted, double[] reference) {
        checkShapes(predicted, reference);
        double num = Math.sqrt(sumOfSquares(predicted, reference));
        double den = Math.sqrt(sumOfSquares(reference, null));
        return den == 0 ? num : num / den;
    }

    /** Root-mean-square error. */
    public static double rmse(double[] predicted, double[] reference) {
        checkShapes(predicted, reference);
        return Math.sqrt(sumOfSquares(predicted, reference) / predicted.length);
    }

    /** Largest absolute error; NaN if any value is NaN. */
    public static double maxAbs(double[] predicted, double[] reference) {
        checkShapes(predicted, reference);
        double max = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = Math.abs(predicted[i] - reference[i]);
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            max = Math.max(max, d);
        }
        return max;
    }

    /** Mean absolute error. */
    public static double meanAbs(double[] predicted, double[] reference) {
        checkShapes(predicted, reference);
        double sum = 0;
        double c = 0;
        for (int i = 0; i < predicted.length; i++) {
            double y = Math.abs(predicted[i] - reference[i]) - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum / predicted.length;
    }
}
