package io.github.unifiedwriter.core;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.github.unifiedwriter.core.Destinations.Slot;

/**
 * Where every call is accounted for: ring records resolved as written, failed or dropped, exactly once each, and
 * the running totals. It settles the races at the end of the writer's life: a batch finishing after stop gave up
 * on it, and records claimed as the writer left.
 *
 * <p>Two positions, since accounting for a record and freeing its slot differ once a stop gives up:
 * {@link #resolved()} says up to where records are counted, {@link #consumed}, which gates the ring, up to where
 * their slots may be reused. When a stop gives up, the records count as failed but their slots are never freed,
 * so a writer still inside a write call can go on reading them.
 *
 * <p>A ring record is counted as enqueued by the ring's claim cursor, so the producer's fast path writes no
 * counter. Every call ends as exactly one of: refused on arrival, failed before it became a record (the layout
 * threw), or enqueued; and every enqueued record as written, discarded, failed, or still pending.
 *
 * <p>Producers waiting for room or for their record's fate, and callers of flush, wait on its lock, which a commit
 * takes anyway: it signals them only when someone waits. A long safety timeout guards against a lost wake-up; an
 * interrupt does not end a wait.
 *
 * <p>The writing thread (the writer thread, or the holder of the lifecycle lock) resolves records; the stopping
 * thread may abandon them; any thread reads or waits.
 */
final class Ledger
{
    /** Upper bound on one wait, a safety net against a missed signal rather than a polling period. */
    private static final long SAFETY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    final RingBuffer<Slot> ring;
    /** Every slot up to this sequence is free. Gates the ring. */
    final Sequence consumed = new Sequence(-1);
    /** Records accepted without a ring slot: synchronous writes, and records the writer thread logs itself. */
    final LongAdder enqueuedOutsideRing = new LongAdder();
    /** Calls whose record was never accepted: the queue policy, a block timeout, or a stopped writer. */
    final LongAdder refused = new LongAdder();
    /** Calls whose event could not be turned into a record: the layout threw. */
    final LongAdder failedOnArrival = new LongAdder();
    /** Accepted records dropped later: DROP_OLDEST, or claimed as the writer stopped. */
    final LongAdder discarded = new LongAdder();
    final AtomicLong written = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong restarts = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong bytesWritten = new AtomicLong();
    volatile String lastError;
    /** Set once a stop gave up on the writer: what the abandoned writer still meets is no longer counted. */
    private volatile boolean sealed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progress = lock.newCondition();
    /** Threads waiting for progress; changed under the lock. */
    private volatile int waiters;
    private volatile long resolved = -1;
    private volatile boolean terminated;
    private volatile boolean abandoned;
    /** Writer thread: the last ring sequence of the write call under way, or -1. */
    private volatile long writingUpTo = -1;
    /** Writer thread: records of its own inside the write call under way. */
    private volatile int ownWriting;
    /** Set before {@link #terminated}: the last sequence the writer resolved rather than refused. */
    private volatile long drainedUpTo = -1;

    Ledger(final RingBuffer<Slot> ring)
    {
        this.ring = ring;
        ring.addGatingSequences(consumed);
    }

    /** Any thread: every record up to this sequence is counted. */
    long resolved()
    {
        return resolved;
    }

    /**
     * Writer thread, before a write call over ring records up to {@code last}. Pairs with {@link #abandon}: of
     * the two, at least one sees the other, so a write either never begins or is reported as under way.
     *
     * @return false if the stop gave up: the writer must not write
     */
    boolean beginWrite(final long last)
    {
        writingUpTo = last;
        if (abandoned)
        {
            writingUpTo = -1;
            return false;
        }
        return true;
    }

    /** As {@link #beginWrite}, for {@code count} records the writer logged itself. */
    boolean beginOwnWrite(final int count)
    {
        ownWriting = count;
        if (abandoned)
        {
            ownWriting = 0;
            return false;
        }
        return true;
    }

    /**
     * Writing thread: resolves ring records up to {@code last}, frees their slots and wakes waiters.
     *
     * @return false if the stop already gave up on them, in which case nothing is counted
     */
    boolean commit(final long last, final long written, final long failed, final long bytes)
    {
        lock.lock();
        try
        {
            writingUpTo = -1;
            if (abandoned)
            {
                return false;
            }
            release(last);
            count(written, failed, bytes);
            wakeWaiters();
        }
        finally
        {
            lock.unlock();
        }
        return true;
    }

    /** Writing thread: counts records resolved outside the ring, unless the stop gave up on them. */
    void commitOwn(final long written, final long failed, final long bytes)
    {
        lock.lock();
        try
        {
            ownWriting = 0;
            if (!abandoned)
            {
                count(written, failed, bytes);
            }
        }
        finally
        {
            lock.unlock();
        }
    }

    /** Writing thread: DROP_OLDEST discarded the records up to {@code last}. */
    void discard(final long last)
    {
        lock.lock();
        try
        {
            if (!abandoned)
            {
                discarded.add(last - resolved);
                release(last);
                wakeWaiters();
            }
        }
        finally
        {
            lock.unlock();
        }
    }

