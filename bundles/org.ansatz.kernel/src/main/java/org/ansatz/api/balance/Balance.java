package org.ansatz.api.balance;

/**
 * One step's decision.
 *
 * @param weights   a weight per term; the loss reported and used by line searches is
 *                  {@code sum_k weights[k] * loss_k}
 * @param direction the gradient to descend instead of that of the weighted sum, or {@code null}
 */
public record Balance(double[] weights, double[] direction) {

    /** Descend the weighted sum. */
    public static Balance weights(double[] weights) {
        return new Balance(weights, null);
    }
}
