package org.ansatz.api.discovery;

/**
 * One term of a discovered right-hand side.
 *
 * @param name        the candidate function in the expression syntax of PDE specs, e.g.
 *                    {@code x*y} or {@code u*u_x}; {@code 1} for the constant
 * @param coefficient its coefficient
 * @param stdError    one-sigma uncertainty of the coefficient; NaN when the method gives none
 */
public record Term(String name, double coefficient, double stdError) {
}
