package io.github.unifiedwriter.perf.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;


/**
 * The comparison as text for a terminal: one table per thread count, then each of our stacks' ratio to
 * the best complete Log4j2 stack. A stack that lost lines is marked and left out of the ratios. A reference
 * stack writes no file: its lines/s are events per second, its file is not checked, and it is never the best.
 */
public final class ResultTable
{
    private static final String ROW = "%-22s %12s %12s %10s %9s %23s  %s%n";
    private static final String GROUP_ROW = "%-22s %12s %23s %10s %9s %23s  %s%n";

    private ResultTable()
    {
    }

    /** One table per thread count, each pair shown by its median repeat with the range of all repeats. */
    public static void print(final PrintStream out, final List<RunGroup> groups, final List<Integer> threadCounts)
    {
        final List<RunResult> shown = RunGroup.shown(groups);
        for (final int threads : threadCounts)
        {
            final List<RunGroup> rows = groups.stream().filter(g -> g.shown().threads() == threads).toList();
            if (rows.isEmpty())
            {
                continue;
            }
            out.println();
            out.printf(Locale.ROOT, "== %d producer thread%s, %,d events per run, median of %d run%s ==%n", threads,
                threads == 1 ? "" : "s", rows.get(0).shown().events(), rows.get(0).runs(), rows.get(0).runs() == 1 ? "" : "s");
            out.printf(Locale.ROOT, GROUP_ROW, "stack", "lines/s", "range of lines/s", "CPU ns/ev", "drain ms",
                "lines in file / calls", "check");
            for (final RunGroup g : rows)
            {
                out.print(groupRow(g));
            }
            printRatios(out, shown, threads);
        }
    }

    private static String groupRow(final RunGroup g)
    {
        final RunResult r = g.shown();
        if (r.error() != null)
        {
            return row(r);
        }
        return String.format(Locale.ROOT, GROUP_ROW, r.stack().id(), num(r.linesPerSec()),
            num(g.minLinesPerSec()) + " - " + num(g.maxLinesPerSec()), num(r.cpuNsPerEvent()),
            String.format(Locale.ROOT, "%.1f", r.drainMillis()), lines(r), check(r));
    }

    /** One line of the table; also printed as each run finishes. */
    public static String row(final RunResult r)
    {
        if (r.error() != null)
        {
            return String.format(Locale.ROOT, ROW, r.stack().id(), "-", "-", "-", "-", "-",
                "FAILED: " + r.error().lines().findFirst().orElse(""));
        }
        return String.format(Locale.ROOT, ROW, r.stack().id(), num(r.linesPerSec()), num(r.callsPerSec()),
            num(r.cpuNsPerEvent()), String.format(Locale.ROOT, "%.1f", r.drainMillis()), lines(r), check(r));
    }

    /** Lines in the file over calls; a reference has no file, so only its calls. */
    private static String lines(final RunResult r)
    {
        return r.reference() ? String.format(Locale.ROOT, "no file / %,d", r.events())
            : String.format(Locale.ROOT, "%,d / %,d", r.linesWritten(), r.events());
    }

    private static String check(final RunResult r)
    {
        final String disruptor = r.stack().asyncLoggers() ? "  [" + r.disruptor() + "]" : "";
        if (r.reference())
        {
            return "reference, not checked: writes no file";
        }
        if (r.complete())
        {
            return "complete, in order" + disruptor;
        }
        return String.format(Locale.ROOT, "LOST %,d lines (%.1f%%), %,d repeated/reordered: NOT COUNTED%s",
            r.lost(), 100.0 * r.lost() / r.events(), r.repeated(), disruptor);
    }

    private static void printRatios(final PrintStream out, final List<RunResult> results, final int threads)
    {
        final Optional<RunResult> best = Baseline.bestLog4j(results, threads);
        if (best.isEmpty())
        {
            out.println("no complete Log4j2 stack at this thread count: no ratio");
            return;
        }
        final RunResult b = best.get();
        out.printf(Locale.ROOT, "best complete Log4j2 stack: %s at %s lines/s%n", b.stack().id(), num(b.linesPerSec()));
        for (final RunResult r : results)
        {
            if (r.threads() == threads && r.stack().ours())
            {
                out.printf(Locale.ROOT, "  %-16s %s%n", r.stack().id(), r.counts()
                    ? String.format(Locale.ROOT, "%.2fx the best Log4j2 lines/s, %.2fx its CPU per event",
                    r.linesPerSec() / b.linesPerSec(), r.cpuNsPerEvent() / b.cpuNsPerEvent())
                    : "not counted (incomplete or failed)");
            }
        }
    }

    static String num(final double value)
    {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
