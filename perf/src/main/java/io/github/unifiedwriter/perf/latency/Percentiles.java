package io.github.unifiedwriter.perf.latency;

import java.util.Map;

import org.HdrHistogram.Histogram;

/** The percentiles a latency run reports, in nanoseconds, taken from an HdrHistogram. */
public record Percentiles(long count, long p50, long p99, long p999, long p9999, long max)
{
    static Percentiles of(final Histogram h)
    {
        return new Percentiles(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99),
            h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99), h.getMaxValue());
    }

    String format(final String name)
    {
        return " " + name + ".count=" + count + " " + name + ".p50=" + p50 + " " + name + ".p99=" + p99 + " "
            + name + ".p999=" + p999 + " " + name + ".p9999=" + p9999 + " " + name + ".max=" + max;
    }

    static Percentiles parse(final Map<String, String> words, final String name)
    {
        return new Percentiles(value(words, name + ".count"), value(words, name + ".p50"), value(words, name + ".p99"),
            value(words, name + ".p999"), value(words, name + ".p9999"), value(words, name + ".max"));
    }

    private static long value(final Map<String, String> words, final String key)
    {
        final String v = words.get(key);
        if (v == null)
        {
            throw new IllegalArgumentException("missing " + key);
        }
        return Long.parseLong(v);
    }
}