    private void release(final long last)
    {
        for (long s = consumed.get() + 1; s <= last; s++)
        {
            ring.get(s).release();
        }
        resolved = last;
        consumed.setVolatile(last);
    }

    private void count(final long wrote, final long lost, final long bytes)
    {
        written.addAndGet(wrote);
        failed.addAndGet(lost);
        if (wrote > 0)
        {
            batches.incrementAndGet();
            bytesWritten.addAndGet(bytes);
        }
    }

    /** Any thread, as the writer's state changes: wakes every thread waiting for progress, to look again. */
    void signal()
    {
        lock.lock();
        try
        {
            wakeWaiters();
        }
        finally
        {
            lock.unlock();
        }
    }

    private void wakeWaiters()
    {
        if (waiters > 0)
        {
            progress.signalAll();
        }
    }

    /** Any thread: whether a thread waits for progress, for room in the ring or for a flush. */
    boolean hasWaiters()
    {
        return waiters > 0;
    }

    /** Any thread: takes the lock as a waiter. Pair with {@link #leave()}; in between, check, then {@link #await}. */
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
     * Holder of the lock from {@link #enter()}: waits until signalled or until {@code deadline} ({@link
     * System#nanoTime()} based, {@code Long.MAX_VALUE} for none). Returns whether an interrupt arrived meanwhile.
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

    /** Writing thread, drained and stopping: from now on, late records are refused. */
    void terminate()
    {
        drainedUpTo = resolved;
        terminated = true;
        refuseLate();
    }

    /**
     * Stopping thread, at the deadline: everything the writer still holds counts as failed, and the writer
     * begins no other write.
     *
     * @param heldOutsideRing records the writer logged itself and has not resolved
     * @return how many records it counted as failed, and which of them a write call under way may still carry
     */
    Abandoned abandon(final long heldOutsideRing)
    {
        String inFlight = "";
        long failed;
        lock.lock();
        try
        {
            abandoned = true;
            final long first = resolved + 1;
            final long last = writingUpTo;
            final int own = ownWriting;
            if (last >= first)
            {
                inFlight = "the " + (last - first + 1) + " records this writer accepted as numbers " + first +
                    " to " + last + " (counting from 0)";
            }
            if (own > 0)
            {
                inFlight += (inFlight.isEmpty() ? "" : ", and ") + own + " records its own thread logged";
            }
            drainedUpTo = resolved;
            final long cursor = ring.getCursor();
            failed = Math.max(0, cursor - resolved) + heldOutsideRing;
            this.failed.addAndGet(failed);
            resolved = Math.max(resolved, cursor);
            terminated = true;
            wakeWaiters();
        }
        finally
        {
            lock.unlock();
        }
        return new Abandoned(failed, inFlight);
    }

    /** What a stop that gave up left: records counted as failed, and which of them may still be written. */
    record Abandoned(long failed, String inFlight)
    {
    }

    /** After the writer ended, records claimed too late are refused: counted as dropped. Wakes every waiter. */
    void refuseLate()
    {
        lock.lock();
        try
        {
            final long cursor = ring.getCursor();
            if (cursor > resolved)
            {
                discarded.add(cursor - resolved);
                resolved = cursor;
            }
            wakeWaiters();
        }
        finally
        {
            lock.unlock();
        }
    }

    /** Set before {@link #terminated()}: the last sequence the writer resolved rather than refused. */
    long drainedUpTo()
    {
        return drainedUpTo;
    }

    /** Writing thread: records an exception raised by a destination or a listener, unless sealed. */
    void error(final Throwable t, final String context)
    {
        if (!sealed)
        {
            callError(t, context);
        }
    }

    /** Any thread: records an exception raised for one call, such as its layout's. */
    void callError(final Throwable t, final String context)
    {
        errors.incrementAndGet();
        lastError = context + ": " + t;
    }

    /** Writing thread: a destination was reopened after an error, or the writer thread restarted, unless sealed. */
    void restarted()
    {
        if (!sealed)
        {
            restarts.incrementAndGet();
        }
    }

    /** Stopping thread, once a stop that gave up has reported: the writer's counters are final. */
    void seal()
    {
        sealed = true;
    }

    /** Any thread: the totals, with {@code pending} read from the ring and the writer's own records. */
    WriterMetrics snapshot(final long pending, final boolean fallbackToSync)
    {
        final long refusedNow = refused.sum();
        final long failedOnArrivalNow = failedOnArrival.sum();
        final long enqueued = enqueuedOutsideRing.sum() + ring.getCursor() + 1;
        return new WriterMetrics(enqueued + refusedNow + failedOnArrivalNow, enqueued, written.get(),
            refusedNow + discarded.sum(), failed.get() + failedOnArrivalNow, errors.get(), restarts.get(), pending,
            batches.get(), bytesWritten.get(), fallbackToSync, lastError);
    }

    /** Accepted ring records not yet resolved. */
    long pending()
    {
        return terminated ? 0 : Math.max(0, ring.getCursor() - resolved);
    }

    boolean terminated()
    {
        return terminated;
    }

    boolean abandoned()
    {
        return abandoned;
    }
}
