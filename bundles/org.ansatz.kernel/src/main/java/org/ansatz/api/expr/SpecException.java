package org.ansatz.api.expr;

/** A malformed expression: the message names the problem and shows where it is. */
public class SpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int position;

    public SpecException(String message, String source, int position) {
        super(message + " at position " + (position + 1) + ":\n  " + source + "\n  " + " ".repeat(Math.max(0, position)) + "^");
        this.source = source;
        this.position = position;
    }

    /** The expression text. */
    public String source() {
        return source;
    }

    /** Zero-based index of the offending character. */
    public int position() {
        return position;
    }
}
