package org.ansatz.dynamics.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.ansatz.api.dynamics.DynamicalSystem;
import org.ansatz.api.dynamics.TrajectorySet;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG plots of a run: the first test trajectory against the reference, and for conservative systems
 * the relative deviation of the true energy along every forecast and reference trajectory.
 */
final class Plots {

    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private Plots() {
    }

    static void write(Path out, DynamicalSystem system, double[] times, TrajectorySet test, double[][][] predicted,
            int stride) {
        // Rendering needs no display: plots are drawn into images only.
        System.setProperty("java.awt.headless", "true");
        int shown = Math.min(times.length, Math.max(2, (int) Math.ceil(10 * system.timeScale() / (times[1] - times[0]))));
        XYSeriesCollection traj = new XYSeriesCollection();
        for (int j = 0; j < system.dimension(); j++) {
            String v = system.variables().get(j);
            XYSeries t = new XYSeries(v + " reference", false);
            XYSeries p = new XYSeries(v + " forecast", false);
            for (int i = 0; i < shown; i++) {
                t.add(times[i], test.states()[0][i][j]);
                p.add(times[i], predicted[0][i][j]);
            }
            traj.addSeries(t);
            traj.addSeries(p);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Trajectory (first test state)", "t", "state", traj,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart, true);
        png(out.resolve("trajectory.png"), chart);
        if (system.conservative()) {
            XYSeriesCollection energy = new XYSeriesCollection();
            for (int k = 0; k < predicted.length; k++) {
                XYSeries p = new XYSeries("forecast " + k, false);
                XYSeries r = new XYSeries("reference " + k, false);
                double e0 = system.energy(test.states()[k][0]);
                // Relative deviation on a log axis: drifts of 1e-8 and 1e3 share one readable plot.
                for (int i = stride; i < times.length; i += stride) {
                    double ep = Math.abs(system.energy(predicted[k][i]) - e0) / Math.abs(e0);
                    if (Double.isFinite(ep) && ep > 0) {
                        p.add(times[i], ep);
                    }
                    double er = Math.abs(system.energy(test.states()[k][i]) - e0) / Math.abs(e0);
                    if (er > 0) {
                        r.add(times[i], er);
                    }
                }
                energy.addSeries(r);
                energy.addSeries(p);
            }
            JFreeChart e = ChartFactory.createXYLineChart("Relative deviation of the true energy", "t",
                    "|E(t) - E(0)| / |E(0)|", energy, PlotOrientation.VERTICAL, true, false, false);
            style(e, true);
            LogAxis log = new LogAxis("|E(t) - E(0)| / |E(0)|");
            log.setSmallestValue(1e-16);
            e.getXYPlot().setRangeAxis(log);
            png(out.resolve("energy.png"), e);
        }
    }

    /** Reference dashed, forecast solid, one colour per pair. */
    private static void style(JFreeChart chart, boolean pairs) {
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int n = plot.getDataset().getSeriesCount();
        for (int s = 0; s < n; s++) {
            r.setSeriesPaint(s, COLORS[(s / 2) % COLORS.length]);
            r.setSeriesStroke(s, s % 2 == 0 && pairs
                    ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)
                    : new BasicStroke(1.2f));
        }
        plot.setRenderer(r);
    }

    private static void png(Path file, JFreeChart chart) {
        try (ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(b, chart, 1000, 600);
            RunFiles.write(file, b.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
