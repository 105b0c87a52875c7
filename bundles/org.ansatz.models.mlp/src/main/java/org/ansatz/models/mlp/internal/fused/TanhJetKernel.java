package org.ansatz.models.mlp.internal.fused;

import java.util.Arrays;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.MultiIndex;

/**
 * Taylor-mode forward pass of a tanh MLP and its adjoint, for derivative plans up to order two, in
 * float32 SIMD through the incubating Vector API.
 *
 * <p>Points go through the whole network in blocks of {@link #BLOCK}, so a block's streams of every
 * layer stay in cache; each stream of a block is stored feature-major ({@code [width][BLOCK]}), which
 * makes every loop run over contiguous points. The backward pass recomputes a block's forward pass
 * instead of storing it for all points: that costs a second forward pass but no trip through memory.
 * Widths are padded to multiples of 4 (the register blocking) with zero weights, so padded units stay
 * zero in every stream and receive no gradient that is read.
 *
 * <p>The tanh is a rational function (a convergent of Lambert's continued fraction, clamped to ±9,
 * within 4 float32 ulp of tanh) because the Vector API's own transcendental functions are not
 * intrinsics on Java 17.
 */
final class TanhJetKernel {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int LANES = SPECIES.length();
    /** Points per block: a multiple of two vectors of every species x86 has. */
    static final int BLOCK = 128;

    // tanh(c) ~= c P(c^2) / Q(c^2) on |c| <= 9: the 12th convergent of tanh's continued fraction.
    private static final float P0 = 7.905853580625E12f, P1 = 1.159525191825E12f, P2 = 4.1247931725E10f,
            P3 = 5.2378326E8f, P4 = 2552550.0f, P5 = 4095.0f;
    private static final float Q0 = 7.905853580625E12f, Q1 = 3.7948097187E12f, Q2 = 2.52070693875E11f,
            Q3 = 5.2378326E9f, Q4 = 4.135131E7f, Q5 = 120120.0f, Q6 = 91.0f;
    private static final float CLAMP = 9f;

    final int[] widths;
    final int layers;
    final int streams;
    /** Per stream: 0 value, 1 first order, 2 second order. */
    private final int[] order;
    /** First-order streams: their input axis. */
    private final int[] axis;
    /** Second-order streams: the stream indices of their two first-order factors. */
    private final int[] left;
    private final int[] right;

    /**
     * @param paddedWidths widths including inputs and outputs, each a multiple of 4
     * @return null when the plan has derivatives above second order
     */
    static TanhJetKernel of(int[] paddedWidths, DerivativePlan plan) {
        if (plan.maxOrder() > 2 || BLOCK % (2 * LANES) != 0) {
            return null;
        }
        return new TanhJetKernel(paddedWidths, plan);
    }

    private TanhJetKernel(int[] widths, DerivativePlan plan) {
        for (int w : widths) {
            if (w % 4 != 0) {
                throw new IllegalArgumentException("width " + w + " is not padded to a multiple of 4");
            }
        }
        this.widths = widths.clone();
        this.layers = widths.length - 1;
        List<MultiIndex> s = plan.streams();
        this.streams = s.size();
        this.order = new int[streams];
        this.axis = new int[streams];
        this.left = new int[streams];
        this.right = new int[streams];
        for (int i = 0; i < streams; i++) {
            int[] axes = s.get(i).axes();
            order[i] = axes.length;
            if (axes.length == 1) {
                axis[i] = axes[0];
            } else if (axes.length == 2) {
                left[i] = plan.indexOf(MultiIndex.of(axes[0]));
                right[i] = plan.indexOf(MultiIndex.of(axes[1]));
            }
        }
    }

    /** Per-thread buffers for one block, and the gradient accumulated over the blocks it ran. */
    final class Workspace {
        final float[][] in = new float[streams][widths[0] * BLOCK];
        final float[][][] z = new float[layers][streams][];
        final float[][][] y = new float[layers][streams][];
        final float[][] d1 = new float[layers][];
        final float[][] ga;
        final float[][] gb;
        final float[] d1bar;
        final double[][] dw = new double[layers][];
        final double[][] db = new double[layers][];

