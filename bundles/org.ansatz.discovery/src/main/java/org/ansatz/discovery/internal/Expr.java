package org.ansatz.discovery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Immutable expression trees over named variables, evaluated column-wise. Printed in the syntax of
 * PDE specs (the kernel's {@code Expression} grammar), so that what is discovered can be solved.
 */
public abstract class Expr {

    /** Binary operators. */
    enum Op2 {
        ADD("+", 1), SUB("-", 1), MUL("*", 2), DIV("/", 2), POW("^", 4);

        final String symbol;
        final int precedence;

        Op2(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }
    }

    /** Unary functions of the spec grammar (plus negation). */
    enum Op1 {
        NEG, SIN, COS, TAN, EXP, LOG, SQRT, TANH, ABS;

        String fname() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Values at every sample; {@code vars[v][i]} is variable {@code v} at sample {@code i}. */
    abstract double[] eval(double[][] vars, int n);

    /** Number of nodes. */
    abstract int size();

    abstract int precedence();

    abstract void print(StringBuilder sb);

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        print(sb);
        return sb.toString();
    }

    /** Collects the constant nodes (in a fixed order) so that their values can be optimised. */
    void constants(List<Const> out) {
    }

    /** A deep copy where the constants are fresh nodes. */
    abstract Expr copy();

    /** A constant, mutable only by the constant optimiser. */
    static final class Const extends Expr {
        double value;

        Const(double value) {
            this.value = value;
        }

        @Override
        double[] eval(double[][] vars, int n) {
            double[] o = new double[n];
            java.util.Arrays.fill(o, value);
            return o;
        }

        @Override
        int size() {
            return 1;
        }

        @Override
        int precedence() {
            return value < 0 ? 0 : 9;
        }

        @Override
        void print(StringBuilder sb) {
            sb.append(number(value));
        }

        @Override
        void constants(List<Const> out) {
            out.add(this);
        }

        @Override
        Expr copy() {
            return new Const(value);
        }
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.10g", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            String mant = p[0].contains(".") ? p[0].replaceAll("0+$", "").replaceAll("\\.$", "") : p[0];
            return mant + "e" + Integer.parseInt(p[1]);
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A variable, column {@code index} of the inputs. */
    static final class Var extends Expr {
        final int index;
        final String name;

        Var(int index, String name) {
            this.index = index;
            this.name = name;
        }

        @Override
        double[] eval(double[][] vars, int n) {
            return vars[index];
        }

        @Override
        int size() {
            return 1;
        }

        @Override
        int precedence() {
            return 9;
        }

        @Override
        void print(StringBuilder sb) {
            sb.append(name);
        }

        @Override
        Expr copy() {
            return this;
        }
    }

    static final class Unary extends Expr {
        final Op1 op;
        final Expr arg;

        Unary(Op1 op, Expr arg) {
            this.op = op;
            this.arg = arg;
        }

        @Override
        double[] eval(double[][] vars, int n) {
            double[] a = arg.eval(vars, n);
            double[] o = new double[n];
            for (int i = 0; i < n; i++) {
                double x = a[i];
                o[i] = switch (op) {
                    case NEG -> -x;
                    case SIN -> Math.sin(x);
                    case COS -> Math.cos(x);
                    case TAN -> Math.tan(x);
                    case EXP -> Math.exp(x);
                    case LOG -> Math.log(x);
                    case SQRT -> Math.sqrt(x);
                    case TANH -> Math.tanh(x);
                    case ABS -> Math.abs(x);
                };
            }
            return o;
        }

        @Override
        int size() {
            return 1 + arg.size();
        }

        @Override
        int precedence() {
            return op == Op1.NEG ? 3 : 9;
        }

        @Override
        void print(StringBuilder sb) {
            if (op == Op1.NEG) {
                sb.append('-');
                boolean paren = arg.precedence() <= 3;
                sb.append(paren ? "(" : "");
                arg.print(sb);
                sb.append(paren ? ")" : "");
            } else {
                sb.append(op.fname()).append('(');
                arg.print(sb);
                sb.append(')');
            }
        }

        @Override
        void constants(List<Const> out) {
            arg.constants(out);
        }

        @Override
        Expr copy() {
            return new Unary(op, arg.copy());
        }
    }

    static final class Binary extends Expr {
        final Op2 op;
        final Expr left;
        final Expr right;

        Binary(Op2 op, Expr left, Expr right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        double[] eval(double[][] vars, int n) {
            double[] a = left.eval(vars, n);
            double[] b = right.eval(vars, n);
            double[] o = new double[n];
            switch (op) {
                case ADD -> { for (int i = 0; i < n; i++) { o[i] = a[i] + b[i]; } }
                case SUB -> { for (int i = 0; i < n; i++) { o[i] = a[i] - b[i]; } }
                case MUL -> { for (int i = 0; i < n; i++) { o[i] = a[i] * b[i]; } }
                case DIV -> { for (int i = 0; i < n; i++) { o[i] = a[i] / b[i]; } }
                default -> { for (int i = 0; i < n; i++) { o[i] = Math.pow(a[i], b[i]); } }
            }
            return o;
        }

        @Override
        int size() {
            return 1 + left.size() + right.size();
        }

        @Override
        int precedence() {
            return op.precedence;
        }

        @Override
        void print(StringBuilder sb) {
            int p = op.precedence;
            // ^ is right-associative; - and / are not associative on the right.
            boolean lp = op == Op2.POW ? left.precedence() <= p : left.precedence() < p;
            boolean rp = op == Op2.POW ? right.precedence() < p
                    : (op == Op2.SUB || op == Op2.DIV) ? right.precedence() <= p : right.precedence() < p;
            sb.append(lp ? "(" : "");
            left.print(sb);
            sb.append(lp ? ")" : "");
            sb.append(op == Op2.ADD || op == Op2.SUB ? " " + op.symbol + " " : op.symbol);
            sb.append(rp ? "(" : "");
            right.print(sb);
            sb.append(rp ? ")" : "");
        }

        @Override
        void constants(List<Const> out) {
            left.constants(out);
            right.constants(out);
        }

        @Override
        Expr copy() {
            return new Binary(op, left.copy(), right.copy());
        }
    }

    /**
     * Parses the spec grammar: numbers, variables from {@code names}, {@code + - * / ^},
     * parentheses and {@code sin cos tan exp log sqrt tanh abs}.
     *
     * @throws IllegalArgumentException with the position of the error
     */
    public static Expr parse(String text, List<String> names) {
        Parser p = new Parser(text, names);
        Expr e = p.sum();
        p.skip();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return e;
    }

    private static final class Parser {
        final String s;
        final List<String> names;
        int pos;

        Parser(String s, List<String> names) {
            this.s = s;
            this.names = names;
        }

        IllegalArgumentException error(String msg) {
            return new IllegalArgumentException(msg + " at position " + pos + " in '" + s + "'");
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(char c) {
            skip();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        Expr sum() {
            Expr e = product();
            while (true) {
                if (eat('+')) {
                    e = new Binary(Op2.ADD, e, product());
                } else if (eat('-')) {
                    e = new Binary(Op2.SUB, e, product());
                } else {
                    return e;
                }
            }
        }

        Expr product() {
            Expr e = unary();
            while (true) {
                if (eat('*')) {
                    e = new Binary(Op2.MUL, e, unary());
                } else if (eat('/')) {
                    e = new Binary(Op2.DIV, e, unary());
                } else {
                    return e;
                }
            }
        }

        Expr unary() {
            if (eat('-')) {
                return new Unary(Op1.NEG, unary());
            }
            if (eat('+')) {
                return unary();
            }
            Expr base = atom();
            if (eat('^')) {
                return new Binary(Op2.POW, base, unary());
            }
            return base;
        }

        Expr atom() {
            skip();
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            if (eat('(')) {
                Expr e = sum();
                if (!eat(')')) {
                    throw error("missing ')'");
                }
                return e;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    int save = pos;
                    pos++;
                    if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                        pos++;
                    }
                    if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                            pos++;
                        }
                    } else {
                        pos = save;
                    }
                }
                try {
                    return new Const(Double.parseDouble(s.substring(start, pos)));
                } catch (NumberFormatException e) {
                    throw error("malformed number '" + s.substring(start, pos) + "'");
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String id = s.substring(start, pos);
                if (eat('(')) {
                    Op1 f;
                    try {
                        f = Op1.valueOf(id.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        f = null;
                    }
                    if (f == null || f == Op1.NEG) {
                        pos = start;
                        throw error("unknown function '" + id + "'");
                    }
                    Expr arg = sum();
                    if (!eat(')')) {
                        throw error("missing ')'");
                    }
                    return new Unary(f, arg);
                }
                if (id.equals("pi")) {
                    return new Const(Math.PI);
                }
                int i = names.indexOf(id);
                if (i < 0) {
                    pos = start;
                    throw error("unknown symbol '" + id + "' (known: " + names + ")");
                }
                return new Var(i, id);
            }
            throw error("unexpected '" + c + "'");
        }
    }

    static List<Const> constantsOf(Expr e) {
        List<Const> out = new ArrayList<>();
        e.constants(out);
        return out;
    }
}
