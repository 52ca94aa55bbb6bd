package io.github.unifiedwriter.core;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The writer's life, and so who may write to the destinations. One lock orders every transition and every
 * action that depends on the state: a caller checks the state and acts on it in one step under the lock, never
 * across it. Producers read the state without the lock only to pick a path; whatever they then do to the
 * destinations is decided again under the lock.
 *
 * <p>Who writes, by state:
 * <ul>
 *   <li>{@code SYNCHRONOUS}, {@code FALLBACK}: the caller that holds the lock;</li>
 *   <li>{@code RUNNING}, {@code STOPPING}: the one writer thread named by {@link #writer()}, without the lock;</li>
 *   <li>{@code STOPPED}: nobody. A writer that stop gave up on may still be inside the write call it began,
 *   but it begins no other.</li>
 * </ul>
 * A writer thread that is no longer {@link #writer()} never writes again: the transitions that replace it
 * (fallback, abandon) clear it under the lock, and the writer checks before each batch.
 */
final class Lifecycle
{
    enum State
    {
        SYNCHRONOUS, RUNNING, FALLBACK, STOPPING, STOPPED
    }

    private final ReentrantLock lock = new ReentrantLock();
    private volatile State state;
    private volatile Thread writer;

    /** An asynchronous writer starts as if in fallback, and its first writer thread takes over at once. */
    Lifecycle(final boolean async)
    {
        state = async ? State.FALLBACK : State.SYNCHRONOUS;
    }

    /** Any thread: the state now; without the lock, only a hint of which path to take. */
    State state()
    {
        return state;
    }

    /** Any thread: the writer thread that may write while running or stopping, or null. */
    Thread writer()
    {
        return writer;
    }

    /** Any thread: whether the calling thread is the current writer thread. */
    boolean isWriter()
    {
        return Thread.currentThread() == writer;
    }

    /** Any thread: whether the state can no longer change back to writing. */
    boolean isStopping()
    {
        final State s = state;
        return s == State.STOPPING || s == State.STOPPED;
    }

    /**
     * Takes the lock, and clears the caller's interrupt flag while it holds it: an interrupted thread writing
     * to a {@code FileChannel} would close the channel for everyone.
     *
     * @return whether the flag was set, to hand back to {@link #unlock(boolean)}
     */
    boolean lock()
    {
        lock.lock();
        return Thread.interrupted();
    }

    /** Releases the lock and restores the caller's interrupt flag. */
    void unlock(final boolean interrupted)
    {
        lock.unlock();
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Holder of the lock: whether it took the lock more than once, i.e. a destination logs while it writes. */
    boolean reentered()
    {
        return lock.getHoldCount() > 1;
    }

    /** Holder of the lock: a new writer thread takes over from synchronous fallback (or at start). */
    void run(final Thread thread)
    {
        check(state == State.FALLBACK, "run");
        writer = thread;
        state = State.RUNNING;
    }

    /**
     * Holder of the lock, on the writer thread: it gives up and callers write from now on.
     *
     * @return false if the calling thread is not the running writer: a stop began, or it was replaced
     */
    boolean fallBack()
    {
        if (state != State.RUNNING || !isWriter())
        {
            return false;
        }
        writer = null;
        state = State.FALLBACK;
        return true;
    }

    /**
     * Holder of the lock: no record is accepted from now on.
     *
     * @return whether a writer thread still drains ({@code STOPPING}); otherwise the state is {@code STOPPED}
     *         and the caller drains under the lock
     */
    boolean stop()
    {
        final boolean draining = state == State.RUNNING;
        state = draining ? State.STOPPING : State.STOPPED;
        return draining;
    }

    /**
     * Holder of the lock: the stop is over, because the writer drained or because the stopping thread gave up.
     *
     * @return false if it was over already
     */
    boolean stopped()
    {
        if (state != State.STOPPING)
        {
            return false;
        }
        writer = null;
        state = State.STOPPED;
        return true;
    }

    private static void check(final boolean ok, final String transition)
    {
        if (!ok)
        {
            throw new IllegalStateException("Invalid transition: '" + transition + "'");
        }
    }
}
