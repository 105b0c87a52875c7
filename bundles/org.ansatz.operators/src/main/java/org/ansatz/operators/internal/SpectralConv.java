package org.ansatz.operators.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * FNO's spectral convolution: transform to Fourier space, keep the lowest modes, multiply each kept
 * mode by a learned complex channel-mixing matrix, transform back. Two implementations with the same
 * mathematics:
 *
 * <ul>
 * <li>{@code fft}: the engine's FFTs ({@code rfft}, {@code fft}, {@code ifft}, {@code irfft}) on
 * complex tensors. DJL 0.36 cannot differentiate its {@code complex()} (PyTorch's
 * {@code view_as_complex_copy}), so complex tensors are built from real ones as
 * {@code re * 1 + im * i} with constant complex scalars, which autograd handles.</li>
 * <li>{@code matmul}: the truncated transforms as matrix products with precomputed real Fourier
 * bases (cosines and sines of the kept modes only); no complex tensors at all.</li>
 * </ul>
 *
 * Both share the mode mixing: the kept modes' real and imaginary parts stacked as {@code [M, b, 2c]}
 * times {@code [[Wr, Wi], [-Wi, Wr]]} of shape {@code [M, 2c, 2o]}, one batched matmul. Activations are
 * channels-first ({@code [b, c, N]}, {@code [b, c, H, W]}). Mode order in 2D: rows
 * {@code 0..m1-1, H-m1..H-1} times columns {@code 0..m2-1}, row-major.
 */
final class SpectralConv {

    /** How the truncated Fourier transforms are computed. */
    enum Method {
        FFT, MATMUL;

