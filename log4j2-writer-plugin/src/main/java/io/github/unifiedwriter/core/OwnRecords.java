package io.github.unifiedwriter.core;

import java.nio.ByteBuffer;

/**
 * Records logged by the writing thread itself, from a destination, a listener or a layout it calls. They
 * never enter the ring, where the writer would wait on itself; they are copied aside and written after
 * the current batch, which the writer thread learns from {@link WriterRequests}. Only the writing thread touches
 * them; any thread may read {@link #pending()}.
 */
final class OwnRecords
{
    private final ListBatch waiting = new ListBatch();
    private final ListBatch writing = new ListBatch();
    private final Ledger ledger;
    private final WriterRequests requests;
    private volatile int pending;
    /** Set once the writer ended: records logged from then on are refused. Guarded by this. */
    private boolean ended;

    OwnRecords(final Ledger ledger, final WriterRequests requests)
    {
        this.ledger = ledger;
        this.requests = requests;
    }

    /**
     * Writing thread: keeps a copy. This allocates, but only on this rare path.
     *
     * @return false if the writer has ended: the record is refused and counted as dropped
     */
    synchronized boolean add(final ByteBuffer record)
    {
        if (ended)
        {
            ledger.refused.increment();
            return false;
        }
        final byte[] copy = new byte[record.remaining()];
        record.get(record.position(), copy);
        waiting.add(ByteBuffer.wrap(copy));
        pending = waiting.size() + writing.size();
        ledger.enqueuedOutsideRing.increment();
        requests.writeOwnRecords();
        return true;
    }

    /**
     * Writing thread: writes what is waiting, once, without retry. Records logged meanwhile wait for the
     * next call, so a destination that always logs cannot loop forever.
     */
    void write(final Destinations destinations, final Ledger ledger)
    {
        if (pending == 0 || !ledger.beginOwnWrite(waiting.size()))
        {
            return;
        }
        writing.takeAll(waiting);
        long bytes = 0;
        for (int i = 0; i < writing.size(); i++)
        {
            bytes += writing.record(i).limit();
        }
        final int n = writing.size();
        final int written = destinations.writeOnce(writing);
        writing.clear();
        pending = waiting.size();
        ledger.commitOwn(written, n - written, bytes);
    }

    /** Writing thread, at the very end: what was logged while the last ones were written is refused. */
    synchronized void refuse()
    {
        ended = true;
        ledger.discarded.add(waiting.size());
        waiting.clear();
        pending = 0;
    }

    /** Any thread. */
    int pending()
    {
        return pending;
    }

    /** Stopping thread, abandoning: the records will never be written. */
    synchronized int abandon()
    {
        ended = true;
        final int n = pending;
        pending = 0;
        return n;
    }
}
