package org.ansatz.balance.internal;

/**
 * The ConFIG combination (Liu, Chu &amp; Thuerey, "ConFIG: towards conflict-free training of physics
 * informed neural networks"): for vectors {@code g_k} with unit vectors {@code u_k} (rows of
 * {@code U}), {@code g_u = pinv(U) 1}, {@code d = g_u / |g_u|} and the update
 * {@code (sum_k g_k · d) d}. Since {@code U g_u = 1} whenever the {@code u_k} are linearly
 * independent, the update makes the same positive angle with every {@code g_k}.
 *
 * <p>{@code pinv(U) = U^T pinv(U U^T)}, so only the {@code K × K} Gram matrix of cosines is
 * decomposed, never anything of the parameter count's size. Writing
 * {@code a = pinv(U U^T) 1} gives {@code g_u = sum_k (a_k / |g_k|) g_k}: the update is
 * {@code sum_k c_k g_k} with {@code c_k = (sum_j g_j · d) a_k / (|g_k| |g_u|)}.
 */
final class ConflictFree {

    /**
     * Below this {@code |g_u|} the ones vector is (nearly) orthogonal to the span of the cosines: no
     * direction decreases every term (e.g. two exactly opposite gradients). A valid result has
     * {@code |g_u| >= 1}, since {@code u_k · g_u = 1} with unit {@code u_k}.
     */
    static final double DEGENERATE = 1e-6;

    private ConflictFree() {
    }

    /**
     * @param coefficients {@code c_k}, 0 for vectors that were skipped
     * @param direction    {@code sum_k c_k g_k}; zero when {@code degenerate}
     * @param degenerate   no vector was usable, or no common descent direction exists
     */
    record Combination(double[] coefficients, double[] direction, boolean degenerate) {
    }

    /**
     * @param g vectors of length {@code n}; {@code null} or zero vectors are skipped (they constrain
     *          nothing, and a zero vector has no direction); all entries finite
     */
    static Combination combine(double[][] g, int n) {
        int m = g.length;
        int[] used = new int[m];
        double[] norms = new double[m];
        int count = 0;
        for (int k = 0; k < m; k++) {
            if (g[k] != null) {
                norms[k] = LinAlg.norm(g[k]);
                if (norms[k] > 0) {
                    used[count++] = k;
                }
            }
        }
        double[] coefficients = new double[m];
        if (count == 0) {
            return new Combination(coefficients, new double[n], true);
        }
        double[][] gram = new double[count][count];
        for (int i = 0; i < count; i++) {
            gram[i][i] = 1;
            for (int j = 0; j < i; j++) {
                int a = used[i];
                int b = used[j];
                double cos = LinAlg.dot(g[a], g[b]) / (norms[a] * norms[b]);
                gram[i][j] = cos;
                gram[j][i] = cos;
            }
        }
        double[] ones = new double[count];
        java.util.Arrays.fill(ones, 1);
        double[] a = LinAlg.multiply(LinAlg.pinvSymmetric(gram), ones);
        double[] gu = new double[n];
        for (int i = 0; i < count; i++) {
            LinAlg.axpy(a[i] / norms[used[i]], g[used[i]], gu);
        }
        double guNorm = LinAlg.norm(gu);
        if (!(guNorm > DEGENERATE)) {
            return new Combination(coefficients, new double[n], true);
        }
        double magnitude = 0;
        for (int i = 0; i < count; i++) {
            magnitude += LinAlg.dot(g[used[i]], gu) / guNorm;
        }
        double[] direction = new double[n];
        for (int i = 0; i < count; i++) {
            int k = used[i];
            coefficients[k] = magnitude * a[i] / (norms[k] * guNorm);
            // Built from the coefficients so that the returned weights reproduce it exactly.
            LinAlg.axpy(coefficients[k], g[k], direction);
        }
        return new Combination(coefficients, direction, false);
    }
}