        static Method parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "fft" -> FFT;
                case "matmul", "bases" -> MATMUL;
                default -> throw new IllegalArgumentException("spectral method must be fft or matmul, got '" + s + "'");
            };
        }
    }

    /**
     * Constants per grid size and data type: the complex unit scalars of the FFT path and the Fourier
     * bases of the matmul path. Owned by the model's manager; sizes change with super-resolution.
     */
    static final class Constants implements AutoCloseable {
        private final NDManager manager;
        private final Map<String, NDArray> cache = new HashMap<>();

        Constants(NDManager parent) {
            this.manager = parent.newSubManager();
        }

        synchronized NDArray get(String key, DataType type, java.util.function.Supplier<double[]> values, long... shape) {
            return cache.computeIfAbsent(key + "/" + type, k -> {
                NDArray a = manager.create(values.get(), new Shape(shape));
                return type == DataType.FLOAT64 ? a : a.toType(type, false);
            });
        }

        /** The complex scalars 1 and i (complex64 or complex128 after the real type). */
        synchronized NDArray[] units(DataType type) {
            NDArray one = cache.computeIfAbsent("one/" + type,
                    k -> manager.create(new double[] {1, 0}).toType(type, false).complex());
            NDArray unit = cache.computeIfAbsent("i/" + type,
                    k -> manager.create(new double[] {0, 1}).toType(type, false).complex());
            return new NDArray[] {one, unit};
        }

        @Override
        public synchronized void close() {
            manager.close();
            cache.clear();
        }
    }

    private SpectralConv() {
    }

    /** {@code [M, b, 2c]} times the real block form of the complex weights {@code wr + i wi} ({@code [M, c, o]}). */
    static NDArray mix(NDArray xs, NDArray wr, NDArray wi) {
        NDArray top = wr.concat(wi, 2);
        NDArray bottom = wi.neg().concat(wr, 2);
        return xs.batchMatMul(top.concat(bottom, 1));
    }

    /** 1D: {@code v [b, c, n]}, weights {@code [modes, c, o]}; returns {@code [b, o, n]}. */
    static NDArray conv1d(NDArray v, NDArray wr, NDArray wi, Method method, Constants k) {
        Shape s = v.getShape();
        long b = s.get(0), c = s.get(1), n = s.get(2);
        long modes = wr.getShape().get(0), o = wr.getShape().get(2);
        if (modes > n / 2 + 1) {
            throw new IllegalArgumentException("shape mismatch: " + modes + " Fourier modes need at least "
                    + (2 * (modes - 1)) + " grid points, got " + n);
        }
        DataType type = v.getDataType();
        if (method == Method.FFT) {
            NDArray parts = v.rfft(n, -1).get(":, :, 0:" + modes).real();
            NDArray xs = parts.transpose(2, 0, 3, 1).reshape(modes, b, 2 * c);
            NDArray ys = mix(xs, wr, wi).reshape(modes, b, 2, o);
            NDArray[] u = k.units(type);
            NDArray complex = ys.get(":, :, 0, :").mul(u[0]).add(ys.get(":, :, 1, :").mul(u[1]));
            return complex.transpose(1, 2, 0).irfft(n, -1);
        }
        NDArray f = k.get("F1:" + n + ":" + modes, type, () -> forwardBasis(n, modes), n, 2 * modes);
        NDArray g = k.get("G1:" + n + ":" + modes, type, () -> inverseBasis(n, modes), 2 * modes, n);
        NDArray xs = v.reshape(b * c, n).matMul(f).reshape(b, c, 2, modes).transpose(3, 0, 2, 1)
                .reshape(modes, b, 2 * c);
        NDArray ys = mix(xs, wr, wi).reshape(modes, b, 2, o);
        return ys.transpose(1, 3, 2, 0).reshape(b * o, 2 * modes).matMul(g).reshape(b, o, n);
    }

    /** 2D: {@code v [b, c, h, w]}, weights {@code [2 m1 * m2, c, o]}; returns {@code [b, o, h, w]}. */
    static NDArray conv2d(NDArray v, NDArray wr, NDArray wi, int m1, int m2, Method method, Constants k) {
        Shape s = v.getShape();
        long b = s.get(0), c = s.get(1), h = s.get(2), w = s.get(3);
        long o = wr.getShape().get(2);
        if (2L * m1 > h || m2 > w / 2 + 1) {
            throw new IllegalArgumentException("shape mismatch: " + m1 + " x " + m2 + " Fourier modes need at least "
                    + (2 * m1) + " x " + (2 * (m2 - 1)) + " grid points, got " + h + " x " + w);
        }
        DataType type = v.getDataType();
        long kk = 2L * m1;
        if (method == Method.FFT) {
            NDArray xf = v.rfft(w, -1).get(":, :, :, 0:" + m2).fft(h, -2);
            NDArray sel = xf.get(":, :, 0:" + m1 + ", :").concat(xf.get(":, :, " + (h - m1) + ":, :"), 2);
            NDArray xs = sel.real().transpose(2, 3, 0, 4, 1).reshape(kk * m2, b, 2 * c);
            NDArray ys = mix(xs, wr, wi).reshape(kk, m2, b, 2, o);
            NDArray[] u = k.units(type);
            NDArray complex = ys.get(":, :, :, 0, :").mul(u[0]).add(ys.get(":, :, :, 1, :").mul(u[1]))
                    .transpose(2, 3, 0, 1);
            NDArray full;
            if (h > kk) {
                NDArray zeros = v.getManager().zeros(new Shape(b, o, h - kk, m2), type).mul(u[0]);
                full = NDArrays.concat(new NDList(complex.get(":, :, 0:" + m1 + ", :"), zeros,
                        complex.get(":, :, " + m1 + ":, :")), 2);
            } else {
                full = complex;
            }
            return full.ifft(h, -2).irfft(w, -1);
        }
        NDArray fw = k.get("F1:" + w + ":" + m2, type, () -> forwardBasis(w, m2), w, 2L * m2);
        NDArray gw = k.get("G1:" + w + ":" + m2, type, () -> inverseBasis(w, m2), 2L * m2, w);
        NDArray bh = k.get("B:" + h + ":" + m1, type, () -> rowBasis(h, m1, false), 2 * h, 2 * kk);
        NDArray bi = k.get("Bi:" + h + ":" + m1, type, () -> rowBasis(h, m1, true), 2 * kk, 2 * h);
        NDArray y = v.reshape(b * c * h, w).matMul(fw).reshape(b, c, h, 2, m2).transpose(0, 1, 4, 3, 2)
                .reshape(b * c * m2, 2 * h).matMul(bh).reshape(b, c, m2, 2, kk);
        NDArray xs = y.transpose(4, 2, 0, 3, 1).reshape(kk * m2, b, 2 * c);
        NDArray ys = mix(xs, wr, wi).reshape(kk, m2, b, 2, o);
        NDArray z = ys.transpose(2, 4, 1, 3, 0).reshape(b * o * m2, 2 * kk).matMul(bi).reshape(b, o, m2, 2, h);
        return z.transpose(0, 1, 4, 3, 2).reshape(b * o * h, 2L * m2).matMul(gw).reshape(b, o, h, w);
    }

    /** {@code [n, 2m]}: columns {@code cos(2 pi k j / n)}, then {@code -sin(2 pi k j / n)}, {@code k < m}. */
    static double[] forwardBasis(long n, long m) {
        double[] f = new double[(int) (n * 2 * m)];
        for (int j = 0; j < n; j++) {
            for (int q = 0; q < m; q++) {
                double a = 2 * Math.PI * ((long) q * j % n) / n;
                f[(int) (j * 2 * m + q)] = Math.cos(a);
                f[(int) (j * 2 * m + m + q)] = -Math.sin(a);
            }
        }
        return f;
    }

    /**
     * {@code [2m, n]}: the real inverse of the kept modes, {@code (c_k / n) cos} and {@code -(c_k / n) sin}
     * with {@code c_0 = 1}, {@code c_{n/2} = 1}, else 2: what {@code irfft} computes from those modes.
     */
    static double[] inverseBasis(long n, long m) {
        double[] g = new double[(int) (2 * m * n)];
        for (int q = 0; q < m; q++) {
            double c = (q == 0 || 2L * q == n) ? 1.0 / n : 2.0 / n;
            for (int j = 0; j < n; j++) {
                double a = 2 * Math.PI * ((long) q * j % n) / n;
                g[(int) (q * n + j)] = c * Math.cos(a);
                g[(int) ((m + q) * n + j)] = -c * Math.sin(a);
            }
        }
        return g;
    }

    /**
     * The complex DFT along rows restricted to the kept row modes {@code 0..m1-1, h-m1..h-1}, as a real
     * {@code [2h, 2K]} block matrix acting on {@code (re, im)} (forward, {@code exp(-i...)}), or its
     * {@code [2K, 2h]} inverse ({@code exp(+i...) / h}).
     */
    static double[] rowBasis(long h, int m1, boolean inverse) {
        int kk = 2 * m1;
        int hh = (int) h;
        double[] out = new double[4 * kk * hh];
        for (int q = 0; q < kk; q++) {
            long mode = q < m1 ? q : h - kk + q;
            for (int j = 0; j < hh; j++) {
                double a = 2 * Math.PI * (mode * j % h) / h;
                double cos = Math.cos(a);
                double sin = Math.sin(a);
                if (!inverse) {
                    // rows: (re h, im h); columns: (re k, im k); E = cos - i sin
                    int cols = 2 * kk;
                    out[j * cols + q] = cos;
                    out[(hh + j) * cols + q] = sin;
                    out[j * cols + kk + q] = -sin;
                    out[(hh + j) * cols + kk + q] = cos;
                } else {
                    // rows: (re k, im k); columns: (re h, im h); E = (cos + i sin) / h
                    int cols = 2 * hh;
                    out[q * cols + j] = cos / h;
                    out[(kk + q) * cols + j] = -sin / h;
                    out[q * cols + hh + j] = sin / h;
                    out[(kk + q) * cols + hh + j] = cos / h;
                }
            }
        }
        return out;
    }
}
