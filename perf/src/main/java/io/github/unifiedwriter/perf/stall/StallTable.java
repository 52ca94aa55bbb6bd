package io.github.unifiedwriter.perf.stall;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import io.github.unifiedwriter.perf.latency.LatencyMeasure;
import io.github.unifiedwriter.perf.latency.Percentiles;

import static io.github.unifiedwriter.perf.latency.LatencyTable.micros;

/** The stall runs as text: the caller's percentiles in microseconds, the freezes, and lines against calls. */
final class StallTable
{
    private static final String ROW = "%-26s %9s %9s %9s %9s %10s %8s %10s %8s  %s%n";

    private StallTable()
    {
    }

    static void print(final PrintStream out, final List<StallResult> results)
    {
        out.println();
        out.println("caller latency in microseconds: how long the log call held the producer, from its intended start");
        out.println("(coordinated omission corrected), over the measured seconds. frozen ms: from the start of each");
        out.println("fsfreeze -f (writes block, then it syncs) to the end of its fsfreeze -u, summed; longest: the longest one.");
        out.println("service = the same from the call's actual start: how long one call itself took");
        if (results.stream().anyMatch(StallResult::control))
        {
            out.println("ctl = the same stack with its file off the mount, through the same freezes, while the mount");
            out.println("gets about as many bytes per second as the stack wrote there: what the freezes cost a caller");
            out.println("they never touch");
        }
        out.printf(Locale.ROOT, ROW, "stack", "p50", "p99", "p99.9", "p99.99", "max", "freezes", "frozen ms",
            "longest", "lines / calls");
        for (final StallResult r : results)
        {
            out.print(row(r));
        }
    }

    static String row(final StallResult r)
    {
        final LatencyMeasure m = r.measure();
        if (m == null)
        {
            return String.format(Locale.ROOT, "%-26s FAILED: %s%n", r.label(),
                r.error() == null ? "" : r.error().lines().findFirst().orElse(""));
        }
        final Percentiles c = m.caller();
        final String check = String.format(Locale.ROOT, "%,d / %,d %s", m.lines(), m.calls(),
            m.complete() ? "complete" : "INCOMPLETE (missing " + m.missing() + ", repeated " + m.repeated() + ")")
            + (m.failure() == null ? "" : " tailer: " + m.failure())
            + (r.error() == null ? "" : " freezer: " + r.error());
        final Percentiles s = m.service();
        return String.format(Locale.ROOT, ROW, r.label() + " caller", micros(c.p50()), micros(c.p99()),
            micros(c.p999()), micros(c.p9999()), micros(c.max()), r.freezes(),
            String.format(Locale.ROOT, "%,d", r.frozenMillis()), String.format(Locale.ROOT, "%,d", r.longestMillis()),
            check)
            + String.format(Locale.ROOT, ROW, "  service", micros(s.p50()), micros(s.p99()), micros(s.p999()),
            micros(s.p9999()), micros(s.max()), "", "", "", "");
    }
}
