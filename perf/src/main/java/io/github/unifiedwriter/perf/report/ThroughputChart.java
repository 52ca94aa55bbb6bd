package io.github.unifiedwriter.perf.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;


/**
 * Bar chart of the comparison: lines per second by stack, grouped by thread count. Runs that lost lines
 * get no bar; the chart names them instead, so a fast but lossy stack cannot look like a winner. A reference
 * stack wrote no lines, so it gets no bar either, and is named apart from the losses.
 */
public final class ThroughputChart
{
    private ThroughputChart()
    {
    }

    public static void write(final Path file, final List<RunResult> results, final String title) throws IOException
    {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (final RunResult r : results)
        {
            if (r.counts())
            {
                data.addValue(r.linesPerSec() / 1e6, r.stack().id(), r.threads() + (r.threads() == 1 ? " thread" : " threads"));
            }
        }
        final JFreeChart chart = ChartFactory.createBarChart(title, "producer threads",
            "million lines/s, clock stopped when the last line is in the file", data, PlotOrientation.VERTICAL,
            true, false, false);
        Charts.style(chart, "0.00");
        final String lost = results.stream().filter(r -> !r.sound())
            .map(r -> r.stack().id() + " @" + r.threads() + "t" + (r.error() != null ? " (failed)" : " (lost lines)"))
            .collect(Collectors.joining(", "));
        Charts.note(chart, lost.isEmpty() ? "every run complete: lines in file = calls, each thread in order"
            : "not drawn, not counted: " + lost);
        final String references = results.stream().filter(RunResult::sound).filter(RunResult::reference)
            .map(r -> r.stack().id()).distinct().collect(Collectors.joining(", "));
        Charts.note(chart, references.isEmpty() ? "" : "not drawn: " + references + " (reference, writes no file)");
        Charts.save(chart, file, 1400, 800);
    }
}
