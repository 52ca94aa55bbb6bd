package io.github.unifiedwriter.core;

import java.nio.ByteBuffer;

import io.github.unifiedwriter.core.UnifiedWriter.State;

/**
 * Writing on the callers' threads, in synchronous mode and in fallback, and the hand-over of writing between the
 * writer thread and the callers: the writer falls back when out of retries, and a restart gives writing back to a
 * new writer thread; and the calls that depend on who writes now (flush, reopen). Every write runs under the
 * writer's lifecycle lock, which orders the writes; the holder drains what the ring still holds before its own
 * record, so records keep their order across each hand-over.
 */
final class SyncWriter
{
    private final UnifiedWriter owner;
    private final Ledger ledger;
    private final Destinations destinations;
    private final OwnRecords own;
    private final WriterRequests requests;
    private final GuardedListener listener;
    private final OneRecordBatch callerRecord = new OneRecordBatch();

    SyncWriter(final UnifiedWriter owner, final Ledger ledger, final Destinations destinations, final OwnRecords own,
        final WriterRequests requests, final GuardedListener listener)
    {
        this.owner = owner;
        this.ledger = ledger;
        this.destinations = destinations;
        this.own = own;
        this.requests = requests;
        this.listener = listener;
    }

    /**
     * Writer thread, out of retries: publishes the fallback, then drains what the ring holds under the lock.
     *
     * @return false if the writer is stopping and must carry on draining
     */
    boolean fallBack(final Throwable failure, final int batchSize)
    {
        final boolean interrupted = owner.lock();
        try
        {
            if (!owner.fallBack())
            {
                return false;
            }
            ledger.signal();
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
            owner.unlock(interrupted);
        }
        listener.onFallbackToSync(failure);
        return true;
    }

    /** Any thread: in fallback, drains under the lock and has {@code startWriterThread} take over. */
    void restart(final int batchSize, final Runnable startWriterThread)
    {
        final boolean interrupted = owner.lock();
        try
        {
            if (owner.state() != State.FALLBACK)
            {
                return;
            }
            drain(batchSize);
            ledger.restarted();
            startWriterThread.run();
        }
        finally
        {
            owner.unlock(interrupted);
        }
        listener.onRestarted();
    }

    /**
     * Any thread, flushing: waits until every record up to {@code target} is resolved, the writer has ended, or no
     * writer thread writes; then, if callers write now, drains the ring on this thread. An interrupt does not end
     * the wait.
     *
     * @param deadline {@link System#nanoTime()} based, {@code Long.MAX_VALUE} for none
     * @return whether every record up to {@code target} was resolved in time
     */
    boolean flush(final long target, final long deadline, final int batchSize)
    {
        boolean interrupted = false;
        ledger.enter();
        try
        {
            while (ledger.resolved() < target && !ledger.terminated() && owner.writerThread() != null)
            {
                if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0)
                {
                    return false;
                }
                interrupted |= ledger.await(deadline);
            }
        }
        finally
        {
            ledger.leave();
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
        drainIfCallersWrite(batchSize);
        return ledger.resolved() >= target || ledger.terminated();
    }

    /** Any thread: reopens the destinations, between two batches by the writer thread, or here by a caller. */
    void reopen()
    {
        final boolean interrupted = owner.lock();
        try
        {
            switch (owner.state())
            {
                case RUNNING:
                case STOPPING:
                    requests.reopen();
                    break;
                case SYNCHRONOUS:
                case FALLBACK:
                    destinations.reopenAll();
                    break;
                default:
                    break;
            }
        }
        finally
        {
            owner.unlock(interrupted);
        }
    }

    /** Any thread, flushing: writes what the ring holds on this thread, if and only if callers write now. */
    private void drainIfCallersWrite(final int batchSize)
    {
        final boolean interrupted = owner.lock();
        try
        {
            final State state = owner.state();
            if (state == State.FALLBACK || state == State.SYNCHRONOUS)
            {
                drain(batchSize);
            }
        }
        finally
        {
            owner.unlock(interrupted);
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
            if (!ledger.ring.get(next).valid)
            {
                destinations.skipTo(next);
                ledger.commit(next, 0, 1, 0);
                next++;
                continue;
            }
            while (last < cursor && last - next + 1 < batchSize && ledger.ring.isAvailable(last + 1) &&
                ledger.ring.get(last + 1).valid)
            {
                last++;
            }
            final long bytes = destinations.bytes(next, last);
            final long written = destinations.writeOnce(next, last);
            ledger.commit(last, written, last - next + 1 - written, bytes);
            next = last + 1;
        }
    }
}
