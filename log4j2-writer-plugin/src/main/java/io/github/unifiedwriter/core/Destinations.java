package io.github.unifiedwriter.core;

import java.io.SyncFailedException;
import java.util.Arrays;
import java.util.List;

/**
 * The writer's destinations and how far each has confirmed. Every destination receives every record in
 * order and, after a failure, resumes from its own confirmed position, so one failing destination
 * neither starves the others nor makes them write a record twice.
 *
 * <p>Only the writing thread calls it: the writer thread, or the producer holding the synchronous lock.
 */
final class Destinations
{
    private final BatchDestination[] all;
    private final long[] confirmed;
    private final boolean[] failing;
    private final Ledger ledger;
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
        Arrays.fill(confirmed, -1);
    }

    /**
     * Hands ring sequences up to {@code last} to every destination that lacks them.
     *
     * @return the first failure, or null if every destination has them all
     */
    Throwable write(final RingBatch batch, final long last)
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
            batch.reset(confirmed[d] + 1, last);
            try
            {
                all[d].write(batch);
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
                confirmed[d] += batch.confirmed();
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
    long writeOnce(final RingBatch batch, final long first, final long last)
    {
        write(batch, last);
        final long everywhere = Math.min(last, confirmedEverywhere());
        final long written = Math.max(0, everywhere - first + 1) - forceFailed(first, Math.min(last, everywhere));
        skipTo(last);
        reopenFailing();
        return written;
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
}
