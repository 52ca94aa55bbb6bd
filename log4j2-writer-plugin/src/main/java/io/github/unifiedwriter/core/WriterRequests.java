package io.github.unifiedwriter.core;

import com.lmax.disruptor.SequenceBarrier;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What other threads ask of the writer thread: write up to a sequence now, discard the oldest records, reopen
 * the destinations. Any thread asks and wakes the writer, whatever it waits for; only the writer thread takes
 * a request, between two batches.
 */
final class WriterRequests
{
    private final SequenceBarrier barrier;
    private final Lifecycle lifecycle;
    private final AtomicLong flushTarget = new AtomicLong(-1);
    private volatile boolean discard;
    private volatile boolean reopen;

    WriterRequests(final SequenceBarrier barrier, final Lifecycle lifecycle)
    {
        this.barrier = barrier;
        this.lifecycle = lifecycle;
    }

    /** Any thread: write every record up to {@code sequence} without waiting for a fuller batch. */
    void writeUpTo(final long sequence)
    {
        flushTarget.accumulateAndGet(sequence, Math::max);
        wake();
    }

    /** Producer thread waiting for room under DROP_OLDEST. */
    void discardOldest()
    {
        discard = true;
        wake();
    }

    /** Any thread holding the lifecycle lock while the writer runs: reopen between two batches. */
    void reopen()
    {
        reopen = true;
        wake();
    }

    /** Any thread: makes the writer look at its requests now, whatever it is waiting for. */
    void wake()
    {
        barrier.alert();
        final Thread t = lifecycle.writer();
        if (t != null)
        {
            LockSupport.unpark(t);
        }
    }

    /** Writer thread: the highest sequence someone asked to have written now. */
    long flushTarget()
    {
        return flushTarget.get();
    }

    /** Writer thread: takes the discard request, if any. */
    boolean takeDiscard()
    {
        if (!discard)
        {
            return false;
        }
        discard = false;
        return true;
    }

    /** Writer thread, or the holder of the lifecycle lock as the writer falls back: takes the reopen request. */
    boolean takeReopen()
    {
        if (!reopen)
        {
            return false;
        }
        reopen = false;
        return true;
    }
}
