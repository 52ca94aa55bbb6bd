package io.github.unifiedwriter.core;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * TRIGGER mode: the writer wakes on publish. Before it parks it spins briefly and then yields, so under
 * load the next records arrive while it still looks and producers never pay for a wake-up; only a
 * writer that is really parked costs the publishing thread an unpark. A publish with nobody parked
 * costs one volatile read: no lock, no system call.
 *
 * <p>The parked writer is found through a volatile field written before the writer's last look at the
 * claim cursor, and read by producers after their claim, so one of the two always sees the other.
 */
final class TriggerWaitStrategy implements WaitStrategy
{
    private static final int SPINS = 100;
    private static final int YIELDS = 10;

    private final long idleNanos;
    private volatile Thread parked;

    TriggerWaitStrategy(final long idleNanos)
    {
        this.idleNanos = idleNanos;
    }

    /** Writer thread only. Times out after the idle period so the writer can do timed work. */
    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException, TimeoutException
    {
        long available;
        for (int i = 0; i < SPINS + YIELDS; i++)
        {
            if ((available = dependentSequence.get()) >= sequence)
            {
                return available;
            }
            barrier.checkAlert();
            if (i < SPINS)
            {
                Thread.onSpinWait();
            }
            else
            {
                Thread.yield();
            }
        }
        parked = Thread.currentThread();
        try
        {
            if ((available = dependentSequence.get()) >= sequence)
            {
                return available;
            }
            barrier.checkAlert();
            LockSupport.parkNanos(this, idleNanos);
        }
        finally
        {
            parked = null;
        }
        barrier.checkAlert();
        if ((available = dependentSequence.get()) >= sequence)
        {
            return available;
        }
        throw TimeoutException.INSTANCE;
    }

    /** Producer threads, after every publish: wakes the writer only if it is parked. */
    @Override
    public void signalAllWhenBlocking()
    {
        final Thread t = parked;
        if (t != null)
        {
            LockSupport.unpark(t);
        }
    }
}
