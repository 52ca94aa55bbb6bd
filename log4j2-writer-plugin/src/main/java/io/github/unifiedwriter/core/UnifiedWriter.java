package io.github.unifiedwriter.core;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An asynchronous writer: producers copy serialized records into a preallocated Disruptor ring, and one
 * writer thread hands them to the destinations in batches.
 *
 * <p>Any thread may call any method. Producers encode into their own buffer first and only then call
 * {@link #enqueue}: a ring slot is claimed, filled by a copy, and published, never held while other code
 * runs. The steady-state enqueue takes no lock, makes no system call and allocates nothing.
 */
public final class UnifiedWriter
{
    static final int RUNNING = 0;
    static final int FALLBACK = 1;
    static final int SYNC = 2;
    static final int STOPPED = 3;

    final RingBuffer<Slot> ring;
    final SequenceBarrier barrier;
    /** Every sequence up to this one is written, failed or discarded, and its slot free. */
    final Sequence consumed = new Sequence(-1);
    final Counters counters = new Counters();
    final ProducerGate gate = new ProducerGate();
    final Destinations destinations;
    final ManualWaitStrategy manual;
    /** Serializes synchronous writes, and the hand-over between the writer thread and synchronous mode. */
    final ReentrantLock syncLock = new ReentrantLock();
    /** Guards the final accounting: a batch's commit against a stop that gave up waiting for it. */
    final ReentrantLock commitLock = new ReentrantLock();
    /** Records logged by the writing thread itself, written after its current batch. */
    final ListBatch ownRecords = new ListBatch();
    final AtomicLong flushTarget = new AtomicLong(-1);
    final DropWarnings dropWarnings;

    volatile WriterConfig config;
    volatile int state;
    volatile boolean terminated;
    volatile boolean abandoned;
    volatile boolean discardRequested;
    volatile boolean reopenRequested;
    volatile int ownPending;
    /** Set before {@link #terminated}: the last sequence the writer resolved itself rather than refused. */
    volatile long drainedUpTo = -1;
    volatile Thread writerThread;

    private final OneRecordBatch callerRecord = new OneRecordBatch();
    private final RingBatch syncBatch;
    private final AtomicBoolean stopCalled = new AtomicBoolean();
    private final CountDownLatch stopDone = new CountDownLatch(1);
    private volatile boolean drained;

    private UnifiedWriter(final WriterConfig config, final List<? extends BatchDestination> destinations)
    {
        this.config = config;
        this.destinations = new Destinations(destinations, counters);
        final long idleNanos = Math.min(config.flushInterval().toNanos(), TimeUnit.MILLISECONDS.toNanos(100));
        this.manual = config.mode() == Mode.MANUAL ? new ManualWaitStrategy(idleNanos) : null;
        final int size = config.async() ? config.ringSize() : WriterConfig.MIN_RING_SIZE;
        this.ring = RingBuffer.createMultiProducer(Slot::new, size, waitStrategy(config, idleNanos));
        this.ring.addGatingSequences(consumed);
        this.barrier = ring.newBarrier();
        this.syncBatch = new RingBatch(ring);
        this.dropWarnings = new DropWarnings();
        this.state = config.async() ? RUNNING : SYNC;
    }

    private WaitStrategy waitStrategy(final WriterConfig config, final long idleNanos)
    {
        switch (config.mode())
        {
            case LOOP:
                return new LoopWaitStrategy(config.tick().toNanos(), Math.min(config.batchSize(), config.ringSize() / 2));
            case MANUAL:
                return manual;
            default:
                return new LiteTimeoutBlockingWaitStrategy(idleNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Starts a writer over one or more destinations; it owns them and closes them on stop. */
    public static UnifiedWriter start(final WriterConfig config, final List<? extends BatchDestination> destinations)
    {
        final UnifiedWriter writer = new UnifiedWriter(config, destinations);
        if (config.async())
        {
            writer.startThread();
        }
        return writer;
    }

    public static UnifiedWriter start(final WriterConfig config, final BatchDestination... destinations)
    {
        return start(config, List.of(destinations));
    }

    private void startThread()
    {
        barrier.clearAlert();
        final Thread thread = new Thread(new WriterLoop(this), config.name());
        thread.setDaemon(true);
        writerThread = thread;
        thread.start();
    }

    /** Enqueues a droppable record, from its position to its limit. Returns false if it was not accepted. */
    public boolean enqueue(final ByteBuffer record)
    {
        return enqueue(record, true, false);
    }

    public boolean enqueue(final byte[] record)
    {
        return enqueue(ByteBuffer.wrap(record));
    }

    /**
     * Producer threads. The record's bytes are copied; the buffer's position is not moved.
     *
     * @param droppable false: never dropped by the queue policy; waits as under BLOCK when the ring is full
     * @param trigger   MANUAL mode: write everything up to and including this record, without waiting
     * @return false if the record was dropped, or written synchronously without success
     */
    public boolean enqueue(final ByteBuffer record, final boolean droppable, final boolean trigger)
    {
        if (Thread.currentThread() == writerThread)
        {
            return enqueueOwn(record);
        }
        if (state != RUNNING)
        {
            return enqueueNotRunning(record, droppable, trigger);
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
                return sequence == FALLEN_BACK && enqueueNotRunning(record, droppable, trigger);
            }
        }
        final Slot slot = ring.get(sequence);
        try
        {
            slot.fill(record, droppable);
        }
        catch (final Throwable t)
        {
            slot.invalidate();
        }
        finally
        {
            ring.publish(sequence);
        }
        counters.enqueued.increment();
        if (trigger && manual != null)
        {
            manual.release(sequence);
        }
        return state == RUNNING || afterPublishNotRunning(sequence);
    }

    private static final long DROPPED = -1;
    private static final long FALLEN_BACK = -2;

    /** Producer thread, ring full: applies the queue policy. Returns a claimed sequence, or a negative outcome. */
    private long claimWhenFull(final boolean droppable)
    {
        final WriterConfig c = config;
        final QueuePolicy policy = droppable ? c.policy() : QueuePolicy.BLOCK;
        if (policy == QueuePolicy.DROP_NEWEST || policy == QueuePolicy.WARN)
        {
            counters.dropped.increment();
            if (policy == QueuePolicy.WARN)
            {
                dropWarnings.dropped(c);
            }
            return DROPPED;
        }
        final Duration timeout = policy == QueuePolicy.BLOCK && droppable ? c.blockTimeout() : null;
        final long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
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
                    if (state != RUNNING)
                    {
                        return FALLEN_BACK;
                    }
                    if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0)
                    {
                        counters.dropped.increment();
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

    /** Producer thread waiting for room: MANUAL writes as if triggered, DROP_OLDEST discards the oldest. */
    private void askForRoom(final QueuePolicy policy)
    {
        if (policy == QueuePolicy.DROP_OLDEST)
        {
            discardRequested = true;
        }
        else if (manual != null)
        {
            manual.release(ring.getCursor());
        }
        wakeWriter();
    }

    /** Any thread: makes the writer look at its requests now, whatever it is waiting for. */
    void wakeWriter()
    {
        barrier.alert();
        final Thread t = writerThread;
        if (t != null)
        {
            LockSupport.unpark(t);
        }
    }

    /** Writer thread logging through itself: kept aside and written after the current batch. */
    private boolean enqueueOwn(final ByteBuffer record)
    {
        if (terminated)
        {
            counters.dropped.increment();
            return false;
        }
        final byte[] copy = new byte[record.remaining()];
        record.get(record.position(), copy);
        ownRecords.add(ByteBuffer.wrap(copy));
        ownPending = ownRecords.size();
        counters.enqueued.increment();
        return true;
    }

    private boolean enqueueNotRunning(final ByteBuffer record, final boolean droppable, final boolean trigger)
    {
        if (state == STOPPED)
        {
            counters.dropped.increment();
            return false;
        }
        syncLock.lock();
        try
        {
            if (state == STOPPED)
            {
                counters.dropped.increment();
                return false;
            }
            if (state != RUNNING)
            {
                return writeSync(record);
            }
        }
        finally
        {
            syncLock.unlock();
        }
        return enqueue(record, droppable, trigger);
    }

    /** Holder of the synchronous lock: writes what the ring still holds, then the caller's record. */
    private boolean writeSync(final ByteBuffer record)
    {
        if (syncLock.getHoldCount() > 1)
        {
            return enqueueOwn(record);
        }
        drainRingSync();
        counters.enqueued.increment();
        final int written = destinations.writeOnce(callerRecord.reset(record));
        callerRecord.clear();
        count(written, 1 - written, record.remaining());
        writeOwnRecords();
        return written == 1;
    }

    /**
     * Producer thread whose record went into the ring as the writer changed state: makes sure the record
     * is written, and tells the truth about whether it was.
     */
    private boolean afterPublishNotRunning(final long sequence)
    {
        if (state == STOPPED)
        {
            return awaitResolution(sequence);
        }
        syncLock.lock();
        try
        {
            drainRingSync();
            return true;
        }
        finally
        {
            syncLock.unlock();
        }
    }

    /** Waits until the stopping writer wrote this record, or ended without it (then it counts as dropped). */
    private boolean awaitResolution(final long sequence)
    {
        boolean interrupted = false;
        gate.enter();
        try
        {
            while (!terminated)
            {
                if (consumed.get() >= sequence && !terminated)
                {
                    return true;
                }
                interrupted |= gate.await(Long.MAX_VALUE);
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
        resolveOrphans();
        return sequence <= drainedUpTo;
    }

    /** After the writer ended, records claimed too late are refused: counted as dropped. */
    void resolveOrphans()
    {
        commitLock.lock();
        try
        {
            final long cursor = ring.getCursor();
            final long from = consumed.get();
            if (cursor > from)
            {
                counters.dropped.add(cursor - from);
                consumed.setVolatile(cursor);
            }
        }
        finally
        {
            commitLock.unlock();
        }
    }

    /** Holder of the synchronous lock: writes every record left in the ring, in order, once each. */
    void drainRingSync()
    {
        final long cursor = ring.getCursor();
        long next = consumed.get() + 1;
        while (next <= cursor)
        {
            long last = next;
            while (!ring.isAvailable(last))
            {
                Thread.onSpinWait();
            }
            while (last < cursor && last - next + 1 < config.batchSize() && ring.isAvailable(last + 1))
            {
                last++;
            }
            final long bytes = bytes(next, last);
            final long written = destinations.writeOnce(syncBatch, next, last);
            commit(last, written, last - next + 1 - written, bytes);
            next = last + 1;
        }
    }

    /** Writing thread: resolves ring records up to {@code last}, frees their slots and wakes waiters. */
    boolean commit(final long last, final long written, final long failed, final long bytes)
    {
        commitLock.lock();
        try
        {
            if (abandoned)
            {
                return false;
            }
            for (long s = consumed.get() + 1; s <= last; s++)
            {
                ring.get(s).release();
            }
            count(written, failed, bytes);
            consumed.setVolatile(last);
        }
        finally
        {
            commitLock.unlock();
        }
        gate.signal();
        return true;
    }

    private void count(final long written, final long failed, final long bytes)
    {
        counters.written.addAndGet(written);
        counters.failed.addAndGet(failed);
        if (written > 0)
        {
            counters.batches.incrementAndGet();
            counters.bytesWritten.addAndGet(bytes);
        }
    }

    long bytes(final long first, final long last)
    {
        long bytes = 0;
        for (long s = first; s <= last; s++)
        {
            bytes += ring.get(s).length();
        }
        return bytes;
    }

    /** Writing thread: writes the records it logged itself; they are not retried. */
    void writeOwnRecords()
    {
        if (ownRecords.isEmpty() || abandoned)
        {
            return;
        }
        long bytes = 0;
        for (int i = 0; i < ownRecords.size(); i++)
        {
            bytes += ownRecords.record(i).limit();
        }
        final int n = ownRecords.size();
        final int written = destinations.writeOnce(ownRecords);
        ownRecords.clear();
        ownPending = 0;
        count(written, n - written, bytes);
    }

    /** MANUAL: write every record published before this call. Other modes: write now. Never blocks. */
    public void trigger()
    {
        final long cursor = ring.getCursor();
        if (manual != null)
        {
            manual.release(cursor);
        }
        else
        {
            flushTarget.accumulateAndGet(cursor, Math::max);
            wakeWriter();
        }
    }

    /** Blocks until every record published before the call is written, failed or dropped. */
    public void flush()
    {
        flush(null);
    }

    /**
     * As {@link #flush()}, for at most {@code timeout} (null: no limit).
     *
     * @return whether every record published before the call was resolved in time
     */
    public boolean flush(final Duration timeout)
    {
        final long target = ring.getCursor();
        trigger();
        final long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        gate.enter();
        try
        {
            while (consumed.get() < target && !terminated && state == RUNNING)
            {
                if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0)
                {
                    return false;
                }
                interrupted |= gate.await(deadline);
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
        if (state == FALLBACK || state == SYNC)
        {
            syncLock.lock();
            try
            {
                drainRingSync();
            }
            finally
            {
                syncLock.unlock();
            }
        }
        return consumed.get() >= target;
    }

    /** Drains within the configured shutdown timeout; see {@link #stop(Duration)}. */
    public boolean stop()
    {
        return stop(config.shutdownTimeout());
    }

    /**
     * Stops accepting records, drains the ring, and closes the destinations. Records left at the deadline
     * count as failed. Idempotent: a second call waits for the first and returns its result.
     *
     * @return true if everything was drained
     */
    public boolean stop(final Duration timeout)
    {
        if (!stopCalled.compareAndSet(false, true))
        {
            awaitStop(timeout);
            return drained;
        }
        try
        {
            drained = doStop(timeout);
            return drained;
        }
        finally
        {
            stopDone.countDown();
        }
    }

    private boolean doStop(final Duration timeout)
    {
        syncLock.lock();
        final boolean synchronous;
        try
        {
            synchronous = state != RUNNING;
            state = STOPPED;
            if (synchronous)
            {
                drainRingSync();
                writeOwnRecords();
                terminated = true;
                resolveOrphans();
                destinations.close();
            }
        }
        finally
        {
            syncLock.unlock();
        }
        gate.signal();
        dropWarnings.flush(config);
        if (synchronous)
        {
            return true;
        }
        if (manual != null)
        {
            manual.release(Long.MAX_VALUE);
        }
        wakeWriter();
        final Thread thread = writerThread;
        try
        {
            thread.join(Math.max(1, timeout.toMillis()));
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive())
        {
            return true;
        }
        abandon();
        return false;
    }

    /** The writer did not finish in time: everything it still holds counts as failed. */
    private void abandon()
    {
        commitLock.lock();
        try
        {
            abandoned = true;
            drainedUpTo = consumed.get();
            terminated = true;
            final long cursor = ring.getCursor();
            counters.failed.addAndGet(Math.max(0, cursor - consumed.get()) + ownPending);
            ownPending = 0;
            consumed.setVolatile(cursor);
        }
        finally
        {
            commitLock.unlock();
        }
        gate.signal();
    }

    private void awaitStop(final Duration timeout)
    {
        try
        {
            stopDone.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves synchronous fallback and starts a new writer thread. No effect otherwise. */
    public void restart()
    {
        syncLock.lock();
        try
        {
            if (state != FALLBACK)
            {
                return;
            }
            drainRingSync();
            writeOwnRecords();
            state = RUNNING;
            counters.restarts.incrementAndGet();
            startThread();
        }
        finally
        {
            syncLock.unlock();
        }
        config.listener().onRestarted();
    }

    /** Asks the writer to reopen its destinations between two batches, for external log rotation. */
    public void reopen()
    {
        if (state == RUNNING)
        {
            reopenRequested = true;
            wakeWriter();
            return;
        }
        syncLock.lock();
        try
        {
            if (state != STOPPED)
            {
                destinations.reopenAll();
            }
        }
        finally
        {
            syncLock.unlock();
        }
    }

    /**
     * Applies the settings that can change live: policy, intervals, timeouts, restart limits, listener.
     *
     * @throws IllegalArgumentException if the new configuration changes the ring size, mode, batch or
     *                                  buffer size, or asynchrony, which need a new writer
     */
    public void update(final WriterConfig newConfig)
    {
        final WriterConfig c = config;
        if (c.ringSize() != newConfig.ringSize() || c.mode() != newConfig.mode() ||
            c.batchSize() != newConfig.batchSize() || c.bufferSize() != newConfig.bufferSize() ||
            c.async() != newConfig.async() || c.tick().equals(newConfig.tick()) == false && c.mode() == Mode.LOOP)
        {
            throw new IllegalArgumentException("Invalid update: '" + newConfig + "'; accepted: the same ringSize, " +
                "mode, batchSize, bufferSize, async and (in LOOP mode) tick as the running writer: " + c);
        }
        config = newConfig;
    }

    public WriterConfig config()
    {
        return config;
    }

    /** Any thread: a consistent-enough snapshot; pending is read from the ring's sequences. */
    public WriterMetrics metrics()
    {
        final long pending = terminated ? 0 : Math.max(0, ring.getCursor() - consumed.get()) + ownPending;
        return counters.snapshot(pending, state == FALLBACK);
    }

    /** Free slots in the ring, never negative. */
    public long remainingCapacity()
    {
        return Math.max(0, ring.remainingCapacity());
    }

    public boolean isStopped()
    {
        return state == STOPPED;
    }

    /** Bytes the ring's slots hold on to: at most ring size times {@link Slot#RETAINED_BYTES} once idle. */
    long retainedSlotBytes()
    {
        long total = 0;
        for (int i = 0; i < ring.getBufferSize(); i++)
        {
            total += ring.get(i).capacity();
        }
        return total;
    }
}