        Workspace() {
            int max = 0;
            for (int l = 0; l < layers; l++) {
                int w = widths[l + 1];
                max = Math.max(max, Math.max(w, widths[l]));
                for (int s = 0; s < streams; s++) {
                    z[l][s] = new float[w * BLOCK];
                    y[l][s] = l + 1 < layers ? new float[w * BLOCK] : null;
                }
                d1[l] = new float[w * BLOCK];
                dw[l] = new double[widths[l] * w];
                db[l] = new double[w];
            }
            ga = new float[streams][max * BLOCK];
            gb = new float[streams][max * BLOCK];
            d1bar = new float[max * BLOCK];
        }

        void clearGradient() {
            for (int l = 0; l < layers; l++) {
                Arrays.fill(dw[l], 0);
                Arrays.fill(db[l], 0);
            }
        }
    }

    /**
     * The block's forward pass; the output streams end in {@code ws.z[layers - 1]}.
     *
     * @param x      points, row-major {@code [points, inputs]}
     * @param weight per layer {@code [in][out]} (padded), row-major
     */
    void forward(Workspace ws, float[][] weight, float[][] bias, float[] x, int inputs, int start, int count) {
        for (int s = 0; s < streams; s++) {
            Arrays.fill(ws.in[s], 0f);
        }
        float[] v = ws.in[0];
        for (int p = 0; p < count; p++) {
            int row = (start + p) * inputs;
            for (int k = 0; k < inputs; k++) {
                v[k * BLOCK + p] = x[row + k];
            }
        }
        for (int s = 1; s < streams; s++) {
            if (order[s] == 1) {
                Arrays.fill(ws.in[s], axis[s] * BLOCK, (axis[s] + 1) * BLOCK, 1f);
            }
        }
        float[][] a = ws.in;
        for (int l = 0; l < layers; l++) {
            linear(a, widths[l], weight[l], bias[l], widths[l + 1], ws.z[l]);
            if (l + 1 < layers) {
                tanh(ws.z[l], ws.d1[l], ws.y[l], widths[l + 1] * BLOCK);
                a = ws.y[l];
            }
        }
    }

    /**
     * Recomputes the block's forward pass, then adds the gradient of the weights for the upstream
     * gradient {@code g} of the output streams (already in {@code ws.ga}, feature-major) to the
     * workspace's accumulators.
     */
    void backward(Workspace ws, float[][] weight, float[][] weightT, float[][] bias, float[] x, int inputs,
            int start, int count) {
        forward(ws, weight, bias, x, inputs, start, count);
        float[][] g = ws.ga;
        float[][] h = ws.gb;
        for (int l = layers - 1; l >= 0; l--) {
            float[][] a = l == 0 ? ws.in : ws.y[l - 1];
            int in = widths[l];
            int out = widths[l + 1];
            weightGradient(a, in, g, out, ws.dw[l]);
            biasGradient(g[0], out, ws.db[l]);
            if (l > 0) {
                linear(g, out, weightT[l], null, in, h);
                tanhAdjoint(ws.z[l - 1], ws.d1[l - 1], ws.y[l - 1], h, g, ws.d1bar, in * BLOCK);
            }
        }
    }

    /** {@code out[s][j] = sum_k w[k][j] a[s][k] (+ bias[j] on the value)}, 4 outputs x 2 vectors at a time. */
    private void linear(float[][] a, int in, float[] w, float[] bias, int out, float[][] dst) {
        for (int s = 0; s < streams; s++) {
            float[] src = a[s];
            float[] o = dst[s];
            boolean shifted = s == 0 && bias != null;
            for (int j = 0; j < out; j += 4) {
                for (int p = 0; p < BLOCK; p += 2 * LANES) {
                    linearTile(src, in, w, out, j, p, o, shifted ? bias : null);
                }
            }
        }
    }

