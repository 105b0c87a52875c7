package org.ansatz.runs.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG plots drawn by JFreeChart, headless: loss curves on a log scale, heat maps of 2D fields
 * (prediction, reference, absolute error), line plots of 1D ones.
 */
final class Plots {

    static {
        // Plots are drawn off-screen; a server without a display must not try to open one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    /** Distinguishable line colors (matplotlib's tab10), the first for the total. */
    private static final Color[] LINES = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private Plots() {
    }

    /** Curves by name over a shared x axis; non-positive and non-finite values are left out (log scale). */
    static JFreeChart logCurves(String title, String xLabel, Map<String, double[][]> curves, Map<String, Double> marks) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[][]> c : curves.entrySet()) {
            XYSeries s = new XYSeries(c.getKey(), false, true);
            double[] xs = c.getValue()[0];
            double[] ys = c.getValue()[1];
            for (int i = 0; i < xs.length; i++) {
                if (ys[i] > 0 && Double.isFinite(ys[i])) {
                    s.add(xs[i], ys[i]);
                }
            }
            if (s.getItemCount() > 0) {
                data.addSeries(s);
            }
        }
        if (data.getSeriesCount() == 0) {
            throw new IllegalArgumentException("nothing to plot in " + title + ": no positive finite values");
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        LogAxis y = new LogAxis("value (log scale)");
        y.setSmallestValue(1e-300);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.2f : 1.4f));
            r.setSeriesPaint(i, LINES[i % LINES.length]);
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        marks.forEach((label, at) -> {
            ValueMarker m = new ValueMarker(at, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
            m.setLabel(label);
            m.setLabelOffset(new RectangleInsets(12, 12, 2, 2));
            plot.addDomainMarker(m);
        });
        JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** A field over two axes as colored blocks, with its color scale. */
    static JFreeChart heatMap(String title, String xName, double[] xs, String yName, double[] ys, double[] z,
            double lo, double hi) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(z[i])) {
                kept.add(new double[] {xs[i], ys[i], z[i]});
            }
        }
        double[][] series = new double[3][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            for (int k = 0; k < 3; k++) {
                series[k][i] = kept.get(i)[k];
            }
        }
        data.addSeries(title, series);
        Viridis scale = new Viridis(lo, hi > lo ? hi : lo + Math.max(1e-300, Math.abs(lo) * 1e-12));
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        r.setBlockWidth(spacing(xs));
        r.setBlockHeight(spacing(ys));
        NumberAxis x = new NumberAxis(xName);
        NumberAxis y = new NumberAxis(yName);
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        x.setLowerMargin(0);
        x.setUpperMargin(0);
        y.setLowerMargin(0);
        y.setUpperMargin(0);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(new Color(235, 235, 235));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
        NumberAxis legendAxis = new NumberAxis();
        legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        legendAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.##E0"));
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(4, 4, 4, 4));
        legend.setStripWidth(12);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The smallest positive distance between distinct coordinates: the width of one grid block. */
    private static double spacing(double[] v) {
        double[] s = java.util.Arrays.stream(v).distinct().sorted().toArray();
        double d = Double.MAX_VALUE;
        for (int i = 1; i < s.length; i++) {
            d = Math.min(d, s[i] - s[i - 1]);
        }
        return s.length > 1 ? d : 1;
    }

    /** Lines of one or more curves over a linear y axis. */
    static JFreeChart lines(String title, String xName, String yName, Map<String, double[][]> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        curves.forEach((name, xy) -> {
            XYSeries s = new XYSeries(name, false, true);
            for (int i = 0; i < xy[0].length; i++) {
                if (Double.isFinite(xy[1][i])) {
                    s.add(xy[0][i], xy[1][i]);
                }
            }
            data.addSeries(s);
        });
        NumberAxis x = new NumberAxis(xName);
        NumberAxis y = new NumberAxis(yName);
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesStroke(0, new BasicStroke(2.2f));
        r.setSeriesPaint(0, LINES[0]);
        r.setSeriesPaint(1, LINES[1]);
        r.setSeriesStroke(1, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                new float[] {6f, 4f}, 0f));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        JFreeChart chart = new JFreeChart(title, TITLE, plot, curves.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Charts side by side, each {@code width} x {@code height}, as PNG bytes. */
    static byte[] png(List<JFreeChart> charts, int width, int height) {
        BufferedImage image = new BufferedImage(width * charts.size(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                charts.get(i).draw(g, new Rectangle2D.Double(i * width, 0, width, height));
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Perceptually uniform colors from dark blue-violet to yellow (anchors sampled from matplotlib's
     * viridis), linearly interpolated; values outside the range are clamped.
     */
    static final class Viridis implements PaintScale {
        private static final int[][] ANCHORS = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98},
            {253, 231, 37}};
        private final double lo;
        private final double hi;

        Viridis(double lo, double hi) {
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public double getLowerBound() {
            return lo;
        }

        @Override
        public double getUpperBound() {
            return hi;
        }

        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return new Color(235, 235, 235);
            }
            double s = Math.max(0, Math.min(1, (value - lo) / (hi - lo))) * (ANCHORS.length - 1);
            int k = Math.min(ANCHORS.length - 2, (int) s);
            double f = s - k;
            int[] a = ANCHORS[k];
            int[] b = ANCHORS[k + 1];
            return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
                    (int) Math.round(a[2] + f * (b[2] - a[2])));
        }
    }
}
