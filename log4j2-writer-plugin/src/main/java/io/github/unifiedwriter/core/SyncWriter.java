package io.github.unifiedwriter.core;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writing on the callers' threads: in synchronous mode, and in fallback after the writer gave up. One
 * lock orders the writes, and the first holder drains what the ring still holds before its own record,
 * so records keep their order across the hand-over from the writer thread.
 */
final class SyncWriter
{
    private final ReentrantLock lock = new ReentrantLock();
    private final Ledger ledger;
    private final Destinations destinations;
    private final OwnRecords own;
    private final RingBatch ringBatch;
    private final OneRecordBatch callerRecord = new OneRecordBatch();

    SyncWriter(final Ledger ledger, final Destinations destinations, final OwnRecords own)
    {
        this.ledger = ledger;
        this.destinations = destinations;
        this.own = own;
        this.ringBatch = new RingBatch(ledger.ring);
    }

    /**
     * Takes the lock, and clears the caller's interrupt flag while it holds it: an interrupted thread
     * writing to a {@code FileChannel} would close the channel for everyone.
     *
     * @return whether the flag was set, to hand back to {@link #unlock(boolean)}
     */
    boolean lock()
    {
        lock.lock();
        return Thread.interrupted();
    }

    /** Releases the lock and restores the caller's interrupt flag. */
    void unlock(final boolean interrupted)
    {
        lock.unlock();
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the calling thread holds the lock already: a destination logging while it writes. */
    boolean reentered()
    {
        return lock.getHoldCount() > 1;
    }

    /** Holder of the lock: writes the caller's record after whatever the ring still holds. */
    boolean write(final ByteBuffer record, final int batchSize)
    {
        drainRing(batchSize);
        ledger.counters.enqueuedOutsideRing.increment();
        final int written = destinations.writeOnce(callerRecord.reset(record));
        callerRecord.clear();
        ledger.count(written, 1 - written, record.remaining());
        own.write(destinations, ledger);
        return written == 1;
    }

    /** Holder of the lock: writes every record left in the ring, in order, once each. */
    void drainRing(final int batchSize)
    {
        final long cursor = ledger.ring.getCursor();
        long next = ledger.consumed.get() + 1;
        while (next <= cursor)
        {
            long last = next;
            while (!ledger.ring.isAvailable(last))
            {
                Thread.onSpinWait(); // claimed by a producer that is copying its record in
            }
            while (last < cursor && last - next + 1 < batchSize && ledger.ring.isAvailable(last + 1))
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
