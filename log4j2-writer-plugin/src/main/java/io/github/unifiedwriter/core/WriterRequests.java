package io.github.unifiedwriter.core;

import com.lmax.disruptor.SequenceBarrier;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What the writer thread is asked to do between two batches: write up to a sequence now, discard the oldest
 * records, reopen the destinations, write the records it logged itself. Every request alerts the ring's barrier,
 * which the writer's wait checks before every batch anyway: the writer looks at its requests and at its state only
 * after an alert, so the steady state checks nothing else. Any thread asks; only the writer thread takes a request.
 */
final class WriterRequests
{
    private final SequenceBarrier barrier;
    private final UnifiedWriter owner;
    private final ManualWaitStrategy manual;
    private final AtomicLong flushTarget = new AtomicLong(-1);
    private volatile boolean discard;
    private volatile boolean reopen;

    WriterRequests(final UnifiedWriter owner, final SequenceBarrier barrier, final ManualWaitStrategy manual)
    {
        this.owner = owner;
        this.barrier = barrier;
        this.manual = manual;
    }

    /**
     * Any thread: write every record up to {@code sequence} without waiting for a fuller batch; in MANUAL mode,
     * release them to the writer. Never blocks.
     */
    void writeUpTo(final long sequence)
    {
        if (manual != null)
        {
            manual.release(sequence);
            return;
        }
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

    /** Writing thread, having logged a record of its own: the writer writes it after the current batch. */
    void writeOwnRecords()
    {
        barrier.alert();
    }

    /** Any thread: makes the writer look at its requests and its state now, whatever it is waiting for. */
    void wake()
    {
        barrier.alert();
        final Thread t = owner.writerThread();
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
