package org.ansatz.api.expr;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ansatz.api.derivative.Jet;
import org.ansatz.api.derivative.MultiIndex;

/**
 * A compiled expression over inputs, outputs and their derivatives. Grammar (usual precedence,
 * {@code ^} right-associative): numbers, names, {@code + - * / ^}, parentheses, and the functions
 * {@code sin cos tan exp log sqrt tanh abs}. {@code a = b} means {@code a - b}.
 */
public final class Expression {

    /** Evaluation context of one batch. */
    private record Context(Jet u, NDArray x, Map<String, NDArray> parameters) {
    }

    private interface Node {
        NDArray eval(Context c);
    }

    private final String source;
    private final Node root;
    private final Set<MultiIndex> derivatives;
    private final Set<String> parametersUsed;

    private Expression(String source, Node root, Set<MultiIndex> derivatives, Set<String> parametersUsed) {
        this.source = source;
        this.root = root;
        this.derivatives = derivatives;
        this.parametersUsed = parametersUsed;
    }

    /**
     * @throws SpecException with the position of an unknown name, a derivative along something that is
     *                       not an input, or a syntax error
     */
    public static Expression compile(String text, Symbols symbols) {
        Parser p = new Parser(text, symbols);
        Node n = p.equation();
        return new Expression(text, n, p.derivatives, p.parametersUsed);
    }

    /** The derivatives (of any output) the expression reads. */
    public List<MultiIndex> derivatives() {
        return new ArrayList<>(derivatives);
    }

    /** Trainable parameters it reads. */
    public Set<String> parameters() {
        return parametersUsed;
    }

    public String source() {
        return source;
    }

    /**
     * @param u          output jet planned with at least {@link #derivatives()}
     * @param x          the points {@code [n, inputs]}
     * @param parameters values of the trainable parameters (scalar tensors)
     * @return {@code [n, 1]} (or broadcastable)
     */
    public NDArray evaluate(Jet u, NDArray x, Map<String, NDArray> parameters) {
        return root.eval(new Context(u, x, parameters));
    }

    @Override
    public String toString() {
        return source;
    }

    private static final class Parser {
        private static final Set<String> FUNCTIONS = Set.of("sin", "cos", "tan", "exp", "log", "sqrt", "tanh", "abs");

        private final String s;
        private final Symbols symbols;
        private int pos;
        final Set<MultiIndex> derivatives = new TreeSet<>();
        final Set<String> parametersUsed = new TreeSet<>();

        Parser(String s, Symbols symbols) {
            this.s = s;
            this.symbols = symbols;
        }

