package org.ansatz.operators.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ansatz.api.run.AtomicFiles;
import org.ansatz.datasets.FunctionDataset;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The run's picture of one held-out function: in 1D reference and prediction as lines with the input
 * on a second axis (JFreeChart); in 2D heat maps of input, reference, prediction and the absolute error, each with its
 * own colour range.
 */
final class Plots {

    private Plots() {
    }

    static void write(Path file, FunctionDataset data, int index, double[] predicted, int[] shape) {
        System.setProperty("java.awt.headless", "true");
        double[] a = data.sample(data.inputField(), index);
        double[] u = data.sample(data.outputField(), index);
        byte[] png = shape.length == 1 ? lines(data.grid().get(0), a, u, predicted) : maps(shape, a, u, predicted);
        AtomicFiles.write(file, png);
    }

    /** Reference and prediction on the left axis, the input on its own right axis (outputs can be far smaller). */
    private static byte[] lines(double[] x, double[] a, double[] u, double[] p) {
        XYSeriesCollection outputs = new XYSeriesCollection();
        outputs.addSeries(series("reference", x, u));
        outputs.addSeries(series("prediction", x, p));
        XYSeriesCollection input = new XYSeriesCollection();
        input.addSeries(series("input (right axis)", x, a));
        JFreeChart chart = ChartFactory.createXYLineChart("First held-out function", "x", "output", outputs,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x1f77b4));
        r.setSeriesPaint(1, new Color(0xd62728));
        r.setSeriesStroke(0, new BasicStroke(3f));
        r.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        plot.setRenderer(r);
        NumberAxis right = new NumberAxis("input");
        right.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, right);
        plot.setDataset(1, input);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer ri = new XYLineAndShapeRenderer(true, false);
        ri.setSeriesPaint(0, new Color(0x7f7f7f));
        plot.setRenderer(1, ri);
        try (ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(b, chart, 1000, 600);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XYSeries series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false);
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], y[i]);
        }
        return s;
    }

    private static byte[] maps(int[] shape, double[] a, double[] u, double[] p) {
        int h = shape[0], w = shape[1];
        int cell = Math.max(1, 256 / Math.max(h, w));
        int pw = h * cell, ph = w * cell, pad = 30;
        double[] err = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            err[i] = Math.abs(p[i] - u[i]);
        }
        double[][] fields = {a, u, p, err};
        String[] titles = {"input", "reference", "prediction", "|error|"};
        BufferedImage img = new BufferedImage(4 * (pw + pad) + pad, ph + 2 * pad, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int f = 0; f < 4; f++) {
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            // the reference's range for reference and prediction, so that their colours compare
            double[] range = f == 2 ? u : fields[f];
            for (double v : range) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            int x0 = pad + f * (pw + pad);
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    double t = hi > lo ? (fields[f][i * w + j] - lo) / (hi - lo) : 0.5;
                    g.setColor(color(Math.max(0, Math.min(1, t))));
                    // x along columns, y upwards
                    g.fillRect(x0 + i * cell, pad + (w - 1 - j) * cell, cell, cell);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(String.format(java.util.Locale.ROOT, "%s [%.3g, %.3g]", titles[f], lo, hi), x0, pad - 10);
        }
        g.dispose();
        try (ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A blue-white-red ramp. */
    private static Color color(double t) {
        double r = t < 0.5 ? 2 * t : 1;
        double b = t < 0.5 ? 1 : 2 * (1 - t);
        double gr = 1 - Math.abs(2 * t - 1);
        return new Color((float) (0.15 + 0.85 * r), (float) (0.15 + 0.85 * gr), (float) (0.15 + 0.85 * b));
    }
}
