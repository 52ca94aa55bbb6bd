package io.github.unifiedwriter.core;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The writer's running totals. A record that goes through the ring is counted as enqueued by the ring's
 * claim cursor, so the producer's fast path writes no counter at all; producers touch the striped adders
 * only off that path. The writing thread owns the rest.
 *
 * <p>Every call ends as exactly one of: refused on arrival, failed before it became a record (the layout
 * threw), or enqueued; and every enqueued record as written, discarded, failed, or still pending.
 */
final class Counters
{
    /** Records accepted without a ring slot: synchronous writes, and records the writer thread logs itself. */
    final LongAdder enqueuedOutsideRing = new LongAdder();
    /** Calls whose record was never accepted: the queue policy, a block timeout, or a stopped writer. */
    final LongAdder refused = new LongAdder();
    /** Calls whose event could not be turned into a record: the layout threw. */
    final LongAdder failedOnArrival = new LongAdder();
    /** Accepted records dropped later: DROP_OLDEST, or claimed as the writer stopped. */
    final LongAdder discarded = new LongAdder();
    final AtomicLong written = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong restarts = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong bytesWritten = new AtomicLong();
    volatile String lastError;

    /** Set once a stop gave up on the writer: what the abandoned writer still meets is no longer counted. */
    private volatile boolean sealed;

    /** Writing thread: records an exception raised by a destination or a listener, unless sealed. */
    void error(final Throwable t, final String context)
    {
        if (!sealed)
        {
            callError(t, context);
        }
    }

    /** Any thread: records an exception raised for one call, such as its layout's. */
    void callError(final Throwable t, final String context)
    {
        errors.incrementAndGet();
        lastError = context + ": " + t;
    }

    /** Writing thread: a destination was reopened after an error, or the writer thread restarted, unless sealed. */
    void restarted()
    {
        if (!sealed)
        {
            restarts.incrementAndGet();
        }
    }

    /** Stopping thread, once a stop that gave up has reported: the writer's counters are final. */
    void seal()
    {
        sealed = true;
    }

    /** Any thread. {@code ringClaims} is every sequence ever claimed from the ring: each one is published. */
    WriterMetrics snapshot(final long ringClaims, final long pending, final boolean fallbackToSync)
    {
        final long refusedNow = refused.sum();
        final long failedOnArrivalNow = failedOnArrival.sum();
        final long enqueued = enqueuedOutsideRing.sum() + ringClaims;
        return new WriterMetrics(enqueued + refusedNow + failedOnArrivalNow, enqueued, written.get(),
            refusedNow + discarded.sum(), failed.get() + failedOnArrivalNow, errors.get(), restarts.get(), pending,
            batches.get(), bytesWritten.get(), fallbackToSync, lastError);
    }
}
