package org.ansatz.operators.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;

/** One line per report at most every few seconds (and the last), with epochs per second and ETA. */
final class ConsoleProgress implements Progress {

    private final PrintStream out;
    private final long minNanos;
    private long start = -1;
    private long startStep;
    private long last;

    ConsoleProgress(PrintStream out, long minMillis) {
        this.out = out;
        this.minNanos = minMillis * 1_000_000;
    }

    @Override
    public synchronized void report(ProgressUpdate u) {
        long now = System.nanoTime();
        if (u.stage().equals("resume")) {
            out.printf(Locale.ROOT, "resuming after epoch %d of %d%n", u.step(), u.totalSteps());
            start = now;
            startStep = u.step();
            return;
        }
        if (start < 0) {
            start = now;
            startStep = u.step() - 1;
        }
        boolean finished = u.totalSteps() > 0 && u.step() >= u.totalSteps();
        if (!finished && now - last < minNanos) {
            return;
        }
        last = now;
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? (u.step() - startStep) / seconds : 0;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %s %d/%d", u.stage(), u.step(),
                u.totalSteps()));
        for (Map.Entry<String, Double> e : u.values().entrySet()) {
            b.append(String.format(Locale.ROOT, "  %s %.3e", e.getKey(), e.getValue()));
        }
        if (rate > 0) {
            b.append(String.format(Locale.ROOT, "  | %.3g epochs/s", rate));
            if (!finished) {
                b.append("  ETA ").append(duration((u.totalSteps() - u.step()) / rate));
            }
        }
        out.println(b);
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }
}
