package org.ansatz.bench;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ansatz.bench.cases.DerivativeCase;
import org.ansatz.bench.cases.DerivativeCases;
import org.ansatz.kernel.internal.engine.DjlTensorEngine;
import org.ansatz.kernel.internal.engine.EngineSettings;

/**
 * Child process of the memory case: runs Burgers steps in a fresh JVM, so the process peaks belong to
 * this workload alone, and prints one JSON line with the peaks.
 *
 * <p>Arguments: {@code taylor|reverse N WIDTH DEPTH THREADS STEPS}; 0 steps gives the footprint of the
 * started engine with the network and points.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws IOException {
        boolean taylor = args[0].equals("taylor");
        int n = Integer.parseInt(args[1]);
        int width = Integer.parseInt(args[2]);
        int depth = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        int steps = Integer.parseInt(args[5]);
        DjlTensorEngine engine = new DjlTensorEngine(new EngineSettings(EngineSettings.PYTORCH, threads, 1));
        try (NDManager base = engine.newManager()) {
            DerivativeCase.Prepared p = DerivativeCases.burgers(n, width, depth).prepare(base);
            p.time(taylor ? p.taylor() : p.reverse(), 0, steps);
            Map<String, Object> out = new LinkedHashMap<>(procStatus());
            long heapPeak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPeak += pool.getPeakUsage().getUsed();
                }
            }
            out.put("heap_peak_bytes", heapPeak);
            out.put("heap_used_bytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            out.put("heap_committed_bytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted());
            out.put("nonheap_used_bytes", ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed());
            out.put("threads", engine.intraOpThreads());
            out.put("steps", steps);
            System.out.println(new com.google.gson.Gson().toJson(out));
        }
    }

    /** VmHWM and VmRSS in KiB, as the kernel reports them for this process. */
    static Map<String, Long> procStatus() throws IOException {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith("VmHWM:") || line.startsWith("VmRSS:")) {
                m.put(line.substring(0, 5), Long.parseLong(line.substring(6).strip().split("\\s+")[0]));
            }
        }
        return m;
    }
}
