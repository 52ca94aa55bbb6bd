package io.github.unifiedwriter.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where threads wait for the writer to make progress in the {@link Ledger}: producers waiting for room in a full
 * ring or for their record's fate as the writer stops, and callers of flush. The writer signals only when someone
 * waits, so the steady state takes no lock.
 *
 * <p>Waiting never spins and never polls by sleeping; a long safety timeout only guards against a lost
 * wake-up. An interrupt does not end the wait: the flag is restored when the wait ends.
 */
final class ProducerGate
{
    /** Upper bound on one wait, a safety net against a missed signal rather than a polling period. */
    private static final long SAFETY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    private volatile int waiters;

    /** Writer thread (or any thread that advanced the ring): wakes every waiter, if there is one. */
    void signal()
    {
        if (waiters > 0)
        {
            lock.lock();
            try
            {
                progress.signalAll();
            }
            finally
            {
                lock.unlock();
            }
        }
    }

    /** Any thread: whether a thread waits for progress, for room in the ring or for a flush. */
    boolean hasWaiters()
    {
        return waiters > 0;
    }

    /** Any thread: registers as a waiter. Must be paired with {@link #leave()}; then check, then {@link #await}. */
    void enter()
    {
        lock.lock();
        waiters++;
    }

    void leave()
    {
        waiters--;
        lock.unlock();
    }

    /**
     * Waits, with the lock held by {@link #enter()}, until signalled or until {@code deadline}
     * ({@link System#nanoTime()} based, {@code Long.MAX_VALUE} for none).
     *
     * @return whether an interrupt arrived during the wait; the caller restores the flag when done
     */
    boolean await(final long deadline)
    {
        final long left = deadline == Long.MAX_VALUE ? SAFETY_NANOS : Math.min(SAFETY_NANOS, deadline - System.nanoTime());
        if (left <= 0)
        {
            return false;
        }
        try
        {
            progress.awaitNanos(left);
            return false;
        }
        catch (final InterruptedException e)
        {
            return true;
        }
    }

    /**
     * Producer thread whose record was published while the writer stopped: waits until the writer wrote
     * it or ended without it, and says which.
     */
    boolean awaitResolution(final Ledger ledger, final long sequence)
    {
        boolean interrupted = false;
        enter();
        try
        {
            while (!ledger.terminated())
            {
                if (ledger.resolved() >= sequence)
                {
                    return true;
                }
                interrupted |= await(Long.MAX_VALUE);
            }
        }
        finally
        {
            leave();
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
        ledger.refuseLate();
        return sequence <= ledger.drainedUpTo();
    }

    /**
     * Any thread, flushing: waits until every record up to {@code target} is resolved, the writer has ended, or no
     * writer thread writes (callers then drain the ring themselves). An interrupt does not end the wait.
     *
     * @param deadline {@link System#nanoTime()} based, {@code Long.MAX_VALUE} for none
     * @return false if the deadline passed first
     */
    boolean awaitResolved(final Ledger ledger, final long target, final long deadline,
        final Lifecycle lifecycle)
    {
        boolean interrupted = false;
        enter();
        try
        {
            while (ledger.resolved() < target && !ledger.terminated() && lifecycle.writer() != null)
            {
                if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0)
                {
                    return false;
                }
                interrupted |= await(deadline);
            }
            return true;
        }
        finally
        {
            leave();
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
