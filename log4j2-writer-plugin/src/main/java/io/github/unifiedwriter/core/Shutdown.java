package io.github.unifiedwriter.core;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How a writer ends: the stopping thread's drain, bounded by a deadline, and the writer thread's last steps. The
 * writer drains everything claimed before it saw {@code STOPPING}, then ends the writer's life; if the deadline
 * passes first, the stopping thread ends it instead, counts what is left as failed, and the writer begins no other
 * write. Every step that depends on which of the two came first is taken under the writer's lifecycle lock.
 *
 * <p>Any thread calls {@link #stop}; the writer thread calls {@link #terminate} and {@link #writerLeft}.
 */
final class Shutdown
{
    private final UnifiedWriter owner;
    private final Ledger ledger;
    private final Destinations destinations;
    private final OwnRecords own;
    private final SyncWriter sync;
    private final WriterRequests requests;
    private final ManualWaitStrategy manual;
    private final GuardedListener listener;
    private final Intake intake;
    private final AtomicBoolean stopCalled = new AtomicBoolean();
    private final CountDownLatch stopDone = new CountDownLatch(1);
    private volatile boolean drained;

    Shutdown(final UnifiedWriter owner, final Ledger ledger, final Destinations destinations, final OwnRecords own,
        final SyncWriter sync, final WriterRequests requests, final ManualWaitStrategy manual,
        final GuardedListener listener, final Intake intake)
    {
        this.owner = owner;
        this.ledger = ledger;
        this.destinations = destinations;
        this.own = own;
        this.sync = sync;
        this.requests = requests;
        this.manual = manual;
        this.listener = listener;
        this.intake = intake;
    }

    /** Any thread: see {@link UnifiedWriter#stop(Duration)}. A second call waits for the first. */
    boolean stop(final Duration timeout, final int batchSize)
    {
        if (!stopCalled.compareAndSet(false, true))
        {
            Uninterruptibly.await(stopDone, timeout);
            return drained;
        }
        try
        {
            drained = stopNow(timeout, batchSize);
            intake.flushDropWarnings();
            return drained;
        }
        finally
        {
            stopDone.countDown();
        }
    }

    private boolean stopNow(final Duration timeout, final int batchSize)
    {
        final Thread thread;
        boolean interrupted = owner.lock();
        try
        {
            if (!owner.beginStop())
            {
                sync.drain(batchSize);
                own.refuse();
                ledger.terminate();
                destinations.close();
                return true;
            }
            thread = owner.writerThread();
        }
        finally
        {
            owner.unlock(interrupted);
        }
        ledger.signal();
        if (manual != null)
        {
            manual.release(Long.MAX_VALUE);
        }
        requests.wake();
        Uninterruptibly.join(thread, timeout);
        final Ledger.Abandoned abandoned;
        interrupted = owner.lock();
        try
        {
            if (!owner.endStop())
            {
                return true;
            }
            abandoned = ledger.abandon(own.abandon());
        }
        finally
        {
            owner.unlock(interrupted);
        }
        listener.onStopTimedOut(abandoned.failed(), abandoned.inFlight());
        ledger.seal();
        return false;
    }

    /** Writer thread, drained while stopping: ends the writer's life, unless the stop gave up on it first. */
    boolean terminate()
    {
        own.write(destinations, ledger);
        final boolean interrupted = owner.lock();
        try
        {
            if (!owner.endStop())
            {
                return false;
            }
            own.refuse();
            ledger.terminate();
        }
        finally
        {
            owner.unlock(interrupted);
        }
        destinations.close();
        return true;
    }

    /**
     * Writer thread, leaving its loop: closes the destinations if a stop gave up on it. Read under the lock, since
     * the stop replaces the writer and gives up on its records in one step.
     */
    void writerLeft()
    {
        final boolean abandoned;
        final boolean interrupted = owner.lock();
        try
        {
            abandoned = ledger.abandoned();
        }
        finally
        {
            owner.unlock(interrupted);
        }
        if (abandoned)
        {
            destinations.close();
        }
    }
}
