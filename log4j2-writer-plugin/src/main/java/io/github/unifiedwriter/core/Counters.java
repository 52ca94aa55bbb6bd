package io.github.unifiedwriter.core;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The writer's running totals. Producers touch only the striped adders, so they never contend on one
 * cache line; the writing thread owns the rest.
 */
final class Counters
{
    final LongAdder enqueued = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final AtomicLong written = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong restarts = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong bytesWritten = new AtomicLong();
    volatile String lastError;

    /** Writing thread: records an exception raised by a destination. */
    void error(final Throwable t, final String context)
    {
        errors.incrementAndGet();
        lastError = context + ": " + t;
    }

    WriterMetrics snapshot(final long pending, final boolean fallbackToSync)
    {
        return new WriterMetrics(enqueued.sum(), written.get(), dropped.sum(), failed.get(), errors.get(),
            restarts.get(), pending, batches.get(), bytesWritten.get(), fallbackToSync, lastError);
    }
}
