package io.github.unifiedwriter.core;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * MANUAL mode: the writer sees only the records released by the last trigger. It parks while nothing is
 * released, so a record waiting in the ring costs no CPU (a gating sequence would make the blocking
 * strategies spin). Publishes never wake it; {@link #release(long)} does.
 */
final class ManualWaitStrategy implements WaitStrategy
{
    private final AtomicLong released = new AtomicLong(-1);
    private final long idleNanos;
    private volatile Thread waiter;

    ManualWaitStrategy(final long idleNanos)
    {
        this.idleNanos = idleNanos;
    }

    /**
     * Any thread: lets the writer write every record up to {@code sequence}. Never blocks; wakes the
     * writer only if the release moves forward.
     */
    void release(final long sequence)
    {
        if (released.getAndAccumulate(sequence, Math::max) < sequence)
        {
            final Thread t = waiter;
            if (t != null)
            {
                LockSupport.unpark(t);
            }
        }
    }

    /** Writer thread only. Times out after the idle period so the writer can do timed work. */
    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException, TimeoutException
    {
        long available = Math.min(released.get(), dependentSequence.get());
        if (available >= sequence)
        {
            return available;
        }
        waiter = Thread.currentThread();
        try
        {
            barrier.checkAlert();
            if (Math.min(released.get(), dependentSequence.get()) < sequence)
            {
                LockSupport.parkNanos(this, idleNanos);
            }
            barrier.checkAlert();
        }
        finally
        {
            waiter = null;
        }
        available = Math.min(released.get(), dependentSequence.get());
        if (available < sequence)
        {
            throw TimeoutException.INSTANCE;
        }
        return available;
    }

    /** Producer threads, on every publish: deliberately nothing. */
    @Override
    public void signalAllWhenBlocking()
    {
    }
}
