package org.ansatz.api.discovery;

/**
 * One point of a Pareto front of accuracy against complexity.
 *
 * @param complexity number of nodes of the expression
 * @param loss       mean squared error on the training data
 * @param expression the expression in the syntax of PDE specs
 */
public record Candidate(int complexity, double loss, String expression) {
}
