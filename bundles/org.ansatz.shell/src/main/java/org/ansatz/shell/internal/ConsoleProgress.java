package org.ansatz.shell.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import org.ansatz.api.solver.Progress;
import org.ansatz.api.solver.ProgressUpdate;

/**
 * Renders progress with rate and ETA: one line rewritten in place on a terminal, a line per report
 * (at most every few seconds) otherwise, so logs stay readable.
 */
final class ConsoleProgress implements Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final long minNanosBetweenLines;
    private String stage;
    private long stageStart;
    private long stageStartStep;
    private long lastLine;
    private boolean dirty;

    ConsoleProgress(PrintStream out, boolean terminal, long minMillisBetweenLines) {
        this.out = out;
        this.terminal = terminal;
        this.minNanosBetweenLines = minMillisBetweenLines * 1_000_000;
    }

    @Override
    public synchronized void report(ProgressUpdate u) {
        long now = System.nanoTime();
        if (!u.stage().equals(stage)) {
            finishLine();
            stage = u.stage();
            stageStart = now;
            stageStartStep = 0;
            lastLine = 0;
        }
        boolean last = u.totalSteps() > 0 && u.step() >= u.totalSteps();
        if (!terminal && !last && now - lastLine < minNanosBetweenLines) {
            return;
        }
        lastLine = now;
        String line = format(u, (now - stageStart) / 1e9, stageStartStep);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            dirty = true;
            if (last) {
                finishLine();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String format(ProgressUpdate u, double seconds, long startStep) {
        if (u.stage().equals("resume")) {
            return String.format(Locale.ROOT, "resuming from the checkpoint after step %d (loss %.3e)", u.step(),
                    u.values().getOrDefault("loss", Double.NaN));
        }
        if (u.stage().equals("restart")) {
            return String.format(Locale.ROOT, "restart %d of %d with seed %d: the final loss %.3e stayed above "
                    + "restart.above", u.step(), u.totalSteps(), u.values().getOrDefault("seed", Double.NaN).longValue(),
                    u.values().getOrDefault("loss", Double.NaN));
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-6s %6d", u.stage(), u.step()));
        if (u.totalSteps() > 0) {
            b.append('/').append(u.totalSteps()).append(' ').append(bar((double) u.step() / u.totalSteps(), 20));
        }
        for (Map.Entry<String, Double> e : u.values().entrySet()) {
            b.append(String.format(Locale.ROOT, "  %s %.3e", e.getKey(), e.getValue()));
        }
        double rate = seconds > 0 ? (u.step() - startStep) / seconds : 0;
        if (rate > 0) {
            b.append(String.format(Locale.ROOT, "  | %.1f steps/s", rate));
            if (u.totalSteps() > 0 && u.step() < u.totalSteps()) {
                b.append("  ETA ").append(duration((u.totalSteps() - u.step()) / rate));
            }
        }
        return b.toString();
    }

    /** {@code [=======>     ]  58%}: the stage's share done. */
    static String bar(double fraction, int width) {
        double f = Math.max(0, Math.min(1, fraction));
        int full = (int) Math.floor(f * width);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < width; i++) {
            b.append(i < full ? '=' : i == full && f < 1 ? '>' : ' ');
        }
        return b.append(String.format(Locale.ROOT, "] %3d%%", (int) Math.floor(f * 100))).toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    synchronized void finishLine() {
        if (dirty) {
            out.println();
            dirty = false;
        }
    }

    @Override
    public boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }
}
