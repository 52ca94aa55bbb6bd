package io.github.unifiedwriter.perf.report;

import io.github.unifiedwriter.perf.stack.Stack;

/**
 * One (stack, threads) run of the comparison, with what its file held. A run counts only if it is
 * {@link #complete()}: every call's line is in the file, once, in each producer's order.
 *
 * @param linesWritten lines in the file
 * @param linesPerSec  lines in the file per second, clock stopped when the file was complete
 * @param callsPerSec  calls per second as the producers saw them, until their last call returned
 * @param drainMillis  from the last call's return until stop returned
 * @param missing      records absent from a producer's sequence
 * @param repeated     records that came again or out of order
 * @param error        why the run produced no measure, or null
 */
public record RunResult(
    Stack stack,
    int threads,
    long events,
    long linesWritten,
    double linesPerSec,
    double callsPerSec,
    double cpuNsPerEvent,
    double drainMillis,
    double elapsedMillis,
    boolean complete,
    long missing,
    long repeated,
    String disruptor,
    String error)
{
    /** A run whose child failed before it measured anything. */
    public static RunResult failed(final Stack stack, final int threads, final long events, final String error)
    {
        return new RunResult(stack, threads, events, 0, 0, 0, 0, 0, 0, false, events, 0, "-", error);
    }

    /** True if the run's throughput counts: it measured, and it lost nothing. */
    public boolean counts()
    {
        return error == null && complete;
    }

    /** Calls whose line never reached the file, as far as line counting can tell. */
    public long lost()
    {
        return Math.max(0, events - linesWritten);
    }
}
