package io.github.unifiedwriter.perf.stall;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.jfree.data.category.DefaultCategoryDataset;

import io.github.unifiedwriter.perf.latency.LatencyChart;
import io.github.unifiedwriter.perf.latency.Percentiles;

/** The caller's percentiles per stack through the freezes, drawn as the latency chart is. */
final class StallChart
{
    private StallChart()
    {
    }

    static void write(final Path file, final List<StallResult> results, final String title) throws IOException
    {
        final DefaultCategoryDataset data = new DefaultCategoryDataset();
        final StringBuilder incomplete = new StringBuilder();
        for (final StallResult r : results)
        {
            if (r.measure() == null || !r.measure().complete())
            {
                incomplete.append(incomplete.length() == 0 ? "" : ", ").append(r.label());
                continue;
            }
            final Percentiles c = r.measure().caller();
            final String stack = r.label();
            data.addValue(LatencyChart.micros(c.p50()), "caller p50", stack);
            data.addValue(LatencyChart.micros(c.p99()), "caller p99", stack);
            data.addValue(LatencyChart.micros(c.p999()), "caller p99.9", stack);
            data.addValue(LatencyChart.micros(c.p9999()), "caller p99.99", stack);
            data.addValue(LatencyChart.micros(c.max()), "caller max", stack);
        }
        LatencyChart.logBars(file, data, title,
            incomplete.length() == 0 ? "" : "not drawn (incomplete or failed): " + incomplete);
    }
}
