package io.github.unifiedwriter.core;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Where ring records are resolved: written, failed or dropped, exactly once each. It owns the sequence
 * that gates the ring, so pending is read from the ring itself, and it settles the races at the end of
 * the writer's life: a batch finishing after stop gave up on it, and records claimed as the writer left.
 *
 * <p>The writing thread (the writer thread, or the holder of the synchronous lock) resolves records;
 * the stopping thread may abandon them; any thread reads.
 */
final class Ledger
{
    final RingBuffer<Slot> ring;
    /** Every sequence up to this one is resolved and its slot free. */
    final Sequence consumed = new Sequence(-1);
    final Counters counters;
    final ProducerGate gate = new ProducerGate();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean terminated;
    private volatile boolean abandoned;
    /** Set before {@link #terminated}: the last sequence the writer resolved rather than refused. */
    private volatile long drainedUpTo = -1;

    Ledger(final RingBuffer<Slot> ring, final Counters counters)
    {
        this.ring = ring;
        this.counters = counters;
        ring.addGatingSequences(consumed);
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

    /** Writing thread: DROP_OLDEST discarded the records up to {@code last}. */
    void discard(final long last)
    {
        lock.lock();
        try
        {
            if (!abandoned)
            {
                counters.dropped.add(last - consumed.get());
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
        consumed.setVolatile(last);
    }

    /** Writing thread: counts records resolved inside or outside the ring. */
    void count(final long written, final long failed, final long bytes)
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

    /** Writer thread, drained and stopping: from now on, late records are refused. */
    void terminate()
    {
        drainedUpTo = consumed.get();
        terminated = true;
        refuseLate();
        gate.signal();
    }

    /** Stopping thread, at the deadline: everything the writer still holds counts as failed. */
    void abandon(final long heldOutsideRing)
    {
        lock.lock();
        try
        {
            abandoned = true;
            drainedUpTo = consumed.get();
            terminated = true;
            final long cursor = ring.getCursor();
            counters.failed.addAndGet(Math.max(0, cursor - consumed.get()) + heldOutsideRing);
            consumed.setVolatile(cursor);
        }
        finally
        {
            lock.unlock();
        }
        gate.signal();
    }

    /** After the writer ended, records claimed too late are refused: counted as dropped. */
    void refuseLate()
    {
        lock.lock();
        try
        {
            final long cursor = ring.getCursor();
            final long from = consumed.get();
            if (cursor > from)
            {
                counters.dropped.add(cursor - from);
                consumed.setVolatile(cursor);
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
                if (consumed.get() >= sequence && !terminated)
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

    /** Accepted ring records not yet resolved. */
    long pending()
    {
        return terminated ? 0 : Math.max(0, ring.getCursor() - consumed.get());
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
