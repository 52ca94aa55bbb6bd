package io.github.unifiedwriter.core;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Where ring records are resolved: written, failed or dropped, exactly once each. It settles the races at
 * the end of the writer's life: a batch finishing after stop gave up on it, and records claimed as the
 * writer left.
 *
 * <p>Two positions, since accounting for a record and freeing its slot are not the same once a stop gives
 * up: {@link #resolved()} says up to where records are counted, and {@link #consumed}, which gates the ring,
 * up to where their slots may be reused. They move together while the writer lives. When a stop gives up,
 * the records are counted as failed but their slots are never freed, so a writer still inside a write call
 * can go on reading them.
 *
 * <p>The writing thread (the writer thread, or the holder of the lifecycle lock) resolves records; the
 * stopping thread may abandon them; any thread reads.
 */
final class Ledger
{
    final RingBuffer<Slot> ring;
    /** Every slot up to this sequence is free. Gates the ring. */
    final Sequence consumed = new Sequence(-1);
    final Counters counters;
    final ProducerGate gate = new ProducerGate();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long resolved = -1;
    private volatile boolean terminated;
    private volatile boolean abandoned;
    /** Writer thread: the last ring sequence of the write call under way, or -1. */
    private volatile long writingUpTo = -1;
    /** Writer thread: records of its own inside the write call under way. */
    private volatile int ownWriting;
    /** Set before {@link #terminated}: the last sequence the writer resolved rather than refused. */
    private volatile long drainedUpTo = -1;

    Ledger(final RingBuffer<Slot> ring, final Counters counters)
    {
        this.ring = ring;
        this.counters = counters;
        ring.addGatingSequences(consumed);
    }

    /** Any thread: every record up to this sequence is counted. */
    long resolved()
    {
        return resolved;
    }

    /**
     * Writer thread, before a write call over ring records up to {@code last}. Pairs with {@link #abandon}: of
     * the two, at least one sees the other, so a write either never begins or is reported as under way.
     *
     * @return false if the stop gave up: the writer must not write
     */
    boolean beginWrite(final long last)
    {
        writingUpTo = last;
        if (abandoned)
        {
            writingUpTo = -1;
            return false;
        }
        return true;
    }

    /** As {@link #beginWrite}, for {@code count} records the writer logged itself. */
    boolean beginOwnWrite(final int count)
    {
        ownWriting = count;
        if (abandoned)
        {
            ownWriting = 0;
            return false;
        }
        return true;
    }

    /**
     * Writing thread: resolves ring records up to {@code last}, frees their slots and wakes waiters.
     *
     * @return false if the stop already gave up on them, in which case nothing is counted
     */
    boolean commit(final long last, final long written, final long failed, final long bytes)
    {
        lock.lock();
        try
        {
            writingUpTo = -1;
            if (abandoned)
            {
                return false;
            }
            release(last);
            count(written, failed, bytes);
        }
        finally
        {
            lock.unlock();
        }
        gate.signal();
        return true;
    }

    /** Writing thread: counts records resolved outside the ring, unless the stop gave up on them. */
    void commitOwn(final long written, final long failed, final long bytes)
    {
        lock.lock();
        try
        {
            ownWriting = 0;
            if (!abandoned)
            {
                count(written, failed, bytes);
            }
        }
        finally
        {
            lock.unlock();
        }
    }

    /** Writing thread: DROP_OLDEST discarded the records up to {@code last}. */
    void discard(final long last)
    {
        lock.lock();
        try
        {
            if (!abandoned)
            {
                counters.discarded.add(last - resolved);
                release(last);
            }
        }
        finally
        {
            lock.unlock();
        }
        gate.signal();
    }

    private void release(final long last)
    {
        for (long s = consumed.get() + 1; s <= last; s++)
        {
            ring.get(s).release();
        }
        resolved = last;
        consumed.setVolatile(last);
    }

    private void count(final long written, final long failed, final long bytes)
    {
        counters.written.addAndGet(written);
        counters.failed.addAndGet(failed);
        if (written > 0)
        {
            counters.batches.incrementAndGet();
            counters.bytesWritten.addAndGet(bytes);
        }
    }

    long bytes(final long first, final long last)
    {
        long bytes = 0;
        for (long s = first; s <= last; s++)
        {
            bytes += ring.get(s).length();
        }
        return bytes;
    }

    /** Writing thread, drained and stopping: from now on, late records are refused. */
    void terminate()
    {
        drainedUpTo = resolved;
        terminated = true;
        refuseLate();
        gate.signal();
    }

    /**
     * Stopping thread, at the deadline: everything the writer still holds counts as failed, and the writer
     * begins no other write.
     *
     * @param heldOutsideRing records the writer logged itself and has not resolved
     * @return how many records it counted as failed, and which of them a write call under way may still carry
     */
    Abandoned abandon(final long heldOutsideRing)
    {
        String inFlight = "";
        long failed;
        lock.lock();
        try
        {
            abandoned = true;
            final long first = resolved + 1;
            final long last = writingUpTo;
            final int own = ownWriting;
            if (last >= first)
            {
                inFlight = "the " + (last - first + 1) + " records this writer accepted as numbers " + first +
                    " to " + last + " (counting from 0)";
            }
            if (own > 0)
            {
                inFlight += (inFlight.isEmpty() ? "" : ", and ") + own + " records its own thread logged";
            }
            drainedUpTo = resolved;
            final long cursor = ring.getCursor();
            failed = Math.max(0, cursor - resolved) + heldOutsideRing;
            counters.failed.addAndGet(failed);
            resolved = Math.max(resolved, cursor);
            terminated = true;
        }
        finally
        {
            lock.unlock();
        }
        gate.signal();
        return new Abandoned(failed, inFlight);
    }

    /** What a stop that gave up left: records counted as failed, and which of them may still be written. */
    record Abandoned(long failed, String inFlight)
    {
    }

    /** After the writer ended, records claimed too late are refused: counted as dropped. */
    void refuseLate()
    {
        lock.lock();
        try
        {
            final long cursor = ring.getCursor();
            if (cursor > resolved)
            {
                counters.discarded.add(cursor - resolved);
                resolved = cursor;
            }
        }
        finally
        {
            lock.unlock();
        }
    }

    /**
     * Producer thread whose record was published while the writer stopped: waits until the writer wrote
     * it or ended without it, and says which.
     */
    boolean awaitResolution(final long sequence)
    {
        boolean interrupted = false;
        gate.enter();
        try
        {
            while (!terminated)
            {
                if (resolved >= sequence)
                {
                    return true;
                }
                interrupted |= gate.await(Long.MAX_VALUE);
            }
        }
        finally
        {
            gate.leave();
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
        refuseLate();
        return sequence <= drainedUpTo;
    }

    /**
     * Any thread, flushing: waits until every record up to {@code target} is resolved, the writer has ended, or no
     * writer thread writes (callers then drain the ring themselves). An interrupt does not end the wait.
     *
     * @param deadline {@link System#nanoTime()} based, {@code Long.MAX_VALUE} for none
     * @return false if the deadline passed first
     */
    boolean awaitResolved(final long target, final long deadline, final Lifecycle lifecycle)
    {
        boolean interrupted = false;
        gate.enter();
        try
        {
            while (resolved < target && !terminated && lifecycle.writer() != null)
            {
                if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0)
                {
                    return false;
                }
                interrupted |= gate.await(deadline);
            }
            return true;
        }
        finally
        {
            gate.leave();
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Accepted ring records not yet resolved. */
    long pending()
    {
        return terminated ? 0 : Math.max(0, ring.getCursor() - resolved);
    }

    boolean terminated()
    {
        return terminated;
    }

    boolean abandoned()
    {
        return abandoned;
    }
}
