package io.github.unifiedwriter.perf.report;

import io.github.unifiedwriter.perf.stack.Stack;

/**
 * One (stack, threads) run of the comparison, with what its file held. A run counts only if it is
 * {@link #complete()}: every call's line is in the file, once, in each producer's order. A run of a
 * {@linkplain #reference() reference} stack has no file: nothing of it is checked, and it never counts.
 *
 * @param linesWritten lines in the file; 0 for a reference
 * @param linesPerSec  lines in the file per second, clock stopped when the file was complete; for a reference,
 *                     events per second on the same clock, stopped when its stop returned: the ceiling for
 *                     the lines per second of any appender of that library
 * @param complete     every line checked and present; false for a reference, whose lines were not checked
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

    /**
     * A measured run of a reference stack, which writes no file, so nothing is missing and nothing is
     * checked.
     */
    public static RunResult reference(final Stack stack, final int threads, final long events, final double eventsPerSec,
        final double callsPerSec, final double cpuNsPerEvent, final double drainMillis, final double elapsedMillis,
        final String disruptor)
    {
        return new RunResult(stack, threads, events, 0, eventsPerSec, callsPerSec, cpuNsPerEvent, drainMillis,
            elapsedMillis, false, 0, 0, disruptor, null);
    }

    /** True if the run's throughput counts: it measured, and it lost nothing. */
    public boolean counts()
    {
        return error == null && complete;
    }

    /** True for a run of a stack that writes no file: its figures are a reference, never a peer or a loss. */
    public boolean reference()
    {
        return !stack.writesFile();
    }

    /** True if the run measured and lost nothing it was checked for: a counted run, or a measured reference. */
    public boolean sound()
    {
        return error == null && (complete || reference());
    }

    /** Calls whose line never reached the file, as far as line counting can tell; 0 for a reference. */
    public long lost()
    {
        return reference() ? 0 : Math.max(0, events - linesWritten);
    }
}