    // Small methods with vectors only in locals: C2 keeps them in registers (no boxing) on Java 17.
    private static void linearTile(float[] src, int in, float[] w, int out, int j, int p, float[] o, float[] bias) {
        FloatVector c00;
        FloatVector c10;
        FloatVector c20;
        FloatVector c30;
        if (bias == null) {
            c00 = FloatVector.zero(SPECIES);
            c10 = c00;
            c20 = c00;
            c30 = c00;
        } else {
            c00 = FloatVector.broadcast(SPECIES, bias[j]);
            c10 = FloatVector.broadcast(SPECIES, bias[j + 1]);
            c20 = FloatVector.broadcast(SPECIES, bias[j + 2]);
            c30 = FloatVector.broadcast(SPECIES, bias[j + 3]);
        }
        FloatVector c01 = c00;
        FloatVector c11 = c10;
        FloatVector c21 = c20;
        FloatVector c31 = c30;
        for (int k = 0; k < in; k++) {
            FloatVector a0 = FloatVector.fromArray(SPECIES, src, k * BLOCK + p);
            FloatVector a1 = FloatVector.fromArray(SPECIES, src, k * BLOCK + p + LANES);
            int wi = k * out + j;
            FloatVector w0 = FloatVector.broadcast(SPECIES, w[wi]);
            c00 = a0.fma(w0, c00);
            c01 = a1.fma(w0, c01);
            FloatVector w1 = FloatVector.broadcast(SPECIES, w[wi + 1]);
            c10 = a0.fma(w1, c10);
            c11 = a1.fma(w1, c11);
            FloatVector w2 = FloatVector.broadcast(SPECIES, w[wi + 2]);
            c20 = a0.fma(w2, c20);
            c21 = a1.fma(w2, c21);
            FloatVector w3 = FloatVector.broadcast(SPECIES, w[wi + 3]);
            c30 = a0.fma(w3, c30);
            c31 = a1.fma(w3, c31);
        }
        c00.intoArray(o, j * BLOCK + p);
        c01.intoArray(o, j * BLOCK + p + LANES);
        c10.intoArray(o, (j + 1) * BLOCK + p);
        c11.intoArray(o, (j + 1) * BLOCK + p + LANES);
        c20.intoArray(o, (j + 2) * BLOCK + p);
        c21.intoArray(o, (j + 2) * BLOCK + p + LANES);
        c30.intoArray(o, (j + 3) * BLOCK + p);
        c31.intoArray(o, (j + 3) * BLOCK + p + LANES);
    }

    /** tanh with the planned derivatives: Faà di Bruno up to second order. */
    private void tanh(float[][] z, float[] d1, float[][] y, int n) {
        tanhValue(z[0], y[0], d1, n);
        for (int s = 1; s < streams; s++) {
            if (order[s] == 1) {
                product(d1, z[s], y[s], n);
            }
        }
        for (int s = 1; s < streams; s++) {
            if (order[s] == 2) {
                secondOrder(d1, z[s], y[0], y[left[s]], z[right[s]], y[s], n);
            }
        }
    }

    /** {@code y = tanh(z)}, {@code d1 = 1 - y^2}. */
    private static void tanhValue(float[] z, float[] y, float[] d1, int n) {
        FloatVector lo = FloatVector.broadcast(SPECIES, -CLAMP);
        FloatVector hi = FloatVector.broadcast(SPECIES, CLAMP);
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        for (int i = 0; i < n; i += LANES) {
            FloatVector c = FloatVector.fromArray(SPECIES, z, i).max(lo).min(hi);
            FloatVector q = c.mul(c);
            FloatVector num = q.add(P5).fma(q, FloatVector.broadcast(SPECIES, P4))
                    .fma(q, FloatVector.broadcast(SPECIES, P3)).fma(q, FloatVector.broadcast(SPECIES, P2))
                    .fma(q, FloatVector.broadcast(SPECIES, P1)).fma(q, FloatVector.broadcast(SPECIES, P0));
            FloatVector den = q.mul(Q6).add(Q5).fma(q, FloatVector.broadcast(SPECIES, Q4))
                    .fma(q, FloatVector.broadcast(SPECIES, Q3)).fma(q, FloatVector.broadcast(SPECIES, Q2))
                    .fma(q, FloatVector.broadcast(SPECIES, Q1)).fma(q, FloatVector.broadcast(SPECIES, Q0));
            FloatVector t = c.mul(num).div(den);
            t.intoArray(y, i);
            one.sub(t.mul(t)).intoArray(d1, i);
        }
    }

