package io.github.unifiedwriter.core;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.unifiedwriter.core.Lifecycle.State;

/**
 * Where a record enters the writer, on the producer's thread: into the ring on the fast path, which takes no
 * lock, makes no system call and allocates nothing; into the file on the caller's thread while callers write
 * (synchronous mode, fallback), decided under the lifecycle lock; or refused and counted. A ring slot is
 * claimed, filled by a copy and published, never held while other code runs.
 */
final class Intake
{
    private static final long DROPPED = -1;
    private static final long NOT_RUNNING = -2;

    private final Lifecycle lifecycle;
    private final RingBuffer<Slot> ring;
    private final Ledger ledger;
    private final Counters counters;
    private final OwnRecords own;
    private final SyncWriter sync;
    private final WriterRequests requests;
    private final ManualWaitStrategy manual;
    private final WriterListener listener;
    private final Supplier<WriterConfig> config;
    private final DropWarnings dropWarnings = new DropWarnings();

    Intake(final Lifecycle lifecycle, final Ledger ledger, final OwnRecords own, final SyncWriter sync,
        final WriterRequests requests, final ManualWaitStrategy manual, final WriterListener listener,
        final Supplier<WriterConfig> config)
    {
        this.lifecycle = lifecycle;
        this.ring = ledger.ring;
        this.ledger = ledger;
        this.counters = ledger.counters;
        this.own = own;
        this.sync = sync;
        this.requests = requests;
        this.manual = manual;
        this.listener = listener;
        this.config = config;
    }

    /**
     * Producer threads: see {@link UnifiedWriter#enqueue(ByteBuffer, boolean, boolean, long)}.
     */
    boolean enqueue(final ByteBuffer record, final boolean droppable, final boolean trigger, final long time)
    {
        if (lifecycle.isWriter())
        {
            return own.add(record);
        }
        if (lifecycle.state() != State.RUNNING)
        {
            return enqueueNotRunning(record, droppable, trigger, time);
        }
        long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException e)
        {
            sequence = claimWhenFull(droppable);
            if (sequence < 0)
            {
                return sequence == NOT_RUNNING && enqueueNotRunning(record, droppable, trigger, time);
            }
        }
        final Slot slot = ring.get(sequence);
        try
        {
            slot.fill(record, droppable, time);
        }
        catch (final Throwable t)
        {
            slot.invalidate();
        }
        finally
        {
            ring.publish(sequence);
        }
        if (trigger && manual != null)
        {
            manual.release(sequence);
        }
        return lifecycle.state() == State.RUNNING || afterPublishNotRunning(sequence);
    }

    /** Producer thread, ring full: applies the queue policy. Returns a claimed sequence or a negative outcome. */
    private long claimWhenFull(final boolean droppable)
    {
        final WriterConfig c = config.get();
        final QueuePolicy policy = droppable ? c.policy() : QueuePolicy.BLOCK;
        if (policy == QueuePolicy.DROP_NEWEST || policy == QueuePolicy.WARN || WriterThread.isAnyWriter())
        {
            counters.refused.increment();
            if (policy == QueuePolicy.WARN)
            {
                dropWarnings.dropped(c.warnInterval(), listener);
            }
            return DROPPED;
        }
        final Duration timeout = droppable && policy == QueuePolicy.BLOCK ? c.blockTimeout() : null;
        final long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        final ProducerGate gate = ledger.gate;
        boolean interrupted = false;
        gate.enter();
        try
        {
            while (true)
            {
                try
                {
                    return ring.tryNext();
                }
                catch (final InsufficientCapacityException e)
                {
                    if (lifecycle.state() != State.RUNNING)
                    {
                        return NOT_RUNNING;
                    }
                    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0)
                    {
                        counters.refused.increment();
                        return DROPPED;
                    }
                    askForRoom(policy);
                    interrupted |= gate.await(deadline);
                }
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
    }

    /** Producer waiting for room: MANUAL writes as if triggered, DROP_OLDEST discards the oldest. */
    private void askForRoom(final QueuePolicy policy)
    {
        if (policy == QueuePolicy.DROP_OLDEST)
        {
            requests.discardOldest();
            return;
        }
        if (manual != null)
        {
            manual.release(ring.getCursor());
        }
        requests.wake();
    }

    /** Producer thread, the writer not running: writes synchronously, takes the ring again, or refuses. */
    private boolean enqueueNotRunning(final ByteBuffer record, final boolean droppable, final boolean trigger,
        final long time)
    {
        if (lifecycle.isStopping())
        {
            counters.refused.increment();
            return false;
        }
        final boolean interrupted = lifecycle.lock();
        try
        {
            switch (lifecycle.state())
            {
                case SYNCHRONOUS:
                case FALLBACK:
                    return lifecycle.reentered() ? own.add(record) :
                        sync.write(record, time, config.get().batchSize());
                case RUNNING:
                    break;
                default:
                    counters.refused.increment();
                    return false;
            }
        }
        finally
        {
            lifecycle.unlock(interrupted);
        }
        return enqueue(record, droppable, trigger, time);
    }

    /** Producer whose record was published as the writer changed state: makes sure it is written, truthfully. */
    private boolean afterPublishNotRunning(final long sequence)
    {
        final boolean interrupted = lifecycle.lock();
        try
        {
            switch (lifecycle.state())
            {
                case FALLBACK:
                    sync.drain(config.get().batchSize());
                    return true;
                case RUNNING:
                    return true;
                default:
                    break;
            }
        }
        finally
        {
            lifecycle.unlock(interrupted);
        }
        return ledger.awaitResolution(sequence);
    }

    /** Stopping thread: reports the drops the warn interval held back, so no drop goes unreported. */
    void flushDropWarnings()
    {
        dropWarnings.flush(listener);
    }
}
