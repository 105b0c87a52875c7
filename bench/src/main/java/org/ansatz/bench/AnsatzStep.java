package org.ansatz.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs training steps of a flat-parameter model the way the trainer does (zeroed gradients, gradient
 * recording, a sub-manager freed after the step) and times them.
 */
public final class AnsatzStep {

    private AnsatzStep() {
    }

    /** Warm-up runs before timing: the first steps pay for allocator growth and kernel selection. */
    public static int warmup(int repeats) {
        return Math.max(3, repeats / 5);
    }

    /**
     * Minimum warm-up time, on top of the warm-up steps, on both sides. A few steps are not enough for
     * the JVM: its JIT compiles the tensor wrappers meanwhile, and its compiler threads share the two
     * cores with the intra-op threads (the 2540-point Burgers step measured 15.8 ms after 3 warm-up
     * steps, 5-7 ms after 20). Python has no such phase, and the same rule costs it nothing but time.
     */
    public static final double WARMUP_SECONDS = 3;

    /** One step: {@code body} computes a loss in {@code m} and calls {@link #backward}. */
    public static void run(NDArray flatParameters, Consumer<NDManager> body) {
        NDManager base = flatParameters.getManager();
        try (NDManager m = base.newSubManager(); GradientCollector gc = base.getEngine().newGradientCollector()) {
            JniUtils.zeroGrad((PtNDArray) flatParameters);
            body.accept(m);
        }
    }

    /**
     * Milliseconds of each of {@code repeats} steps after at least {@code warmup} untimed ones and at
     * least {@link #WARMUP_SECONDS}.
     */
    public static List<Double> time(int warmup, int repeats, NDArray flatParameters, Consumer<NDManager> body) {
        long start = System.nanoTime();
        for (int i = 0; i < warmup || System.nanoTime() - start < WARMUP_SECONDS * 1e9; i++) {
            run(flatParameters, body);
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            run(flatParameters, body);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms;
    }

    /** Backward pass of a scalar loss to everything that requires a gradient. */
    public static void backward(NDArray loss) {
        JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
    }

    /** A copy of {@code x} owned by {@code m}, so each step starts from a fresh leaf. */
    public static NDArray copy(NDArray x, NDManager m) {
        NDArray c = x.duplicate();
        c.attach(m);
        return c;
    }
}