    private static void product(float[] a, float[] b, float[] out, int n) {
        for (int i = 0; i < n; i += LANES) {
            FloatVector.fromArray(SPECIES, a, i).mul(FloatVector.fromArray(SPECIES, b, i)).intoArray(out, i);
        }
    }

    /** {@code y_ab = d1 z_ab + f'' z_a z_b}, where {@code f'' z_a = -2 y y_a}. */
    private static void secondOrder(float[] d1, float[] zq, float[] y0, float[] ya, float[] zb, float[] out, int n) {
        for (int i = 0; i < n; i += LANES) {
            FloatVector corr = FloatVector.fromArray(SPECIES, y0, i).mul(-2f).mul(FloatVector.fromArray(SPECIES, ya, i))
                    .mul(FloatVector.fromArray(SPECIES, zb, i));
            FloatVector.fromArray(SPECIES, d1, i).fma(FloatVector.fromArray(SPECIES, zq, i), corr).intoArray(out, i);
        }
    }

    /**
     * The adjoint of {@link #tanh}: from the gradient {@code gy} of the output streams (overwritten as
     * scratch) to the gradient {@code gz} of the input streams.
     */
    private void tanhAdjoint(float[][] z, float[] d1, float[][] y, float[][] gy, float[][] gz, float[] d1bar, int n) {
        Arrays.fill(d1bar, 0, n, 0f);
        for (int s = 1; s < streams; s++) {
            if (order[s] == 1) {
                Arrays.fill(gz[s], 0, n, 0f);
            }
        }
        for (int s = 1; s < streams; s++) {
            if (order[s] == 2) {
                secondOrderAdjoint(d1, z[s], y[0], y[left[s]], z[right[s]], gy[s], gz[s], d1bar, gy[0], gy[left[s]],
                        gz[right[s]], n);
            }
        }
        for (int s = 1; s < streams; s++) {
            if (order[s] == 1) {
                firstOrderAdjoint(d1, z[s], gy[s], gz[s], d1bar, n);
            }
        }
        valueAdjoint(y[0], d1, gy[0], d1bar, gz[0], n);
    }

    private static void secondOrderAdjoint(float[] d1, float[] zq, float[] y0, float[] ya, float[] zb, float[] gq,
            float[] gzq, float[] d1bar, float[] gy0, float[] gya, float[] gzb, int n) {
        for (int i = 0; i < n; i += LANES) {
            FloatVector g = FloatVector.fromArray(SPECIES, gq, i);
            FloatVector m = g.mul(-2f);
            FloatVector v = FloatVector.fromArray(SPECIES, y0, i);
            FloatVector vya = FloatVector.fromArray(SPECIES, ya, i);
            FloatVector vzb = FloatVector.fromArray(SPECIES, zb, i);
            FloatVector.fromArray(SPECIES, d1, i).mul(g).intoArray(gzq, i);
            g.fma(FloatVector.fromArray(SPECIES, zq, i), FloatVector.fromArray(SPECIES, d1bar, i)).intoArray(d1bar, i);
            m.mul(vya).fma(vzb, FloatVector.fromArray(SPECIES, gy0, i)).intoArray(gy0, i);
            m.mul(v).fma(vzb, FloatVector.fromArray(SPECIES, gya, i)).intoArray(gya, i);
            m.mul(v).fma(vya, FloatVector.fromArray(SPECIES, gzb, i)).intoArray(gzb, i);
        }
    }

