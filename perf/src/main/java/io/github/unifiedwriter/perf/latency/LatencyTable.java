package io.github.unifiedwriter.perf.latency;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Latency percentiles as text, in microseconds, one row per stack and measure. */
public final class LatencyTable
{
    private static final String HEAD = "%-22s %-9s %11s %9s %9s %9s %9s %10s  %s%n";

    private LatencyTable()
    {
    }

    static void print(final PrintStream out, final List<LatencyResult> results)
    {
        out.println();
        out.println("latency in microseconds; caller = how long the log call held the producer, from its intended");
        out.println("start (coordinated omission corrected); service = the same from its actual start;");
        out.println("file = from the intended start until the line could be read back from the OS");
        out.printf(Locale.ROOT, HEAD, "stack", "measure", "offered/s", "p50", "p99", "p99.9", "p99.99", "max", "lines / calls");
        for (final LatencyResult r : results)
        {
            out.print(row(r));
        }
    }

    static String row(final LatencyResult r)
    {
        if (r.measure() == null)
        {
            return String.format(Locale.ROOT, "%-22s FAILED: %s%n", r.stack().id(), r.error().lines().findFirst().orElse(""));
        }
        final LatencyMeasure m = r.measure();
        final String check = String.format(Locale.ROOT, "%,d / %,d %s", m.lines(), m.calls(),
            m.complete() ? "complete" : "INCOMPLETE (missing " + m.missing() + ", repeated " + m.repeated() + ")")
            + (m.failure() == null ? "" : " tailer: " + m.failure());
        return line(r.stack().id(), "caller", r.rate(), m.caller(), check)
            + line("", "service", -1, m.service(), "")
            + line("", "file", -1, m.toFile(), "");
    }

    private static String line(final String stack, final String measure, final double rate, final Percentiles p,
        final String check)
    {
        return String.format(Locale.ROOT, HEAD, stack, measure, rate < 0 ? "" : String.format(Locale.ROOT, "%,.0f", rate),
            micros(p.p50()), micros(p.p99()), micros(p.p999()), micros(p.p9999()), micros(p.max()), check);
    }

    public static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, nanos < 10_000 ? "%.2f" : "%,.0f", nanos / 1000.0);
    }
}
