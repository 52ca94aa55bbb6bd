package io.github.unifiedwriter.perf.latency;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Bar chart of the latency percentiles per stack, on a logarithmic axis in microseconds: buffered stacks
 * sit orders of magnitude above the others on call-to-file, and a linear axis would hide everything else.
 */
public final class LatencyChart
{
    private LatencyChart()
    {
    }

    static void write(final Path file, final List<LatencyResult> results, final String title) throws IOException
    {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        final StringBuilder incomplete = new StringBuilder();
        for (final LatencyResult r : results)
        {
            if (r.measure() == null || !r.measure().complete())
            {
                incomplete.append(incomplete.length() == 0 ? "" : ", ").append(r.stack().id());
                continue;
            }
            final String stack = r.stack().id();
            data.addValue(micros(r.measure().caller().p99()), "caller p99", stack);
            data.addValue(micros(r.measure().caller().p999()), "caller p99.9", stack);
            data.addValue(micros(r.measure().toFile().p50()), "call-to-file p50", stack);
            data.addValue(micros(r.measure().toFile().p99()), "call-to-file p99", stack);
        }
        logBars(file, data, title, incomplete.length() == 0 ? "" : "not drawn (incomplete or failed): " + incomplete);
    }

    /**
     * Draws {@code data} (values in microseconds, at least 0.1) as bars on a logarithmic axis.
     *
     * @param note a line under the title; none if empty
     */
    public static void logBars(final Path file, final DefaultCategoryDataset data, final String title, final String note)
        throws IOException
    {
        final JFreeChart chart = ChartFactory.createBarChart(title, "stack", "microseconds (log scale)", data,
            PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        final CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        final LogAxis axis = new LogAxis("microseconds (log scale)");
        axis.setSmallestValue(0.1);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        plot.setRangeAxis(axis);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        final BarRenderer renderer = (BarRenderer)plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setBase(0.1);
        if (!note.isEmpty())
        {
            chart.addSubtitle(new TextTitle(note, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        }
        System.setProperty("java.awt.headless", "true");
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1400, 800);
    }

    /** Microseconds for {@link #logBars}: never below the axis' floor of 0.1. */
    public static double micros(final long nanos)
    {
        return Math.max(0.1, nanos / 1000.0);
    }
}
