package io.github.unifiedwriter.core;

import java.nio.ByteBuffer;

import io.github.unifiedwriter.core.Lifecycle.State;

/**
 * Writing on the callers' threads, in synchronous mode and in fallback, and the hand-over of writing between the
 * writer thread and the callers: the writer falls back when out of retries, and a restart gives writing back to a
 * new writer thread. Every write runs under the {@link Lifecycle} lock, which orders the writes; the holder drains
 * what the ring still holds before its own record, so records keep their order across each hand-over.
 */
final class SyncWriter
{
    private final Lifecycle lifecycle;
    private final Ledger ledger;
    private final Destinations destinations;
    private final OwnRecords own;
    private final WriterRequests requests;
    private final GuardedListener listener;
    private final RingBatch ringBatch;
    private final OneRecordBatch callerRecord = new OneRecordBatch();

    SyncWriter(final Lifecycle lifecycle, final Ledger ledger, final Destinations destinations, final OwnRecords own,
        final WriterRequests requests, final GuardedListener listener)
    {
        this.lifecycle = lifecycle;
        this.ledger = ledger;
        this.destinations = destinations;
        this.own = own;
        this.requests = requests;
        this.listener = listener;
        this.ringBatch = new RingBatch(ledger.ring);
    }

    /**
     * Writer thread, out of retries: publishes the fallback, then drains what the ring holds under the lock.
     *
     * @return false if the writer is stopping and must carry on draining
     */
    boolean fallBack(final Throwable failure, final int batchSize)
    {
        final boolean interrupted = lifecycle.lock();
        try
        {
            if (!lifecycle.fallBack())
            {
                return false;
            }
            ledger.gate.signal();
            if (requests.takeReopen())
            {
                destinations.reopenAll();
            }
            else
            {
                destinations.reopenFailing();
            }
            drain(batchSize);
        }
        finally
        {
            lifecycle.unlock(interrupted);
        }
        listener.onFallbackToSync(failure);
        return true;
    }

    /** Any thread: in fallback, drains under the lock and has {@code startWriterThread} take over. */
    void restart(final int batchSize, final Runnable startWriterThread)
    {
        final boolean interrupted = lifecycle.lock();
        try
        {
            if (lifecycle.state() != State.FALLBACK)
            {
                return;
            }
            drain(batchSize);
            ledger.restarted();
            startWriterThread.run();
        }
        finally
        {
            lifecycle.unlock(interrupted);
        }
        listener.onRestarted();
    }

    /** Any thread, flushing: writes what the ring holds on this thread, if and only if callers write now. */
    void drainIfCallersWrite(final int batchSize)
    {
        final boolean interrupted = lifecycle.lock();
        try
        {
            final State state = lifecycle.state();
            if (state == State.FALLBACK || state == State.SYNCHRONOUS)
            {
                drain(batchSize);
            }
        }
        finally
        {
            lifecycle.unlock(interrupted);
        }
    }

    /** Holder of the lock: writes the caller's record after whatever the ring still holds. */
    boolean write(final ByteBuffer record, final long time, final int batchSize)
    {
        drainRing(batchSize);
        ledger.enqueuedOutsideRing.increment();
        final int written = destinations.writeOnce(callerRecord.reset(record, time));
        callerRecord.clear();
        ledger.commitOwn(written, 1 - written, record.remaining());
        own.write(destinations, ledger);
        return written == 1;
    }

    /** Holder of the lock: writes every record left in the ring, in order, once each, then the writer's own. */
    void drain(final int batchSize)
    {
        drainRing(batchSize);
        own.write(destinations, ledger);
    }

    private void drainRing(final int batchSize)
    {
        final long cursor = ledger.ring.getCursor();
        long next = ledger.resolved() + 1;
        while (next <= cursor)
        {
            long last = next;
            while (!ledger.ring.isAvailable(last))
            {
                Thread.onSpinWait(); // claimed by a producer that is copying its record in
            }
            if (!ledger.ring.get(next).valid())
            {
                destinations.skipTo(next);
                ledger.commit(next, 0, 1, 0);
                next++;
                continue;
            }
            while (last < cursor && last - next + 1 < batchSize && ledger.ring.isAvailable(last + 1) &&
                ledger.ring.get(last + 1).valid())
            {
                last++;
            }
            final long bytes = ledger.bytes(next, last);
            final long written = destinations.writeOnce(ringBatch, next, last);
            ledger.commit(last, written, last - next + 1 - written, bytes);
            next = last + 1;
        }
    }
}
