package org.ansatz.api.derivative;

import ai.djl.ndarray.NDArray;
import java.util.function.DoubleFunction;

/** Elementary functions with derivatives of every order, beyond the activations: powers and logs. */
public enum Functions implements ElementwiseFunction {

    /** {@code 1/z}: the m-th derivative is {@code (-1)^m m! z^-(m+1)}. */
    RECIPROCAL {
        @Override
        public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
            NDArray inv = constant.apply(1).div(z);
            NDArray[] out = new NDArray[maxOrder + 1];
            out[0] = inv;
            NDArray power = inv;
            double c = 1;
            for (int m = 1; m <= maxOrder; m++) {
                power = power.mul(inv);
                c *= -m;
                out[m] = power.mul(constant.apply(c));
            }
            return out;
        }

        @Override
        public NDArray apply(NDArray z) {
            return z.getManager().create(1.0).toType(z.getDataType(), false).div(z);
        }
    },

    /** {@code log z}: the m-th derivative is {@code (-1)^(m-1) (m-1)! z^-m}. */
    LOG {
        @Override
        public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
            NDArray inv = constant.apply(1).div(z);
            NDArray[] out = new NDArray[maxOrder + 1];
            out[0] = z.log();
            NDArray power = null;
            double c = 1;
            for (int m = 1; m <= maxOrder; m++) {
                power = power == null ? inv : power.mul(inv);
                if (m > 1) {
                    c *= -(m - 1);
                }
                out[m] = m == 1 ? power : power.mul(constant.apply(c));
            }
            return out;
        }

        @Override
        public NDArray apply(NDArray z) {
            return z.log();
        }
    },

    /** {@code sqrt z}: the m-th derivative is {@code c_m z^(1/2 - m)}, {@code c_m = prod_(k<m) (1/2 - k)}. */
    SQRT {
        @Override
        public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
            NDArray[] out = new NDArray[maxOrder + 1];
            NDArray root = z.sqrt();
            out[0] = root;
            NDArray inv = maxOrder >= 1 ? constant.apply(1).div(z) : null;
            double c = 1;
            NDArray power = root;
            for (int m = 1; m <= maxOrder; m++) {
                c *= 0.5 - (m - 1);
                power = power.mul(inv);
                out[m] = power.mul(constant.apply(c));
            }
            return out;
        }

        @Override
        public NDArray apply(NDArray z) {
            return z.sqrt();
        }
    },

    /** cos, as sin shifted by a quarter period. */
    COS {
        @Override
        public NDArray[] derivatives(NDArray z, int maxOrder, DoubleFunction<NDArray> constant) {
            return Activations.SIN.derivatives(z.add(constant.apply(Math.PI / 2)), maxOrder, constant);
        }

        @Override
        public NDArray apply(NDArray z) {
            return z.cos();
        }
    }
}
