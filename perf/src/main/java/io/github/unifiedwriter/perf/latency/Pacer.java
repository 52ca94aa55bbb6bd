package io.github.unifiedwriter.perf.latency;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds a producer until its next send time. Parks while far away, then yields: a pure spin would take
 * the cores that the stack's own writer thread needs, and {@code parkNanos} alone overshoots by the
 * timer slack (about 50 µs on Linux), which the intended-time measure would then blame on the stack.
 */
public final class Pacer
{
    private static final long PARK_MARGIN_NANOS = 150_000;

    private Pacer()
    {
    }

    public static void awaitNanoTime(final long deadline)
    {
        long left;
        while ((left = deadline - System.nanoTime()) > 0)
        {
            if (left > PARK_MARGIN_NANOS)
            {
                LockSupport.parkNanos(left - PARK_MARGIN_NANOS);
            }
            else
            {
                Thread.yield();
            }
        }
    }
}
