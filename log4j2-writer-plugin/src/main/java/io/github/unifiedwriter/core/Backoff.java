package io.github.unifiedwriter.core;

import java.util.concurrent.TimeUnit;

/**
 * How long the writer waits before it retries a failed batch. Exponential by default; tests replace it so
 * that a chain of failures takes microseconds, not the seconds of the real schedule.
 */
@FunctionalInterface
interface Backoff
{
    long FIRST_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    long MAX_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** From 100 ms, doubling with each failure in a row, up to 30 s. */
    Backoff EXPONENTIAL = failuresInARow -> Math.min(FIRST_NANOS << Math.min(failuresInARow - 1, 20), MAX_NANOS);

    /**
     * Writer thread.
     *
     * @param failuresInARow failures so far, the last one included (1 for the first)
     * @return nanoseconds to wait before the next try
     */
    long nanos(int failuresInARow);
}
