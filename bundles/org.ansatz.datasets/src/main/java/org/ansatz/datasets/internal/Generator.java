package org.ansatz.datasets.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.ansatz.api.method.Options;

/**
 * Samples input functions and solves the equation for each: one family of function pairs. Sample
 * {@code i} depends only on the seed, {@code i} and the parameters, so a dataset of 100 samples is
 * the first 100 of one of 1000, and generation can run in parallel without changing a value.
 */
abstract class Generator {

    abstract String name();

    abstract int defaultResolution();

    /** Checks the resolution, naming the constraint; the default accepts anything from 8 points. */
    void checkResolution(int resolution) {
        if (resolution < 8) {
            throw new IllegalArgumentException(name() + ": resolution must be at least 8, got " + resolution);
        }
    }

    /** Equation and generator parameters read from the options, with their defaults. */
    abstract Map<String, Double> parameters(Options options, int resolution);

    abstract List<double[]> grid(int resolution);

    abstract boolean periodic();

    String inputName() {
        return "a";
    }

    String outputName() {
        return "u";
    }

    /** One pair {@code {input, output}} at the dataset resolution. */
    abstract double[][] sample(int resolution, Map<String, Double> p, RandomGenerator random);

    /** The reference solver at the dataset resolution, as the generator uses it. */
    abstract UnaryOperator<double[]> solver(int resolution, Map<String, Double> p);

    /** Generates {@code n} samples with up to {@code threads} threads, reporting each finished sample. */
    FunctionData generate(int n, int resolution, long seed, Map<String, Double> p, int threads, IntConsumer done) {
        checkResolution(resolution);
        int size = FunctionData.sampleSize(grid(resolution));
        double[] inputs = new double[n * size];
        double[] outputs = new double[n * size];
        IntConsumer one = i -> {
            double[][] pair = sample(resolution, p, random(seed, i));
            System.arraycopy(pair[0], 0, inputs, i * size, size);
            System.arraycopy(pair[1], 0, outputs, i * size, size);
        };
        AtomicInteger finished = new AtomicInteger();
        IntConsumer counted = i -> {
            one.accept(i);
            if (done != null) {
                done.accept(finished.incrementAndGet());
            }
        };
        if (threads <= 1) {
            IntStream.range(0, n).forEach(counted);
        } else {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                pool.submit(() -> IntStream.range(0, n).parallel().forEach(counted)).join();
            } finally {
                pool.shutdown();
            }
        }
        return new FunctionData(name(), p, grid(resolution), periodic(), inputName(), outputName(), inputs, outputs,
                seed, solver(resolution, p));
    }

    /** The random stream of sample {@code i}: independent of n, threads and resolution. */
    static RandomGenerator random(long seed, int i) {
        return new SplittableRandom((seed << 32) ^ (i * 0x9E3779B97F4A7C15L));
    }

    static double[] periodicGrid(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (double) i / n;
        }
        return x;
    }

    static double[] closedGrid(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (double) i / (n - 1);
        }
        return x;
    }

    static void checkPowerOfTwo(String name, int resolution) {
        if (resolution < 8 || Integer.bitCount(resolution) != 1) {
            throw new IllegalArgumentException(name + ": resolution must be a power of two >= 8 (spectral solver), got "
                    + resolution);
        }
    }

    /** Every {@code r}-th value. */
    static double[] subsample(double[] v, int r) {
        if (r == 1) {
            return v;
        }
        double[] out = new double[v.length / r];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[i * r];
        }
        return out;
    }

    static Map<String, Double> ordered(Object... keyValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], ((Number) keyValues[i + 1]).doubleValue());
        }
        return m;
    }

    /** Sum of sines with random amplitudes, integer wavenumbers and phases, as PDEBench's 1D sets use. */
    static double[] sines(double[] x, int waves, int kmax, RandomGenerator random, double[] amplitudeSum) {
        double[] u = new double[x.length];
        double total = 0;
        for (int w = 0; w < waves; w++) {
            double amp = random.nextDouble();
            int k = 1 + random.nextInt(kmax);
            double phase = 2 * Math.PI * random.nextDouble();
            total += amp;
            for (int i = 0; i < x.length; i++) {
                u[i] += amp * Math.sin(2 * Math.PI * k * x[i] + phase);
            }
        }
        if (amplitudeSum != null) {
            amplitudeSum[0] = total;
        }
        return u;
    }
}
