package org.ansatz.api.expr;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ansatz.api.derivative.Activations;
import org.ansatz.api.derivative.Functions;
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

        /** The value as a jet of the inputs, for expressions that use inputs and constants only. */
        Jet jet(Jet in);
    }

    private static Node node(java.util.function.Function<Context, NDArray> eval, java.util.function.Function<Jet, Jet> jet) {
        return new Node() {
            @Override
            public NDArray eval(Context c) {
                return eval.apply(c);
            }

            @Override
            public Jet jet(Jet in) {
                return jet.apply(in);
            }
        };
    }

    private static Jet constantJet(Jet in, double v) {
        return in.columns(0, 1).scale(0).shift(v);
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

    /**
     * The expression as a jet of the inputs, for expressions of the inputs and constants only (e.g.
     * boundary data {@code g(x, y)} of a hard constraint).
     *
     * @throws IllegalArgumentException when it uses outputs, derivatives, parameters or abs
     */
    public Jet evaluate(Jet inputs) {
        return root.jet(inputs);
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
        boolean usesOutputs;

        private static Jet notAJet(String name) {
            throw new IllegalArgumentException("'" + name + "' is not a function of the inputs alone; only such "
                    + "expressions can be evaluated as jets (e.g. boundary data for hard constraints)");
        }

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
                left = node(c -> l.eval(c).sub(r.eval(c)), in -> l.jet(in).sub(r.jet(in)));
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
                    left = node(c -> l.eval(c).add(r.eval(c)), in -> l.jet(in).add(r.jet(in)));
                } else if (eat('-')) {
                    Node l = left;
                    Node r = product();
                    left = node(c -> l.eval(c).sub(r.eval(c)), in -> l.jet(in).sub(r.jet(in)));
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
                    left = node(c -> l.eval(c).mul(r.eval(c)), in -> l.jet(in).mul(r.jet(in)));
                } else if (eat('/')) {
                    Node l = left;
                    Node r = unary();
                    left = node(c -> l.eval(c).div(r.eval(c)),
                            in -> l.jet(in).mul(r.jet(in).apply(Functions.RECIPROCAL)));
                } else {
                    return left;
                }
            }
        }

        private Node unary() {
            if (eat('-')) {
                Node n = unary();
                return node(c -> n.eval(c).neg(), in -> n.jet(in).scale(-1));
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
                    return node(c -> {
                        NDArray b = base.eval(c);
                        NDArray r = k == 0 ? b.onesLike() : b;
                        for (int i = 1; i < k; i++) {
                            r = r.mul(b);
                        }
                        return invert ? c.u().constant(1).div(r) : r;
                    }, in -> {
                        if (k == 0) {
                            return constantJet(in, 1);
                        }
                        Jet b = base.jet(in);
                        Jet r = b;
                        for (int i = 1; i < k; i++) {
                            r = r.mul(b);
                        }
                        return invert ? r.apply(Functions.RECIPROCAL) : r;
                    });
                }
                return node(c -> base.eval(c).pow(exponent.eval(c)),
                        in -> base.jet(in).apply(Functions.LOG).mul(exponent.jet(in)).apply(Activations.EXP));
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
                return node(c -> c.u().constant(v), in -> constantJet(in, v));
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
                case "sin" -> node(c -> a.eval(c).sin(), in -> a.jet(in).apply(Activations.SIN));
                case "cos" -> node(c -> a.eval(c).cos(), in -> a.jet(in).apply(Functions.COS));
                case "tan" -> node(c -> a.eval(c).tan(), in -> {
                    Jet x = a.jet(in);
                    return x.apply(Activations.SIN).mul(x.apply(Functions.COS).apply(Functions.RECIPROCAL));
                });
                case "exp" -> node(c -> a.eval(c).exp(), in -> a.jet(in).apply(Activations.EXP));
                case "log" -> node(c -> a.eval(c).log(), in -> a.jet(in).apply(Functions.LOG));
                case "sqrt" -> node(c -> a.eval(c).sqrt(), in -> a.jet(in).apply(Functions.SQRT));
                case "tanh" -> node(c -> a.eval(c).tanh(), in -> a.jet(in).apply(Activations.TANH));
                default -> node(c -> a.eval(c).abs(), in -> {
                    throw new IllegalArgumentException("abs is not differentiable at 0: not available as a jet");
                });
            };
        }

        private Node name(String name, int at) {
            int input = symbols.inputs().indexOf(name);
            if (input >= 0) {
                String range = ":, " + input + ":" + (input + 1);
                return node(c -> c.x().get(range), in -> in.columns(input, input + 1));
            }
            int output = symbols.outputs().indexOf(name);
            if (output >= 0) {
                String range = ":, " + output + ":" + (output + 1);
                usesOutputs = true;
                return node(c -> c.u().value().get(range), in -> notAJet(name));
            }
            if (symbols.constants().containsKey(name)) {
                double v = symbols.constants().get(name);
                return node(c -> c.u().constant(v), in -> constantJet(in, v));
            }
            if (name.equals("pi") || name.equals("e")) {
                double v = name.equals("pi") ? Math.PI : Math.E;
                return node(c -> c.u().constant(v), in -> constantJet(in, v));
            }
            if (symbols.parameters().contains(name)) {
                parametersUsed.add(name);
                return node(c -> {
                    NDArray p = c.parameters().get(name);
                    if (p == null) {
                        throw new IllegalStateException("no value for trainable parameter '" + name + "'");
                    }
                    return p;
                }, in -> notAJet(name));
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
                    usesOutputs = true;
                    String range = ":, " + o + ":" + (o + 1);
                    return node(c -> c.u().stream(m).get(range), in -> notAJet(name));
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
