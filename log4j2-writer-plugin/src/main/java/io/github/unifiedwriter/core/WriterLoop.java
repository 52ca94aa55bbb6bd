package io.github.unifiedwriter.core;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.TimeoutException;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer thread's consumer loop. It waits through the mode's wait strategy, cuts the published
 * records into batches of at most {@code batchSize} records and {@code bufferSize} bytes, hands them to
 * the destinations, and retries a failed batch with backoff from the destinations' confirmed positions.
 *
 * <p>A loop of our own rather than a {@code BatchEventProcessor}: DROP_OLDEST needs the writer to discard
 * from the head of the ring, and a retry must not re-deliver records that already reached the file.
 * Runs on the writer thread only, which is never interrupted.
 */
final class WriterLoop implements Runnable
{
    private static final long FIRST_BACKOFF = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_BACKOFF = TimeUnit.SECONDS.toNanos(30);
    /** TRIGGER: the longest a batch is held to let it grow while records keep arriving. */
    private static final long GATHER_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    /** TRIGGER: one nap while a batch grows; the kernel's timer slack makes it about 70 µs. */
    private static final long GATHER_NAP_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final UnifiedWriter w;
    private final RingBatch batch;
    private final int maxBatch;
    private final int discardChunk;
    private long lastWrite = System.nanoTime();
    /** Bytes of the batch that {@link #cut} chose last. */
    private long cutBytes;
    private int failuresInARow;

    WriterLoop(final UnifiedWriter writer)
    {
        this.w = writer;
        this.batch = new RingBatch(writer.ring);
        final int ringSize = writer.ring.getBufferSize();
        this.maxBatch = Math.min(writer.config.batchSize(), ringSize / 2);
        this.discardChunk = Math.max(1, ringSize / 16);
    }

    @Override
    public void run()
    {
        while (true)
        {
            try
            {
                loop();
                if (w.ledger.abandoned())
                {
                    w.destinations.close();
                }
                return;
            }
            catch (final Throwable t)
            {
                // The loop itself failed: count a restart and carry on from the last resolved record.
                w.counters.error(t, "writer thread failed");
                w.counters.restarts.incrementAndGet();
                LockSupport.parkNanos(FIRST_BACKOFF);
            }
        }
    }

