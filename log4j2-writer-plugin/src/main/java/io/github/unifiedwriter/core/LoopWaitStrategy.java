package io.github.unifiedwriter.core;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * LOOP mode: the writer sleeps a tick between looks at the ring, and a publish never wakes it, so
 * producers pay nothing to signal. A full batch is returned without sleeping, so throughput is not
 * capped at one batch per tick. Control requests wake the writer with {@link LockSupport#unpark}.
 */
final class LoopWaitStrategy implements WaitStrategy
{
    private final long tickNanos;
    private final int batchSize;

    LoopWaitStrategy(final long tickNanos, final int batchSize)
    {
        this.tickNanos = tickNanos;
        this.batchSize = batchSize;
    }

    /** Writer thread only. */
    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException, TimeoutException
    {
        long available = dependentSequence.get();
        if (available - sequence + 1 >= batchSize)
        {
            return available;
        }
        barrier.checkAlert();
        LockSupport.parkNanos(this, tickNanos);
        barrier.checkAlert();
        available = dependentSequence.get();
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
