package org.ansatz.api.discovery;

import java.util.List;
import java.util.Objects;

/**
 * A discovered equation {@code lhs = rhs}.
 *
 * @param lhs   the time derivative, e.g. {@code x_t} or {@code u_t}
 * @param rhs   the right-hand side in the syntax of PDE specs ({@code 0} when empty)
 * @param terms the right-hand side as coefficients of library terms; empty for symbolic regression
 * @param front the accuracy/complexity Pareto front for symbolic regression; empty otherwise
 */
public record Equation(String lhs, String rhs, List<Term> terms, List<Candidate> front) {

    public Equation {
        Objects.requireNonNull(lhs, "lhs");
        Objects.requireNonNull(rhs, "rhs");
        terms = List.copyOf(terms);
        front = List.copyOf(front);
    }

    /** The equation as PDE specs write it, e.g. {@code u_t = -1*u*u_x + 0.1*u_xx}. */
    public String text() {
        return lhs + " = " + rhs;
    }

    /** The coefficient of a term, 0 when the term is absent. */
    public double coefficient(String term) {
        return terms.stream().filter(t -> t.name().equals(term)).mapToDouble(Term::coefficient).findFirst().orElse(0);
    }
}
