package org.ansatz.models.mlp.internal.fused;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ansatz.api.derivative.DerivativePlan;
import org.ansatz.api.derivative.FusedJet;
import org.ansatz.api.derivative.Jet;

/**
 * Runs {@link TanhJetKernel} for one network shape and one derivative plan: packs the flat parameters
 * into padded layers, splits the points into blocks over the cores, and turns the result into an
 * autograd leaf with its own adjoint. Load it only when {@link FusedKernels#available()}.
 */
public final class FusedTanhMlp {

    private static final int BLOCK = TanhJetKernel.BLOCK;
    private static volatile ExecutorService workers;

    private final int[] widths;
    private final int[] padded;
    private final int[] offsets;
    private final TanhJetKernel kernel;
    private final ConcurrentLinkedQueue<TanhJetKernel.Workspace> spare = new ConcurrentLinkedQueue<>();

    private FusedTanhMlp(int[] widths, int[] padded, int[] offsets, TanhJetKernel kernel) {
        this.widths = widths;
        this.padded = padded;
        this.offsets = offsets;
        this.kernel = kernel;
    }

    /**
     * @param widths  layer widths including inputs and outputs
     * @param offsets where each layer's weight ({@code [in, out]}, row-major) starts in the flat
     *                parameters; its bias ({@code [out]}) follows it
     * @return null when the plan is beyond the kernel (derivatives above second order)
     */
    public static FusedTanhMlp of(int[] widths, int[] offsets, DerivativePlan plan) {
        if (plan.inputs() != widths[0]) {
            return null;
        }
        int[] padded = new int[widths.length];
        for (int i = 0; i < widths.length; i++) {
            padded[i] = (widths[i] + 3) / 4 * 4;
        }
        TanhJetKernel k = TanhJetKernel.of(padded, plan);
        return k == null ? null : new FusedTanhMlp(widths.clone(), padded, offsets.clone(), k);
    }

    /** The output jet of {@code input} for the parameters {@code flat} (float32, the model's order). */
    public FusedJet forward(Jet input, float[] flat) {
        NDArray x = input.value();
        Shape shape = x.getShape();
        int n = Math.toIntExact(shape.get(0));
        int d = widths[0];
        float[] points = x.toFloatArray();
        Layers layers = new Layers(flat);
        int streams = kernel.streams;
        int outputs = widths[widths.length - 1];
        int last = kernel.layers - 1;
        float[] out = new float[streams * n * outputs];
        spare.addAll(run(n, (ws, from, to) -> {
            for (int b = from; b < to; b++) {
                int start = b * BLOCK;
                int count = Math.min(BLOCK, n - start);
                kernel.forward(ws, layers.weight, layers.bias, points, d, start, count);
                for (int s = 0; s < streams; s++) {
                    float[] z = ws.z[last][s];
                    for (int p = 0; p < count; p++) {
                        int row = (s * n + start + p) * outputs;
                        for (int o = 0; o < outputs; o++) {
                            out[row + o] = z[o * BLOCK + p];
                        }
                    }
                }
            }
        }));
        NDArray leaf = x.getManager().create(out, new Shape(streams, n, outputs));
        leaf.setRequiresGradient(true);
        Jet output = input.with(leaf);
        return new FusedJet() {
            @Override
            public Jet output() {
                return output;
            }

            @Override
            public void accumulate(NDArray upstream, double[] gradient, int offset) {
                backward(upstream.toFloatArray(), n, points, layers, gradient, offset);
            }
        };
    }

