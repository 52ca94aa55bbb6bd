package io.github.unifiedwriter.core;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.unifiedwriter.core.Destinations.Slot;
import io.github.unifiedwriter.core.UnifiedWriter.State;

/**
 * The writer thread's consumer loop. It waits through the mode's wait strategy, cuts the published
 * records into batches of at most {@code batchSize} records and {@code bufferSize} bytes, hands them to
 * the destinations, and retries a failed batch with backoff from the destinations' confirmed positions.
 *
 * <p>A loop of our own rather than a {@code BatchEventProcessor}: DROP_OLDEST needs the writer to discard
 * from the head of the ring, and a retry must not re-deliver records that already reached the file.
 * Runs on the writer thread only, which is never interrupted. It writes no state of another object: it asks the
 * owning writer to fall back or to end. Between two batches it checks only the barrier's alert, which every
 * {@link WriterRequests request}, every stop and every record the writer logs itself raises: only then does it
 * look at whether it is still the writer, at its requests, its own records and the stop.
 */
final class WriterLoop implements Runnable
{
    /** TRIGGER: the one nap that lets a batch grow while records keep arriving; the timer's slack adds ~50 µs. */
    private static final long GATHER_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final UnifiedWriter owner;
    private final Shutdown shutdown;
    private final SyncWriter sync;
    private final SequenceBarrier barrier;
    private final RingBuffer<Slot> ring;
    private final Ledger ledger;
    private final Destinations destinations;
    private final OwnRecords own;
    private final WriterRequests requests;
    private final ManualWaitStrategy manual;
    private final WriterListener listener;
    private final Backoff backoff;
    /** The mode, batch and buffer sizes: fixed for a writer's life, since changing them needs a new writer. */
    private final Mode mode;
    private final int maxBatch;
    private final int bufferSize;
    private final int discardChunk;
    private final BatchCut cuts;
    private long lastWrite = System.nanoTime();
    private int failuresInARow;

    WriterLoop(final UnifiedWriter owner, final Shutdown shutdown, final SyncWriter sync,
        final SequenceBarrier barrier, final Ledger ledger, final Destinations destinations, final OwnRecords own,
        final WriterRequests requests, final ManualWaitStrategy manual, final WriterListener listener,
        final Backoff backoff)
    {
        this.owner = owner;
        this.shutdown = shutdown;
        this.sync = sync;
        this.barrier = barrier;
        this.ring = ledger.ring;
        this.ledger = ledger;
        this.destinations = destinations;
        this.own = own;
        this.requests = requests;
        this.manual = manual;
        this.listener = listener;
        this.backoff = backoff;
        final int ringSize = ring.getBufferSize();
        final WriterConfig config = owner.config();
        this.mode = config.mode();
        this.maxBatch = Math.min(config.batchSize(), ringSize / 2);
        this.bufferSize = config.bufferSize();
        this.discardChunk = Math.max(1, ringSize / 16);
        this.cuts = new BatchCut(ring, maxBatch, bufferSize);
    }

    @Override
    public void run()
    {
        while (owner.isWriter())
        {
            try
            {
                loop();
            }
            catch (final Throwable t)
            {
                // The loop itself failed: carry on from the last resolved record, if still the writer.
                ledger.error(t, "writer thread failed");
                if (owner.isWriter())
                {
                    ledger.restarted();
                    LockSupport.parkNanos(this, backoff.nanos(1));
                }
            }
        }
        shutdown.writerLeft();
    }

    private void loop()
    {
        boolean look = true;
        while (true)
        {
            if (look)
            {
                if (!owner.isWriter())
                {
                    return;
                }
                own.write(destinations, ledger);
                serviceRequests();
            }
            final long next = ledger.resolved() + 1;
            long available;
            if (look && owner.state() == State.STOPPING)
            {
                available = highestPublished(next);
                if (available < next)
                {
                    if (ring.getCursor() < next)
                    {
                        shutdown.terminate();
                        return;
                    }
                    Thread.yield();
                    continue;
                }
            }
            else
            {
                look = false;
                try
                {
                    available = barrier.waitFor(next);
                }
                catch (final AlertException e)
                {
                    barrier.clearAlert();
                    look = true;
                    continue;
                }
                catch (final TimeoutException e)
                {
                    destinations.idle();
                    look = true;
                    continue;
                }
                catch (final InterruptedException e)
                {
                    continue;
                }
                if (available < next || !due(next, available))
                {
                    if (available < next)
                    {
                        Thread.onSpinWait();
                    }
                    continue;
                }
                available = gather(next, available);
            }
            if (!deliver(next, cuts.cut(next, available)))
            {
                return;
            }
        }
    }

