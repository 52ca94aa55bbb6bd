package io.github.unifiedwriter.core;

import java.nio.ByteBuffer;

/**
 * Writing on the callers' threads: in synchronous mode, and in fallback after the writer gave up. Every
 * method runs under the {@link Lifecycle} lock, which orders the writes; the holder drains what the ring
 * still holds before its own record, so records keep their order across the hand-over from the writer thread.
 */
final class SyncWriter
{
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

    /** Holder of the lock: writes the caller's record after whatever the ring still holds. */
    boolean write(final ByteBuffer record, final long time, final int batchSize)
    {
        drainRing(batchSize);
        ledger.counters.enqueuedOutsideRing.increment();
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
