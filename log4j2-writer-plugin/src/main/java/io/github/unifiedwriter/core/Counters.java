package io.github.unifiedwriter.core;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The writer's running totals. A record that goes through the ring is counted as enqueued by the ring's
 * claim cursor, so the producer's fast path writes no counter at all; producers touch the striped adders
 * only off that path. The writing thread owns the rest.
 */
final class Counters
{
    /** Records accepted without a ring slot: synchronous writes, and records the writer thread logs itself. */
    final LongAdder enqueuedOutsideRing = new LongAdder();
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

    /** Any thread. {@code ringClaims} is every sequence ever claimed from the ring: each one is published. */
    WriterMetrics snapshot(final long ringClaims, final long pending, final boolean fallbackToSync)
    {
        return new WriterMetrics(enqueuedOutsideRing.sum() + ringClaims, written.get(), dropped.sum(), failed.get(),
            errors.get(), restarts.get(), pending, batches.get(), bytesWritten.get(), fallbackToSync, lastError);
    }
}