    /**
     * TRIGGER under load: while producers keep publishing, lets a small batch grow before it costs a write
     * call. The writer naps rather than polls: polling the claim cursor would pull its cache line away from
     * the producers on every claim, and burn the core they need. It naps once: on a virtual machine each
     * wake-up costs the writer more CPU than the records it brings, so a few short naps cost more than one
     * long one. Records that arrive alone are written at once; a batch is held for at most one nap of
     * {@link #GATHER_NANOS}, and not at all when someone waits for the writer: a producer waiting for room or
     * a caller of flush wakes it.
     */
    private long gather(final long next, final long available)
    {
        if (mode != Mode.TRIGGER || writeNow(next, available))
        {
            return available;
        }
        Thread.yield();
        final long seen = highestPublished(available + 1);
        if (seen > available && !writeNow(next, seen))
        {
            LockSupport.parkNanos(this, GATHER_NANOS);
            return highestPublished(seen + 1);
        }
        return seen;
    }

    /**
     * Whether to write {@code next..last} without waiting for more: it already fills a write, or someone waits
     * for the writer (a producer for room, a caller of flush), and a nap would only hold them up.
     */
    private boolean writeNow(final long next, final long last)
    {
        return last - next + 1 >= maxBatch || ledger.hasWaiters() || cuts.cut(next, last) < last;
    }

    /** LOOP waits for a full batch, the flush interval, a flush request or a waiting producer. */
    private boolean due(final long next, final long available)
    {
        if (mode != Mode.LOOP || available - next + 1 >= maxBatch || requests.flushTarget() >= next ||
            System.nanoTime() - lastWrite >= owner.config().flushInterval().toNanos())
        {
            return true;
        }
        return destinations.bytes(next, available) >= bufferSize || ring.remainingCapacity() <= 0;
    }

    /**
     * Writes {@code next..last} to every destination, retrying with backoff. A failed destination is reopened
     * before it is written to again, whatever resolved the failed records meanwhile.
     *
     * @return false if the writer must end: it fell back to synchronous writes or was abandoned
     */
    private boolean deliver(final long next, final long last)
    {
        if (!ring.get(next).valid)
        {
            destinations.skipTo(last);
            return ledger.commit(last, 0, last - next + 1, 0);
        }
        while (true)
        {
            if (!ledger.beginWrite(last))
            {
                return false;
            }
            final Throwable failure = destinations.write(last);
            final long first = ledger.resolved() + 1;
            if (failure == null)
            {
                failuresInARow = 0;
                lastWrite = System.nanoTime();
                final long forceFailed = destinations.forceFailed(first, last);
                final long bytes = first == next ? cuts.bytes() : destinations.bytes(first, last);
                return ledger.commit(last, last - first + 1 - forceFailed, forceFailed, bytes);
            }
            failuresInARow++;
            final WriterConfig c = owner.config();
            listener.onError(failure, failuresInARow);
            if (!c.autoRestart() || failuresInARow > c.maxRestarts())
            {
                final long taken = Math.max(first - 1, Math.min(last, destinations.confirmedEverywhere()));
                destinations.skipTo(last);
                if (!ledger.commit(last, taken - first + 1, last - taken, destinations.bytes(first, taken)))
                {
                    return false;
                }
                return !sync.fallBack(failure, c.batchSize());
            }
            backOff(backoff.nanos(failuresInARow));
            if (ledger.abandoned() || !owner.isWriter())
            {
                return false;
            }
            if (ledger.resolved() >= last)
            {
                return true;
            }
        }
    }

    /** Sleeps through a backoff, still discarding for DROP_OLDEST producers so they never wait it out. */
    private void backOff(final long nanos)
    {
        final long deadline = System.nanoTime() + nanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && owner.isWriter())
        {
            LockSupport.parkNanos(this, left);
            serviceRequests();
        }
    }

    private void serviceRequests()
    {
        if (requests.takeDiscard())
        {
            discardOldest();
        }
        if (requests.takeReopen())
        {
            destinations.reopenAll();
        }
    }

    /**
     * DROP_OLDEST: discards droppable records from the head of the ring, stopping at one that is not. Records
     * that every destination already confirmed, during a failed batch, are in the file: they count as written.
     */
    private void discardOldest()
    {
        final long first = ledger.resolved() + 1;
        final long limit = Math.min(highestPublished(first), first + discardChunk - 1);
        final long confirmed = Math.min(limit, destinations.confirmedEverywhere());
        if (confirmed >= first)
        {
            ledger.commit(confirmed, confirmed - first + 1, 0, destinations.bytes(first, confirmed));
        }
        final long from = Math.max(first, confirmed + 1);
        long last = from - 1;
        while (last < limit && ring.get(last + 1).droppable && ring.get(last + 1).valid)
        {
            last++;
        }
        if (last >= from)
        {
            destinations.skipTo(last);
            ledger.discard(last);
        }
        else if (manual != null)
        {
            manual.release(ring.getCursor());
        }
    }

    private long highestPublished(final long next)
    {
        final long cursor = ring.getCursor();
        long last = next - 1;
        while (last < cursor && ring.isAvailable(last + 1))
        {
            last++;
        }
        return last;
    }
}
