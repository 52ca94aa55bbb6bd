package io.github.unifiedwriter.core;

import com.lmax.disruptor.RingBuffer;

import java.io.SyncFailedException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;

/**
 * The writer's destinations, each reading the ring from its own confirmed position. Every destination receives
 * every record in order and, after a failure, resumes from its own position, so one failing destination neither
 * starves the others nor makes them write a record twice. The ring's entries are {@link Slot}s; a destination is
 * handed the run of them it lacks through the one view this class keeps and repositions ({@link RingBatch}).
 *
 * <p>Only the writing thread calls it: the writer thread, or the producer holding the lifecycle lock.
 */
final class Destinations
{
    private final BatchDestination[] all;
    private final long[] confirmed;
    private final boolean[] failing;
    private final Ledger ledger;
    private final RingBatch view;
    /** Highest sequence that a destination wrote but could not force to storage. */
    private long forceFailedUpTo = -1;

    Destinations(final List<? extends BatchDestination> destinations, final Ledger ledger)
    {
        if (destinations.isEmpty())
        {
            throw new IllegalArgumentException("Invalid destinations: '[]'; accepted: at least one destination");
        }
        this.all = destinations.toArray(new BatchDestination[0]);
        this.confirmed = new long[all.length];
        this.failing = new boolean[all.length];
        this.ledger = ledger;
        this.view = new RingBatch(ledger.ring);
        Arrays.fill(confirmed, -1);
    }

    /**
     * Hands ring sequences up to {@code last} to every destination that lacks them.
     *
     * @return the first failure, or null if every destination has them all
     */
    Throwable write(final long last)
    {
        Throwable failure = null;
        for (int d = 0; d < all.length; d++)
        {
            if (confirmed[d] >= last)
            {
                continue;
            }
            if (failing[d])
            {
                final Throwable reopenFailure = reopenFailed(d);
                if (reopenFailure != null)
                {
                    failure = failure == null ? reopenFailure : failure;
                    continue;
                }
            }
            view.reset(confirmed[d] + 1, last);
            try
            {
                all[d].write(view);
                confirmed[d] = last;
            }
            catch (final SyncFailedException e)
            {
                confirmed[d] = last;
                forceFailedUpTo = Math.max(forceFailedUpTo, last);
                failing[d] = true;
                ledger.error(e, "fsync failed, records written but not forced to storage are counted as failed");
                failure = failure == null ? e : failure;
            }
            catch (final Throwable t)
            {
                confirmed[d] += view.confirmed;
                failing[d] = true;
                ledger.error(t, "write failed");
                failure = failure == null ? t : failure;
            }
        }
        return failure;
    }

    /** The last sequence that every destination has confirmed. */
    long confirmedEverywhere()
    {
        long everywhere = Long.MAX_VALUE;
        for (final long c : confirmed)
        {
            everywhere = Math.min(everywhere, c);
        }
        return everywhere;
    }

    /**
     * Of the sequences {@code first..last}, all confirmed everywhere, how many count as failed because a
     * destination could not force them.
     */
    long forceFailed(final long first, final long last)
    {
        return Math.max(0, Math.min(last, forceFailedUpTo) - first + 1);
    }

    /**
     * Hands ring sequences {@code first..last} to every destination once, without retry, reopening any
     * that fail: the synchronous path, where the caller cannot wait through a backoff.
     *
     * @return how many of them reached every destination and were forced where asked
     */
    long writeOnce(final long first, final long last)
    {
        write(last);
        final long everywhere = Math.min(last, confirmedEverywhere());
        final long written = Math.max(0, everywhere - first + 1) - forceFailed(first, Math.min(last, everywhere));
        skipTo(last);
        reopenFailing();
        return written;
    }

    /** The bytes of the records in slots {@code first..last}. */
    long bytes(final long first, final long last)
    {
        long bytes = 0;
        for (long s = first; s <= last; s++)
        {
            bytes += view.ring.get(s).length;
        }
        return bytes;
    }

    /** Records up to {@code sequence} are resolved without being written (discarded or failed). */
    void skipTo(final long sequence)
    {
        for (int d = 0; d < all.length; d++)
        {
            confirmed[d] = Math.max(confirmed[d], sequence);
        }
    }

    /**
     * Writes a batch held outside the ring to every destination, once, reopening any that fail.
     *
     * @return how many leading records reached every destination
     */
    int writeOnce(final ReplayableBatch batch)
    {
        int everywhere = batch.size();
        for (int d = 0; d < all.length; d++)
        {
            if (failing[d] && reopenFailed(d) != null)
            {
                everywhere = 0;
                continue;
            }
            batch.replay();
            try
            {
                all[d].write(batch);
            }
            catch (final Throwable t)
            {
                everywhere = Math.min(everywhere, t instanceof SyncFailedException ? 0 : batch.confirmed());
                ledger.error(t, "write failed");
                failing[d] = true;
            }
        }
        reopenFailing();
        return everywhere;
    }