    private static void firstOrderAdjoint(float[] d1, float[] za, float[] ga, float[] gza, float[] d1bar, int n) {
        for (int i = 0; i < n; i += LANES) {
            FloatVector g = FloatVector.fromArray(SPECIES, ga, i);
            FloatVector.fromArray(SPECIES, d1, i).fma(g, FloatVector.fromArray(SPECIES, gza, i)).intoArray(gza, i);
            g.fma(FloatVector.fromArray(SPECIES, za, i), FloatVector.fromArray(SPECIES, d1bar, i)).intoArray(d1bar, i);
        }
    }

    /** {@code gz0 = (gy0 - 2 y d1bar) d1}: tanh' = 1 - y^2 = d1, and d1 depends on y. */
    private static void valueAdjoint(float[] y0, float[] d1, float[] gy0, float[] d1bar, float[] gz0, int n) {
        for (int i = 0; i < n; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, y0, i);
            FloatVector total = v.mul(-2f).fma(FloatVector.fromArray(SPECIES, d1bar, i), FloatVector.fromArray(SPECIES, gy0, i));
            total.mul(FloatVector.fromArray(SPECIES, d1, i)).intoArray(gz0, i);
        }
    }

    /** {@code dw[k][j] += sum_s sum_p a[s][k][p] g[s][j][p]}. */
    private void weightGradient(float[][] a, int in, float[][] g, int out, double[] dw) {
        for (int s = 0; s < streams; s++) {
            for (int k = 0; k < in; k += 2) {
                for (int j = 0; j < out; j += 4) {
                    weightTile(a[s], g[s], k, j, out, dw);
                }
            }
        }
    }

    private static void weightTile(float[] a, float[] g, int k, int j, int out, double[] dw) {
        FloatVector c00 = FloatVector.zero(SPECIES);
        FloatVector c01 = c00;
        FloatVector c02 = c00;
        FloatVector c03 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c12 = c00;
        FloatVector c13 = c00;
        for (int p = 0; p < BLOCK; p += LANES) {
            FloatVector g0 = FloatVector.fromArray(SPECIES, g, j * BLOCK + p);
            FloatVector g1 = FloatVector.fromArray(SPECIES, g, (j + 1) * BLOCK + p);
            FloatVector g2 = FloatVector.fromArray(SPECIES, g, (j + 2) * BLOCK + p);
            FloatVector g3 = FloatVector.fromArray(SPECIES, g, (j + 3) * BLOCK + p);
            FloatVector a0 = FloatVector.fromArray(SPECIES, a, k * BLOCK + p);
            c00 = a0.fma(g0, c00);
            c01 = a0.fma(g1, c01);
            c02 = a0.fma(g2, c02);
            c03 = a0.fma(g3, c03);
            FloatVector a1 = FloatVector.fromArray(SPECIES, a, (k + 1) * BLOCK + p);
            c10 = a1.fma(g0, c10);
            c11 = a1.fma(g1, c11);
            c12 = a1.fma(g2, c12);
            c13 = a1.fma(g3, c13);
        }
        int o = k * out + j;
        dw[o] += c00.reduceLanes(VectorOperators.ADD);
        dw[o + 1] += c01.reduceLanes(VectorOperators.ADD);
        dw[o + 2] += c02.reduceLanes(VectorOperators.ADD);
        dw[o + 3] += c03.reduceLanes(VectorOperators.ADD);
        o += out;
        dw[o] += c10.reduceLanes(VectorOperators.ADD);
        dw[o + 1] += c11.reduceLanes(VectorOperators.ADD);
        dw[o + 2] += c12.reduceLanes(VectorOperators.ADD);
        dw[o + 3] += c13.reduceLanes(VectorOperators.ADD);
    }

    private static void biasGradient(float[] g0, int out, double[] db) {
        for (int j = 0; j < out; j++) {
            FloatVector acc = FloatVector.zero(SPECIES);
            for (int p = 0; p < BLOCK; p += LANES) {
                acc = acc.add(FloatVector.fromArray(SPECIES, g0, j * BLOCK + p));
            }
            db[j] += acc.reduceLanes(VectorOperators.ADD);
        }
    }
}
