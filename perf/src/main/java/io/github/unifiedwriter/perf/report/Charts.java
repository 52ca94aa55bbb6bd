package io.github.unifiedwriter.perf.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;

/** Shared look of the PNG charts, and writing them. Charts are drawn headless. */
final class Charts
{
    private Charts()
    {
    }

    /** Flat bars with their value written above each, rotated to fit thin bars. */
    static void style(final JFreeChart chart, final String valueFormat)
    {
        chart.setBackgroundPaint(Color.WHITE);
        final CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        final BarRenderer renderer = (BarRenderer)plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        renderer.setDefaultItemLabelGenerator(
            new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat(valueFormat)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
            TextAnchor.CENTER_LEFT, TextAnchor.CENTER_LEFT, -Math.PI / 2));
        plot.getRangeAxis().setUpperMargin(0.15);
    }

    static void note(final JFreeChart chart, final String text)
    {
        if (!text.isEmpty())
        {
            chart.addSubtitle(new TextTitle(text, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        }
    }

    static void save(final JFreeChart chart, final Path file, final int width, final int height) throws IOException
    {
        System.setProperty("java.awt.headless", "true");
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }
}