    /**
     * Reopens every destination that failed since its last reopen; each is a restart. A failed destination is
     * also reopened before it is next written to, so the part of a record that a failed write left behind is
     * removed before anything follows it, whatever path resolved the failed batch.
     */
    void reopenFailing()
    {
        for (int d = 0; d < all.length; d++)
        {
            if (failing[d])
            {
                reopenFailed(d);
            }
        }
    }

    private Throwable reopenFailed(final int d)
    {
        ledger.restarted();
        return reopen(d);
    }

    /** Reopens every destination on request, for external rotation; not a restart. */
    void reopenAll()
    {
        for (int d = 0; d < all.length; d++)
        {
            reopen(d);
        }
    }

    private Throwable reopen(final int d)
    {
        try
        {
            all[d].reopen();
            failing[d] = false;
            return null;
        }
        catch (final Throwable t)
        {
            failing[d] = true;
            ledger.error(t, "reopen failed");
            return t;
        }
    }

    void idle()
    {
        for (final BatchDestination destination : all)
        {
            try
            {
                destination.idle();
            }
            catch (final Throwable t)
            {
                ledger.error(t, "idle work failed");
            }
        }
    }

    /**
     * Closes every destination, after removing what a failed write left of a record: the file ends at its last
     * whole record, whatever ended the writer.
     */
    void close()
    {
        reopenFailing();
        for (final BatchDestination destination : all)
        {
            try
            {
                destination.close();
            }
            catch (final Throwable t)
            {
                ledger.error(t, "close failed");
            }
        }
    }

    /** The view of a run of published slots that a destination reads, repositioned for each destination. */
    private static final class RingBatch implements RecordBatch
    {
        private final RingBuffer<Slot> ring;
        private long first;
        private int size;
        private int confirmed;

        RingBatch(final RingBuffer<Slot> ring)
        {
            this.ring = ring;
        }

        void reset(final long first, final long last)
        {
            this.first = first;
            this.size = (int)(last - first + 1);
            this.confirmed = 0;
        }

        @Override
        public int size()
        {
            return size;
        }

        @Override
        public ByteBuffer record(final int index)
        {
            return ring.get(first + index).view();
        }

        @Override
        public int length(final int index)
        {
            return ring.get(first + index).length;
        }

        @Override
        public long time(final int index)
        {
            return ring.get(first + index).time;
        }

        @Override
        public void confirm(final int count)
        {
            confirmed = Math.max(confirmed, Math.min(count, size));
        }
    }

    /**
     * One preallocated ring entry holding a copy of a record's bytes. A producer fills it between claim and publish;
     * after publish only the writing thread reads it, and shrinks it once the record is resolved, so a huge record
     * does not keep its memory for the life of the ring. The fields are read directly, after the publish.
     */
    static final class Slot
    {
        /** Initial capacity of every slot. */
        static final int INITIAL_BYTES = 128;
        /** A slot grown beyond this is shrunk back after its record is resolved: bounds retained ring memory. */
        static final int RETAINED_BYTES = 2048;

        private byte[] bytes = new byte[INITIAL_BYTES];
        private ByteBuffer view = ByteBuffer.wrap(bytes);
        int length;
        /** The event's time, or {@link RecordBatch#NO_TIME}. */
        long time;
        boolean droppable;
        /** False if the copy failed: the writer counts the record as failed. */
        boolean valid;

        /** Producer thread, while it holds the claimed slot. Allocates only when the record outgrows the slot. */
        void fill(final ByteBuffer record, final boolean droppable, final long time)
        {
            this.time = time;
            valid = false;
            final int n = record.remaining();
            if (n > bytes.length)
            {
                bytes = new byte[Math.max(n, bytes.length * 2)];
                view = ByteBuffer.wrap(bytes);
            }
            record.get(record.position(), bytes, 0, n);
            length = n;
            this.droppable = droppable;
            valid = true;
        }

        /** Producer thread: the copy failed. */
        void invalidate()
        {
            valid = false;
            length = 0;
        }

        /** Writing thread: the record's bytes, from position 0 to its length. */
        ByteBuffer view()
        {
            view.limit(length).position(0);
            return view;
        }

        /** Writing thread, after the record is written, failed or discarded. */
        void release()
        {
            if (bytes.length > RETAINED_BYTES)
            {
                bytes = new byte[INITIAL_BYTES];
                view = ByteBuffer.wrap(bytes);
            }
        }

        /** Bytes this slot holds on to. */
        int capacity()
        {
            return bytes.length;
        }
    }
}
