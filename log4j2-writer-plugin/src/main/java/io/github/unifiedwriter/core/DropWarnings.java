package io.github.unifiedwriter.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rate-limits WARN-policy drop warnings to one per warn interval, each carrying the count since the
 * previous one. Producer threads call it only when they drop, so the cost is off the steady path.
 */
final class DropWarnings
{
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong();
    private volatile boolean warnedOnce;

    /** Producer thread that just dropped a record. */
    void dropped(final Duration warnInterval, final WriterListener listener)
    {
        unreported.incrementAndGet();
        final long now = System.nanoTime();
        final long last = lastWarning.get();
        if ((!warnedOnce || now - last >= warnInterval.toNanos()) && lastWarning.compareAndSet(last, now))
        {
            warnedOnce = true;
            report(listener);
        }
    }

    /** Stopping thread: reports what the interval held back, so no drop goes unreported. */
    void flush(final WriterListener listener)
    {
        if (unreported.get() > 0)
        {
            report(listener);
        }
    }

    private void report(final WriterListener listener)
    {
        final long count = unreported.getAndSet(0);
        if (count > 0)
        {
            listener.onDropWarning(count);
        }
    }
}
