package io.github.unifiedwriter.sink;

import java.time.Duration;

/**
 * When a sink forces written data to storage. A process crash loses nothing that was written, forced or
 * not: the page cache survives it. Forcing guards against losing the page cache itself (power cut, kernel
 * crash), at the price of waiting for the disk. Immutable.
 */
public final class FsyncPolicy
{
    /** The longest interval {@link #every(Duration)} accepts. */
    public static final Duration MAX_INTERVAL = Duration.ofDays(1);

    /** Never is an interval no clock reaches; batch is an interval that has always passed. */
    private static final FsyncPolicy NEVER = new FsyncPolicy(Long.MAX_VALUE);
    private static final FsyncPolicy BATCH = new FsyncPolicy(0);

    private final long intervalNanos;

    private FsyncPolicy(final long intervalNanos)
    {
        this.intervalNanos = intervalNanos;
    }

    /** {@return never force: the operating system writes back in its own time} The default. */
    public static FsyncPolicy never()
    {
        return NEVER;
    }

    /** {@return force after every batch: a record is on storage when the write that carried it returns} */
    public static FsyncPolicy batch()
    {
        return BATCH;
    }

    /**
     * Force at least once per interval while there is unforced data, and never more often: bounds both
     * what a power cut can lose and what forcing costs.
     *
     * @param interval the longest time unforced data may wait
     * @return the policy
     * @throws IllegalArgumentException unless the interval is positive and at most {@link #MAX_INTERVAL}
     */
    public static FsyncPolicy every(final Duration interval)
    {
        if (interval == null || interval.isNegative() || interval.isZero() || interval.compareTo(MAX_INTERVAL) > 0)
        {
            throw new IllegalArgumentException(
                "Invalid fsync interval: '" + interval + "'; accepted: a positive duration of at most " + MAX_INTERVAL);
        }
        return new FsyncPolicy(interval.toNanos());
    }

    /**
     * {@return the interval of a policy made by {@link #every(Duration)}, as given; null for never and for batch}
     */
    public Duration interval()
    {
        return isNever() || intervalNanos == 0 ? null : Duration.ofNanos(intervalNanos);
    }

    boolean isNever()
    {
        return this == NEVER;
    }

    /** Time that must pass after a force before the next one. */
    long intervalNanos()
    {
        return intervalNanos;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof FsyncPolicy && ((FsyncPolicy)other).intervalNanos == intervalNanos;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(intervalNanos);
    }

    @Override
    public String toString()
    {
        return isNever() ? "never" : intervalNanos == 0 ? "batch" : "every " + Duration.ofNanos(intervalNanos);
    }
}