    private void loop()
    {
        while (!w.ledger.abandoned())
        {
            serviceRequests();
            final long next = w.ledger.consumed.get() + 1;
            final boolean stopping = w.state == UnifiedWriter.STOPPED;
            long available;
            if (stopping)
            {
                available = highestPublished(next);
                if (available < next)
                {
                    if (w.ring.getCursor() < next && terminate())
                    {
                        return;
                    }
                    Thread.yield();
                    continue;
                }
            }
            else
            {
                try
                {
                    available = w.barrier.waitFor(next);
                }
                catch (final AlertException e)
                {
                    w.barrier.clearAlert();
                    continue;
                }
                catch (final TimeoutException e)
                {
                    w.destinations.idle();
                    w.own.write(w.destinations, w.ledger);
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
            if (!deliver(next, cut(next, available)))
            {
                return;
            }
            w.own.write(w.destinations, w.ledger);
        }
    }

    /**
     * TRIGGER under load: while producers keep publishing, lets a small batch grow before it costs a write
     * call. The writer naps rather than polls: polling the claim cursor would pull its cache line away from
     * the producers on every claim, and burn the core they need. Records that arrive alone are written at
     * once; a batch is held for at most {@link #GATHER_NANOS} plus one nap, and never waits for a record
     * that is not coming, since a nap in which nothing arrived ends the gathering.
     */
    private long gather(final long next, final long available)
    {
        if (w.manual != null || w.config.mode() != Mode.TRIGGER || writeNow(next, available))
        {
            return available;
        }
        Thread.yield();
        long seen = highestPublished(available + 1);
        final long start = System.nanoTime();
        while (seen > available && !writeNow(next, seen) && System.nanoTime() - start < GATHER_NANOS)
        {
            LockSupport.parkNanos(this, GATHER_NAP_NANOS);
            final long grown = highestPublished(seen + 1);
            if (grown == seen)
            {
                break;
            }
            seen = grown;
        }
        return seen;
    }

    /**
     * Whether to write {@code next..last} without waiting for more: it already fills a write, or someone waits
     * for the writer (a producer for room, a caller of flush), and a nap would only hold them up.
     */
    private boolean writeNow(final long next, final long last)
    {
        return last - next + 1 >= maxBatch || w.ledger.gate.hasWaiters() || cut(next, last) < last;
    }

    /** LOOP waits for a full batch, the flush interval, a flush request or a waiting producer. */
    private boolean due(final long next, final long available)
    {
        final WriterConfig c = w.config;
        if (c.mode() != Mode.LOOP || available - next + 1 >= maxBatch || w.flushTarget.get() >= next ||
            System.nanoTime() - lastWrite >= c.flushInterval().toNanos())
        {
            return true;
        }
        return w.ledger.bytes(next, available) >= c.bufferSize() || w.ring.remainingCapacity() <= 0;
    }

    /** The last sequence of the next batch: within batchSize and bufferSize, and before an invalid slot. */
    private long cut(final long next, final long available)
    {
        final long limit = Math.min(available, next + maxBatch - 1);
        final int bufferSize = w.config.bufferSize();
        final Slot head = w.ring.get(next);
        final boolean valid = head.valid();
        long bytes = head.length();
        long last = next;
        while (last < limit)
        {
            final Slot slot = w.ring.get(last + 1);
            final long more = bytes + slot.length();
            if (slot.valid() != valid || valid && more > bufferSize)
            {
                break;
            }
            bytes = more;
            last++;
        }
        cutBytes = bytes;
        return last;
    }

    /**
     * Writes {@code next..last} to every destination, retrying with backoff.
     *
     * @return false if the writer must end: it fell back to synchronous writes or was abandoned
     */
    private boolean deliver(final long next, final long last)
    {
        if (!w.ring.get(next).valid())
        {
            w.destinations.skipTo(last);
            return w.ledger.commit(last, 0, last - next + 1, 0);
        }
        while (true)
        {
            final Throwable failure = w.destinations.write(batch, last);
            final long first = w.ledger.consumed.get() + 1;
            if (failure == null)
            {
                failuresInARow = 0;
                lastWrite = System.nanoTime();
                final long forceFailed = w.destinations.forceFailed(first, last);
                final long bytes = first == next ? cutBytes : w.ledger.bytes(first, last);
                return w.ledger.commit(last, last - first + 1 - forceFailed, forceFailed, bytes);
            }
            failuresInARow++;
            final WriterConfig c = w.config;
            c.listener().onError(failure, failuresInARow);
            if (!c.autoRestart() || failuresInARow > c.maxRestarts())
            {
                w.destinations.skipTo(last);
                w.ledger.commit(last, 0, last - first + 1, 0);
                return w.state == UnifiedWriter.STOPPED || fallBack(failure);
            }
            backOff(FIRST_BACKOFF << Math.min(failuresInARow - 1, 20));
            if (w.ledger.abandoned())
            {
                return false;
            }
            if (w.ledger.consumed.get() >= last)
            {
                return true;
            }
            w.destinations.reopenFailing();
        }
    }

    /** Publishes the fallback first, then drains what the ring holds under the synchronous lock. */
    private boolean fallBack(final Throwable failure)
    {
        final boolean interrupted = w.sync.lock();
        try
        {
            if (w.state != UnifiedWriter.RUNNING)
            {
                return w.state == UnifiedWriter.STOPPED;
            }
            w.state = UnifiedWriter.FALLBACK;
            w.writerThread = null;
            w.ledger.gate.signal();
            w.destinations.reopenFailing();
            w.sync.drainRing(w.config.batchSize());
            w.own.write(w.destinations, w.ledger);
        }
        finally
        {
            w.sync.unlock(interrupted);
        }
        w.config.listener().onFallbackToSync(failure);
        return false;
    }

    /** Sleeps through a backoff, still discarding for DROP_OLDEST producers so they never wait it out. */
    private void backOff(final long nanos)
    {
        final long deadline = System.nanoTime() + Math.min(nanos, MAX_BACKOFF);
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !w.ledger.abandoned())
        {
            LockSupport.parkNanos(this, left);
            serviceRequests();
        }
    }

    private void serviceRequests()
    {
        if (w.discardRequested)
        {
            w.discardRequested = false;
            discardOldest();
        }
        if (w.reopenRequested)
        {
            w.reopenRequested = false;
            w.destinations.reopenAll();
        }
    }

    /** DROP_OLDEST: discards droppable records from the head of the ring, stopping at one that is not. */
    private void discardOldest()
    {
        final long first = w.ledger.consumed.get() + 1;
        final long limit = Math.min(highestPublished(first), first + discardChunk - 1);
        long last = first - 1;
        while (last < limit && w.ring.get(last + 1).droppable() && w.ring.get(last + 1).valid())
        {
            last++;
        }
        if (last >= first)
        {
            w.destinations.skipTo(last);
            w.ledger.discard(last);
        }
        else if (w.manual != null)
        {
            w.manual.release(w.ring.getCursor());
        }
    }

    private long highestPublished(final long next)
    {
        final long cursor = w.ring.getCursor();
        long last = next - 1;
        while (last < cursor && w.ring.isAvailable(last + 1))
        {
            last++;
        }
        return last;
    }

    /** Stopping and drained: refuses whatever is claimed from now on, and closes the destinations. */
    private boolean terminate()
    {
        w.own.write(w.destinations, w.ledger);
        w.own.refuse();
        w.ledger.terminate();
        w.destinations.close();
        return true;
    }
}
