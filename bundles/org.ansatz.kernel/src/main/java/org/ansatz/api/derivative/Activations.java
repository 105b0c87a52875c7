package org.ansatz.api.derivative;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** The activations with exact derivatives of every order, for Taylor mode. */
public enum Activations implements ElementwiseFunction {

    /** tanh; derivatives are polynomials in t = tanh z, since tanh' = 1 - t^2. */
    TANH {
        @Override
        public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
            NDArray t = z.tanh();
            if (maxOrder > 2) {
                return polynomialDerivatives(t, TANH_POLYS, maxOrder, constant);
            }
            // The common PINN case in fewer tensor operations than Horner: 1 - t^2 and -2 t (1 - t^2).
            NDArray[] out = new NDArray[maxOrder + 1];
            out[0] = t;
            if (maxOrder >= 1) {
                out[1] = constant.apply(1).sub(t.square());
            }
            if (maxOrder == 2) {
                out[2] = t.mul(out[1]).mul(constant.apply(-2));
            }
            return out;
        }

        @Override
        public NDArray apply(NDArray z) {
            return z.tanh();
        }
    },

    /** sin; derivatives cycle through cos, -sin, -cos. */
    SIN {
        @Override
        public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
            NDArray s = z.sin();
            NDArray c = maxOrder >= 1 ? z.cos() : null;
            NDArray[] out = new NDArray[maxOrder + 1];
            for (int m = 0; m <= maxOrder; m++) {
                out[m] = switch (m % 4) {
                    case 0 -> s;
                    case 1 -> c;
                    case 2 -> s.neg();
                    default -> c.neg();
                };
            }
            return out;
        }

        @Override
        public NDArray apply(NDArray z) {
            return z.sin();
        }
    },

    /** SiLU (swish) z * sigmoid(z); sigmoid's derivatives are polynomials in s, since s' = s - s^2. */
    SILU {
        @Override
        public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
            NDArray s = z.getNDArrayInternal().sigmoid();
            NDArray[] sig = polynomialDerivatives(s, SIGMOID_POLYS, maxOrder, constant);
            NDArray[] out = new NDArray[maxOrder + 1];
            out[0] = z.mul(s);
            for (int m = 1; m <= maxOrder; m++) {
                // (z s)^(m) = z s^(m) + m s^(m-1)
                out[m] = z.mul(sig[m]).add(m == 1 ? sig[0] : sig[m - 1].mul(constant.apply(m)));
            }
            return out;
        }

        @Override
        public NDArray apply(NDArray z) {
            return z.mul(z.getNDArrayInternal().sigmoid());
        }
    },

    /**
     * GELU {@code z Phi(z)} (exact, with the normal CDF). With {@code phi} the normal density,
     * {@code Phi^(m) = (-1)^(m-1) He_(m-1)(z) phi(z)} (probabilists' Hermite polynomials), and
     * {@code (z Phi)^(m) = z Phi^(m) + m Phi^(m-1)}.
     */
    GELU {
        @Override
        public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
            NDArray cdf = z.mul(constant.apply(1 / Math.sqrt(2))).erf().add(constant.apply(1)).mul(constant.apply(0.5));
            NDArray pdf = z.square().mul(constant.apply(-0.5)).exp().mul(constant.apply(1 / Math.sqrt(2 * Math.PI)));
            // cdfDerivs[m] = Phi^(m), m = 0..maxOrder
            NDArray[] cdfDerivs = new NDArray[maxOrder + 1];
            cdfDerivs[0] = cdf;
            NDArray hePrev = null;
            NDArray he = z.onesLike();
            for (int m = 1; m <= maxOrder; m++) {
                // He_(m-1) from the recursion He_(n+1) = z He_n - n He_(n-1)
                if (m >= 2) {
                    NDArray next = z.mul(he);
                    if (hePrev != null) {
                        next = next.sub(hePrev.mul(constant.apply(m - 2)));
                    }
                    hePrev = he;
                    he = next;
                }
                NDArray term = he.mul(pdf);
                cdfDerivs[m] = (m - 1) % 2 == 0 ? term : term.neg();
            }
            NDArray[] out = new NDArray[maxOrder + 1];
            out[0] = z.mul(cdf);
            for (int m = 1; m <= maxOrder; m++) {
                out[m] = z.mul(cdfDerivs[m]).add(m == 1 ? cdfDerivs[0] : cdfDerivs[m - 1].mul(constant.apply(m)));
            }
            return out;
        }

        @Override
        public NDArray apply(NDArray z) {
            NDArray half = z.getManager().create(0.5).toType(z.getDataType(), false);
            NDArray one = z.getManager().create(1.0).toType(z.getDataType(), false);
            NDArray scale = z.getManager().create(1 / Math.sqrt(2)).toType(z.getDataType(), false);
            return z.mul(z.mul(scale).erf().add(one).mul(half));
        }
    },

    /** exp; every derivative is exp itself. */
    EXP {
        @Override
        public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
            NDArray e = z.exp();
            NDArray[] out = new NDArray[maxOrder + 1];
            java.util.Arrays.fill(out, e);
            return out;
        }

        @Override
        public NDArray apply(NDArray z) {
            return z.exp();
        }
    },

    /** The identity, for linear outputs. */
    IDENTITY {
        @Override
        public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
            NDArray[] out = new NDArray[maxOrder + 1];
            out[0] = z;
            if (maxOrder >= 1) {
                out[1] = z.onesLike();
            }
            for (int m = 2; m <= maxOrder; m++) {
                out[m] = z.zerosLike();
            }
            return out;
        }

        @Override
        public NDArray apply(NDArray z) {
            return z;
        }
    };

    /** By name, ignoring case: tanh, sin, silu (or swish), identity (or linear). */
    public static Activations parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "tanh" -> TANH;
            case "sin" -> SIN;
            case "silu", "swish" -> SILU;
            case "exp" -> EXP;
            case "gelu" -> GELU;
            case "identity", "linear", "none" -> IDENTITY;
            default -> throw new IllegalArgumentException("unknown activation '" + name
                    + "'; known: tanh, sin, silu, gelu, exp, identity");
        };
    }

    /** Coefficients (ascending powers) of f^(m) as a polynomial in t, from f' = q(t). */
    private static final class Polys {
        private final long[] q;
        private final List<long[]> polys = new ArrayList<>();

        Polys(long[] identity, long[] q) {
            this.q = q;
            polys.add(identity);
        }

        synchronized long[] get(int m) {
            while (polys.size() <= m) {
                long[] p = polys.get(polys.size() - 1);
                long[] dp = new long[Math.max(1, p.length - 1)];
                for (int i = 1; i < p.length; i++) {
                    dp[i - 1] = i * p[i];
                }
                long[] next = new long[dp.length + q.length - 1];
                for (int i = 0; i < dp.length; i++) {
                    for (int j = 0; j < q.length; j++) {
                        next[i + j] += dp[i] * q[j];
                    }
                }
                polys.add(next);
            }
            return polys.get(m);
        }
    }

    private static final Polys TANH_POLYS = new Polys(new long[] {0, 1}, new long[] {1, 0, -1});
    private static final Polys SIGMOID_POLYS = new Polys(new long[] {0, 1}, new long[] {0, 1, -1});

    private static NDArray[] polynomialDerivatives(NDArray t, Polys polys, int maxOrder,
            DoubleFunction<NDArray> constant) {
        NDArray[] out = new NDArray[maxOrder + 1];
        out[0] = t;
        for (int m = 1; m <= maxOrder; m++) {
            out[m] = horner(t, polys.get(m), constant);
        }
        return out;
    }

    /** Evaluates a polynomial with integer coefficients at t, scalars as safe tensors. */
    static NDArray horner(NDArray t, long[] c, DoubleFunction<NDArray> constant) {
        int top = c.length - 1;
        while (top > 0 && c[top] == 0) {
            top--;
        }
        NDArray acc = null;
        for (int i = top; i >= 0; i--) {
            if (acc == null) {
                acc = top == 0 ? t.zerosLike().add(constant.apply(c[0])) : t.mul(constant.apply(c[i]));
                if (top == 0) {
                    return acc;
                }
                continue;
            }
            if (c[i] != 0) {
                acc = acc.add(constant.apply(c[i]));
            }
            if (i > 0) {
                acc = acc.mul(t);
            }
        }
        return acc;
    }
}
