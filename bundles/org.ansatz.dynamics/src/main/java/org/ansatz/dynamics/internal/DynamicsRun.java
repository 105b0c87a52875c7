package org.ansatz.dynamics.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.ansatz.api.method.Options;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.DynamicsLearner;
import org.ansatz.api.dynamics.DynamicsMetrics;
import org.ansatz.api.dynamics.FitRequest;
import org.ansatz.api.dynamics.FitRequest.FitProgress;
import org.ansatz.api.dynamics.Forecaster;
import org.ansatz.api.dynamics.TrajectorySet;

/**
 * One experiment: reference data from a system, a learner fitted to it, forecasts from fresh
 * initial states compared with the reference (trajectory error, valid prediction time in Lyapunov
 * times for chaotic systems, energy drift for conservative ones), and the run directory.
 *
 * <p>Settings {@code dt}, {@code train.*}, {@code test.*}, {@code reference.step} belong to the
 * run; every other key is passed to the learner.
 */
public final class DynamicsRun {

    /** The outcome: metrics by name and, when written, the run directory. */
    public record Result(Map<String, Double> metrics, Path directory) {
    }

    private static final List<String> RUN_KEYS = List.of("dt", "train.trajectories", "train.samples",
            "test.trajectories", "test.periods", "test.threshold", "test.every", "reference.step");

    private DynamicsRun() {
    }

