package io.github.unifiedwriter.core;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

import java.nio.ByteBuffer;
import java.time.Duration;

import io.github.unifiedwriter.core.Destinations.Slot;
import io.github.unifiedwriter.core.UnifiedWriter.State;

/**
 * Where a record enters the writer when the ring's fast path cannot take it, on the producer's thread: the ring is
 * full and the queue policy decides; callers write (synchronous mode, fallback), decided under the lifecycle lock;
 * the writer thread logs itself; or the writer no longer runs and the record is refused and counted. The fast path
 * itself, a claim, a copy and a publish, is {@link UnifiedWriter#enqueue(ByteBuffer, boolean, boolean, long)}.
 */
final class Intake
{
    static final long DROPPED = -1;
    static final long NOT_RUNNING = -2;

    private final UnifiedWriter owner;
    private final RingBuffer<Slot> ring;
    private final Ledger ledger;
    private final OwnRecords own;
    private final SyncWriter sync;
    private final WriterRequests requests;
    private final ManualWaitStrategy manual;
    private final WriterListener listener;
    private final DropWarnings dropWarnings = new DropWarnings();

    Intake(final UnifiedWriter owner, final Ledger ledger, final OwnRecords own, final SyncWriter sync,
        final WriterRequests requests, final ManualWaitStrategy manual, final WriterListener listener)
    {
        this.owner = owner;
        this.ring = ledger.ring;
        this.ledger = ledger;
        this.own = own;
        this.sync = sync;
        this.requests = requests;
        this.manual = manual;
        this.listener = listener;
    }

    /**
     * Producer thread, when the writer is not running or the caller is the writer thread itself: writes
     * synchronously, keeps the writer's own record aside, takes the ring again, or refuses.
     */
    boolean aside(final ByteBuffer record, final boolean droppable, final boolean trigger, final long time)
    {
        if (owner.isWriter())
        {
            return own.add(record);
        }
        if (owner.isStopped())
        {
            ledger.refused.increment();
            return false;
        }
        final boolean interrupted = owner.lock();
        try
        {
            switch (owner.state())
            {
                case SYNCHRONOUS:
                case FALLBACK:
                    return owner.reentered() ? own.add(record) :
                        sync.write(record, time, owner.config().batchSize());
                case RUNNING:
                    break;
                default:
                    ledger.refused.increment();
                    return false;
            }
        }
        finally
        {
            owner.unlock(interrupted);
        }
        return owner.enqueue(record, droppable, trigger, time);
    }

    /** Producer thread, ring full: applies the queue policy. Returns a claimed sequence or a negative outcome. */
    long claimWhenFull(final boolean droppable)
    {
        final WriterConfig c = owner.config();
        final QueuePolicy policy = droppable ? c.policy() : QueuePolicy.BLOCK;
        if (policy == QueuePolicy.DROP_NEWEST || policy == QueuePolicy.WARN || WriterThread.isAnyWriter())
        {
            ledger.refused.increment();
            if (policy == QueuePolicy.WARN)
            {
                dropWarnings.dropped(c.warnInterval(), listener);
            }
            return DROPPED;
        }
        final Duration timeout = droppable && policy == QueuePolicy.BLOCK ? c.blockTimeout() : null;
        final long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        ledger.enter();
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
                    if (owner.state() != State.RUNNING)
                    {
                        return NOT_RUNNING;
                    }
                    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0)
                    {
                        ledger.refused.increment();
                        return DROPPED;
                    }
                    askForRoom(policy);
                    interrupted |= ledger.await(deadline);
                }
            }
        }
        finally
        {
            ledger.leave();
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

    /** Producer whose record was published as the writer changed state: makes sure it is written, truthfully. */
    boolean afterPublishNotRunning(final long sequence)
    {
        final boolean interrupted = owner.lock();
        try
        {
            switch (owner.state())
            {
                case FALLBACK:
                    sync.drain(owner.config().batchSize());
                    return true;
                case RUNNING:
                    return true;
                default:
                    break;
            }
        }
        finally
        {
            owner.unlock(interrupted);
        }
        return awaitResolution(sequence);
    }

    /**
     * Producer thread whose record was published while the writer stopped: waits until the writer wrote it or
     * ended without it, and says which. An interrupt does not end the wait.
     */
    private boolean awaitResolution(final long sequence)
    {
        boolean interrupted = false;
        ledger.enter();
        try
        {
            while (!ledger.terminated())
            {
                if (ledger.resolved() >= sequence)
                {
                    return true;
                }
                interrupted |= ledger.await(Long.MAX_VALUE);
            }
        }
        finally
        {
            ledger.leave();
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
        ledger.refuseLate();
        return sequence <= ledger.drainedUpTo();
    }

    /** Stopping thread: reports the drops the warn interval held back, so no drop goes unreported. */
    void flushDropWarnings()
    {
        dropWarnings.flush(listener);
    }
}