    private void backward(float[] upstream, int n, float[] points, Layers layers, double[] gradient, int offset) {
        int d = widths[0];
        int streams = kernel.streams;
        int outputs = widths[widths.length - 1];
        int outWidth = padded[padded.length - 1];
        List<TanhJetKernel.Workspace> used = run(n, (ws, from, to) -> {
            for (int b = from; b < to; b++) {
                int start = b * BLOCK;
                int count = Math.min(BLOCK, n - start);
                for (int s = 0; s < streams; s++) {
                    float[] g = ws.ga[s];
                    Arrays.fill(g, 0, outWidth * BLOCK, 0f);
                    for (int p = 0; p < count; p++) {
                        int row = (s * n + start + p) * outputs;
                        for (int o = 0; o < outputs; o++) {
                            g[o * BLOCK + p] = upstream[row + o];
                        }
                    }
                }
                kernel.backward(ws, layers.weight, layers.weightT, layers.bias, points, d, start, count);
            }
        });
        for (TanhJetKernel.Workspace ws : used) {
            for (int l = 0; l + 1 < widths.length; l++) {
                int in = widths[l];
                int out = widths[l + 1];
                int po = padded[l + 1];
                int base = offset + offsets[l];
                for (int k = 0; k < in; k++) {
                    for (int j = 0; j < out; j++) {
                        gradient[base + k * out + j] += ws.dw[l][k * po + j];
                    }
                }
                for (int j = 0; j < out; j++) {
                    gradient[base + in * out + j] += ws.db[l][j];
                }
            }
            spare.add(ws);
        }
    }

    /** The parameters of one forward pass, padded: weights {@code [in][out]}, their transposes, biases. */
    private final class Layers {
        final float[][] weight;
        final float[][] weightT;
        final float[][] bias;

        Layers(float[] flat) {
            int layers = widths.length - 1;
            weight = new float[layers][];
            weightT = new float[layers][];
            bias = new float[layers][];
            for (int l = 0; l < layers; l++) {
                int in = widths[l];
                int out = widths[l + 1];
                int pin = padded[l];
                int pout = padded[l + 1];
                float[] w = new float[pin * pout];
                float[] wt = new float[pout * pin];
                float[] b = new float[pout];
                for (int k = 0; k < in; k++) {
                    for (int j = 0; j < out; j++) {
                        float v = flat[offsets[l] + k * out + j];
                        w[k * pout + j] = v;
                        wt[j * pin + k] = v;
                    }
                }
                System.arraycopy(flat, offsets[l] + in * out, b, 0, out);
                weight[l] = w;
                weightT[l] = wt;
                bias[l] = b;
            }
        }
    }

    private interface BlockRange {
        void run(TanhJetKernel.Workspace ws, int fromBlock, int toBlock);
    }

    /**
     * Splits the blocks of {@code n} points evenly over the cores; the calling thread takes the last
     * share. Returns the workspaces used, one per share, their gradients accumulated from zero; the
     * caller puts them back into {@link #spare} when it has read them.
     */
    private List<TanhJetKernel.Workspace> run(int n, BlockRange range) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        int shares = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), blocks));
        List<TanhJetKernel.Workspace> used = new ArrayList<>(shares);
        for (int t = 0; t < shares; t++) {
            TanhJetKernel.Workspace ws = spare.poll();
            if (ws == null) {
                ws = kernel.new Workspace();
            }
            ws.clearGradient();
            used.add(ws);
        }
        List<Future<?>> pending = new ArrayList<>(shares - 1);
        for (int t = 0; t < shares - 1; t++) {
            TanhJetKernel.Workspace ws = used.get(t);
            int from = blocks * t / shares;
            int to = blocks * (t + 1) / shares;
            pending.add(workers().submit(() -> range.run(ws, from, to)));
        }
        range.run(used.get(shares - 1), blocks * (shares - 1) / shares, blocks);
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the fused kernel ran", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the fused kernel failed: " + e.getCause(), e.getCause());
            }
        }
        return used;
    }

    private static ExecutorService workers() {
        ExecutorService w = workers;
        if (w == null) {
            synchronized (FusedTanhMlp.class) {
                w = workers;
                if (w == null) {
                    w = Executors.newCachedThreadPool(r -> {
                        Thread t = new Thread(r, "ansatz-fused-kernel");
                        t.setDaemon(true);
                        return t;
                    });
                    workers = w;
                }
            }
        }
        return w;
    }
}