    /**
     * @param out run directory to write, or {@code null} for none
     */
    public static Result run(String systemName, DynamicalSystem system, String learnerName, DynamicsLearner learner,
            Map<String, Object> settings, long seed, Path out, Consumer<FitProgress> progress) {
        Map<String, Object> runSettings = new LinkedHashMap<>();
        Map<String, Object> learnerSettings = new LinkedHashMap<>();
        settings.forEach((k, v) -> (RUN_KEYS.contains(k) ? runSettings : learnerSettings).put(k, v));
        Options o = new Options(runSettings);
        boolean chaotic = !Double.isNaN(system.lyapunovExponent());
        double scale = system.timeScale();
        double dt = o.real("dt", chaotic ? scale / 100 : scale / 30, 1e-9);
        int trainTrajectories = o.integer("train.trajectories", chaotic ? 10 : 25, 1);
        int trainSamples = o.integer("train.samples", chaotic ? 1000 : 30, 2);
        int testTrajectories = o.integer("test.trajectories", 5, 1);
        double periods = o.real("test.periods", chaotic ? 15 : 100, 0);
        double threshold = o.real("test.threshold", 0.3, 0);
        int every = o.integer("test.every", 1, 1);
        double refStep = o.real("reference.step", dt / 20, 1e-12);
        o.checkAllRead("fit-dynamics run");

        TrajectorySet train = Reference.generate(system, trainTrajectories, Reference.uniformTimes(trainSamples, dt),
                refStep, seed);
        int testSamples = (int) Math.round(periods * scale / (dt * every)) + 1;
        double[] testTimes = Reference.uniformTimes(testSamples, dt * every);
        TrajectorySet test = Reference.generate(system, testTrajectories, testTimes, refStep, seed + 7919);
        double[][] initial = new double[testTrajectories][];
        for (int k = 0; k < testTrajectories; k++) {
            initial[k] = test.states()[k][0];
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<double[]> history = new ArrayList<>();
        long start = System.nanoTime();
        double[][][] predicted;
        Map<String, Double> diagnostics;
        String spectrum = null;
        try (Forecaster f = learner.fit(new FitRequest(train, system, learnerSettings, seed, p -> {
            history.add(new double[] {p.step(), p.loss()});
            if (progress != null) {
                progress.accept(p);
            }
        }))) {
            metrics.put("fitSeconds", (System.nanoTime() - start) / 1e9);
            long t0 = System.nanoTime();
            predicted = f.forecast(initial, testTimes);
            metrics.put("forecastSeconds", (System.nanoTime() - t0) / 1e9);
            diagnostics = f.diagnostics();
            if (f instanceof Edmd.Model k) {
                StringBuilder b = new StringBuilder("re,im,continuous_re,continuous_im\n");
                double[][] ev = k.eigenvalues(), cv = k.continuousEigenvalues();
                for (int i = 0; i < ev.length; i++) {
                    b.append(num(ev[i][0])).append(',').append(num(ev[i][1])).append(',').append(num(cv[i][0]))
                            .append(',').append(num(cv[i][1])).append('\n');
                }
                spectrum = b.toString();
            }
        }
        diagnostics.forEach((k, v) -> metrics.put("model." + k, v));
        double[] scaleVec = DynamicsMetrics.scale(train.states());
        double[] rmse = new double[testTrajectories];
        double[] vpt = new double[testTrajectories];
        double[] drift = new double[testTrajectories];
        double[] refDrift = new double[testTrajectories];
        for (int k = 0; k < testTrajectories; k++) {
            rmse[k] = DynamicsMetrics.rmse(predicted[k], test.states()[k]);
            vpt[k] = DynamicsMetrics.validPredictionTime(predicted[k], test.states()[k], testTimes, scaleVec, threshold);
            if (system.conservative()) {
                drift[k] = DynamicsMetrics.energyDrift(energies(system, predicted[k]));
                refDrift[k] = DynamicsMetrics.energyDrift(energies(system, test.states()[k]));
            }
        }
        metrics.put("rmse.median", median(rmse));
        if (chaotic) {
            double lyapunovTime = 1 / system.lyapunovExponent();
            double[] inLyap = Arrays.stream(vpt).map(v -> v / lyapunovTime).toArray();
            metrics.put("vpt.lyapunovTimes.median", median(inLyap));
            metrics.put("vpt.lyapunovTimes.min", Arrays.stream(inLyap).min().orElse(Double.NaN));
            metrics.put("vpt.lyapunovTimes.max", Arrays.stream(inLyap).max().orElse(Double.NaN));
        } else {
            metrics.put("vpt.timeScales.median", median(vpt) / scale);
        }
        if (system.conservative()) {
            metrics.put("energyDrift.median", median(drift));
            metrics.put("energyDrift.max", Arrays.stream(drift).max().orElse(Double.NaN));
            metrics.put("energyDrift.reference.median", median(refDrift));
        }
        if (out != null) {
            write(out, systemName, learnerName, settings, seed, system, testTimes, test, predicted, metrics, history,
                    spectrum);
        }
        return new Result(metrics, out);
    }

    static double[] energies(DynamicalSystem s, double[][] traj) {
        double[] e = new double[traj.length];
        for (int i = 0; i < traj.length; i++) {
            e[i] = s.energy(traj[i]);
        }
        return e;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static void write(Path out, String systemName, String learnerName, Map<String, Object> settings, long seed,
            DynamicalSystem system, double[] times, TrajectorySet test, double[][][] predicted,
            Map<String, Double> metrics, List<double[]> history, String spectrum) {
        StringBuilder run = new StringBuilder();
        run.append("system=").append(systemName).append('\n').append("model=").append(learnerName).append('\n')
                .append("seed=").append(seed).append('\n');
        settings.forEach((k, v) -> run.append(k).append('=').append(v).append('\n'));
        RunFiles.write(out.resolve("run.properties"), run.toString());
        StringBuilder m = new StringBuilder();
        metrics.forEach((k, v) -> m.append(k).append('=').append(String.format(Locale.ROOT, "%.6g", v)).append('\n'));
        RunFiles.write(out.resolve("metrics.properties"), m.toString());
        List<String> vars = system.variables();
        int rows = times.length;
        int stride = Math.max(1, rows / 5000);
        StringBuilder csv = new StringBuilder("trajectory,t");
        for (String v : vars) {
            csv.append(',').append(v).append(",").append(v).append("_pred");
        }
        boolean energy = system.conservative();
        if (energy) {
            csv.append(",energy,energy_pred");
        }
        csv.append('\n');
        for (int k = 0; k < predicted.length; k++) {
            for (int i = 0; i < rows; i += stride) {
                csv.append(k).append(',').append(num(times[i]));
                for (int j = 0; j < vars.size(); j++) {
                    csv.append(',').append(num(test.states()[k][i][j])).append(',').append(num(predicted[k][i][j]));
                }
                if (energy) {
                    csv.append(',').append(num(system.energy(test.states()[k][i]))).append(',')
                            .append(num(system.energy(predicted[k][i])));
                }
                csv.append('\n');
            }
        }
        RunFiles.write(out.resolve("forecast.csv"), csv.toString());
        StringBuilder h = new StringBuilder("step,loss\n");
        for (double[] r : history) {
            h.append((long) r[0]).append(',').append(num(r[1])).append('\n');
        }
        RunFiles.write(out.resolve("history.csv"), h.toString());
        if (spectrum != null) {
            RunFiles.write(out.resolve("spectrum.csv"), spectrum);
        }
        Plots.write(out, system, times, test, predicted, stride);
    }
}