        private SpecException error(String message, int at) {
            return new SpecException(message, s, at);
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private boolean eat(char c) {
            skip();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        Node equation() {
            skip();
            if (pos >= s.length()) {
                throw error("empty expression", pos);
            }
            Node left = sum();
            if (eat('=')) {
                Node l = left;
                Node r = sum();
                left = c -> l.eval(c).sub(r.eval(c));
            }
            skip();
            if (pos < s.length()) {
                throw error("unexpected '" + s.charAt(pos) + "'", pos);
            }
            return left;
        }

        private Node sum() {
            Node left = product();
            while (true) {
                if (eat('+')) {
                    Node l = left;
                    Node r = product();
                    left = c -> l.eval(c).add(r.eval(c));
                } else if (eat('-')) {
                    Node l = left;
                    Node r = product();
                    left = c -> l.eval(c).sub(r.eval(c));
                } else {
                    return left;
                }
            }
        }

        private Node product() {
            Node left = unary();
            while (true) {
                if (eat('*')) {
                    Node l = left;
                    Node r = unary();
                    left = c -> l.eval(c).mul(r.eval(c));
                } else if (eat('/')) {
                    Node l = left;
                    Node r = unary();
                    left = c -> l.eval(c).div(r.eval(c));
                } else {
                    return left;
                }
            }
        }

        private Node unary() {
            if (eat('-')) {
                Node n = unary();
                return c -> n.eval(c).neg();
            }
            if (eat('+')) {
                return unary();
            }
            return power();
        }

        private Node power() {
            Node base = primary();
            skip();
            if (eat('^')) {
                int at = pos;
                Node exponent = unary();
                Double constant = constantValue(s.substring(at, pos).trim());
                if (constant != null && constant == Math.rint(constant) && Math.abs(constant) <= 8) {
                    // Small integer powers as products: exact, and fine for negative bases.
                    int k = (int) Math.abs(constant);
                    boolean invert = constant < 0;
                    return c -> {
                        NDArray b = base.eval(c);
                        NDArray r = k == 0 ? b.onesLike() : b;
                        for (int i = 1; i < k; i++) {
                            r = r.mul(b);
                        }
                        return invert ? c.u().constant(1).div(r) : r;
                    };
                }
                return c -> base.eval(c).pow(exponent.eval(c));
            }
            return base;
        }

        private Double constantValue(String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private Node primary() {
            skip();
            if (pos >= s.length()) {
                throw error("expression ends where a value was expected", pos);
            }
            char ch = s.charAt(pos);
            if (eat('(')) {
                Node n = sum();
                if (!eat(')')) {
                    throw error("missing ')'", pos);
                }
                return n;
            }
            if (Character.isDigit(ch) || ch == '.') {
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
                String text = s.substring(start, pos);
                double v;
                try {
                    v = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw error("malformed number '" + text + "'", start);
                }
                return c -> c.u().constant(v);
            }
            if (Character.isLetter(ch)) {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String name = s.substring(start, pos);
                if (FUNCTIONS.contains(name)) {
                    if (!eat('(')) {
                        throw error("function " + name + " needs an argument in parentheses", pos);
                    }
                    Node arg = sum();
                    if (!eat(')')) {
                        throw error("missing ')' after the argument of " + name, pos);
                    }
                    return function(name, arg);
                }
                return name(name, start);
            }
            throw error("unexpected '" + ch + "'", pos);
        }

        private static Node function(String name, Node a) {
            return switch (name) {
                case "sin" -> c -> a.eval(c).sin();
                case "cos" -> c -> a.eval(c).cos();
                case "tan" -> c -> a.eval(c).tan();
                case "exp" -> c -> a.eval(c).exp();
                case "log" -> c -> a.eval(c).log();
                case "sqrt" -> c -> a.eval(c).sqrt();
                case "tanh" -> c -> a.eval(c).tanh();
                default -> c -> a.eval(c).abs();
            };
        }

        private Node name(String name, int at) {
            int input = symbols.inputs().indexOf(name);
            if (input >= 0) {
                String range = ":, " + input + ":" + (input + 1);
                return c -> c.x().get(range);
            }
            int output = symbols.outputs().indexOf(name);
            if (output >= 0) {
                String range = ":, " + output + ":" + (output + 1);
                return c -> c.u().value().get(range);
            }
            if (symbols.constants().containsKey(name)) {
                double v = symbols.constants().get(name);
                return c -> c.u().constant(v);
            }
            if (name.equals("pi") || name.equals("e")) {
                double v = name.equals("pi") ? Math.PI : Math.E;
                return c -> c.u().constant(v);
            }
            if (symbols.parameters().contains(name)) {
                parametersUsed.add(name);
                return c -> {
                    NDArray p = c.parameters().get(name);
                    if (p == null) {
                        throw new IllegalStateException("no value for trainable parameter '" + name + "'");
                    }
                    return p;
                };
            }
            int underscore = name.indexOf('_');
            if (underscore > 0) {
                String out = name.substring(0, underscore);
                String letters = name.substring(underscore + 1);
                int o = symbols.outputs().indexOf(out);
                if (o >= 0 && !letters.isEmpty()) {
                    MultiIndex m;
                    try {
                        m = MultiIndex.parse(letters, symbols.inputs());
                    } catch (IllegalArgumentException e) {
                        throw error(e.getMessage() + " in '" + name + "'", at + underscore + 1);
                    }
                    derivatives.add(m);
                    String range = ":, " + o + ":" + (o + 1);
                    return c -> c.u().stream(m).get(range);
                }
            }
            List<String> known = new ArrayList<>(symbols.inputs());
            known.addAll(symbols.outputs());
            known.addAll(symbols.constants().keySet());
            known.addAll(symbols.parameters());
            throw error("unknown symbol '" + name + "' (known: " + String.join(", ", known)
                    + ", derivatives like " + (symbols.outputs().isEmpty() ? "u" : symbols.outputs().get(0)) + "_"
                    + (symbols.inputs().isEmpty() ? "x" : symbols.inputs().get(symbols.inputs().size() - 1).toLowerCase(Locale.ROOT))
                    + ", functions " + String.join(" ", new TreeSet<>(FUNCTIONS)) + ")", at);
        }
    }
}
