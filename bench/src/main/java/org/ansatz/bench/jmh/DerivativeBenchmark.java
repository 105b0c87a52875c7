package org.ansatz.bench.jmh;

import ai.djl.ndarray.NDManager;
import java.util.concurrent.TimeUnit;
import org.ansatz.bench.AnsatzStep;
import org.ansatz.bench.cases.DerivativeCase;
import org.ansatz.bench.cases.DerivativeCases;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of the derivative workloads of the suite (Ansatz side only: JMH cannot time the
 * Python baselines, which {@code bench/run} does). One invocation is one step: derivatives by Taylor
 * mode or nested reverse mode, mean-square loss, backward to the weights.
 *
 * <p>{@code bench/run --jmh} runs all; {@code bench/run --jmh -p workload=laplacian-50 -p mode=taylor}
 * one. Workload names: see {@link DerivativeCases#byName}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DerivativeBenchmark {

    @Param({"order-1", "order-2", "order-3", "order-4", "laplacian-2", "laplacian-5", "laplacian-10", "laplacian-50"})
    public String workload;

    @Param({"taylor", "reverse"})
    public String mode;

    /** Intra-op threads; 0 means one per core, as in the suite. */
    @Param("0")
    public int threads;

    private NDManager base;
    private DerivativeCase.Prepared prepared;
    private boolean taylor;

    @Setup(Level.Trial)
    public void setUp() {
        int t = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        base = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, t, 1)).newManager();
        prepared = DerivativeCases.byName(workload).prepare(base);
        taylor = switch (mode) {
            case "taylor" -> true;
            case "reverse" -> false;
            default -> throw new IllegalArgumentException("mode is taylor or reverse, got " + mode);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        base.close();
    }

    @Benchmark
    public void step() {
        AnsatzStep.run(prepared.flatParameters(), taylor ? prepared.taylor() : prepared.reverse());
    }
}
