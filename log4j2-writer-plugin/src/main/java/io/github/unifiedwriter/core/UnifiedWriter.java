package io.github.unifiedwriter.core;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
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
    private static final long DROPPED = -1;
    private static final long GONE_SYNC = -2;

    final RingBuffer<Slot> ring;
    final SequenceBarrier barrier;
    final Counters counters = new Counters();
    final Ledger ledger;
    final Destinations destinations;
    final OwnRecords own = new OwnRecords(counters);
    final SyncWriter sync;
    final ManualWaitStrategy manual;
    final AtomicLong flushTarget = new AtomicLong(-1);
    private final DropWarnings dropWarnings = new DropWarnings();
    private final AtomicBoolean stopCalled = new AtomicBoolean();
    private final CountDownLatch stopDone = new CountDownLatch(1);

    volatile WriterConfig config;
    volatile int state;
    volatile boolean discardRequested;
    volatile boolean reopenRequested;
    volatile Thread writerThread;
    private volatile boolean drained;

    private UnifiedWriter(final WriterConfig config, final List<? extends BatchDestination> destinations)
    {
        this.config = config;
        this.destinations = new Destinations(destinations, counters);
        final long idleNanos = Math.min(config.flushInterval().toNanos(), TimeUnit.MILLISECONDS.toNanos(100));
        this.manual = config.mode() == Mode.MANUAL ? new ManualWaitStrategy(idleNanos) : null;
        final int size = config.async() ? config.ringSize() : WriterConfig.MIN_RING_SIZE;
        this.ring = RingBuffer.createMultiProducer(Slot::new, size, waitStrategy(config, idleNanos));
        this.barrier = ring.newBarrier();
        this.ledger = new Ledger(ring, counters);
        this.sync = new SyncWriter(ledger, this.destinations, own);
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
                return new TriggerWaitStrategy(idleNanos);
        }
    }

    /**
     * Starts a writer over one or more destinations; it owns them and closes them on stop.
     *
     * @param config       the settings
     * @param destinations where every record goes, each at its own pace
     * @return the running writer (or, with {@code async} false, the synchronous one)
     */
    public static UnifiedWriter start(final WriterConfig config, final List<? extends BatchDestination> destinations)
    {
        final UnifiedWriter writer = new UnifiedWriter(config, destinations);
        if (config.async())
        {
            writer.startThread();
        }
        return writer;
    }

    /**
     * As {@link #start(WriterConfig, List)}.
     *
     * @param config       the settings
     * @param destinations where every record goes
     * @return the running writer
     */
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

    /**
     * Enqueues a droppable record, from its position to its limit.
     *
     * @param record the bytes to write; copied, its position not moved
     * @return false if it was not accepted
     */
    public boolean enqueue(final ByteBuffer record)
    {
        return enqueue(record, true, false);
    }

    /**
     * Enqueues a droppable record.
     *
     * @param record the bytes to write; copied
     * @return false if it was not accepted
     */
    public boolean enqueue(final byte[] record)
    {
        return enqueue(ByteBuffer.wrap(record));
    }

    /**
     * Producer threads. The record's bytes are copied; the buffer's position is not moved.
     *
     * @param record    the bytes to write, from the buffer's position to its limit
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
                return sequence == GONE_SYNC && enqueueNotRunning(record, droppable, trigger);
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
        if (trigger && manual != null)
        {
            manual.release(sequence);
        }
        return state == RUNNING || afterPublishNotRunning(sequence);
    }

    /** Producer thread, ring full: applies the queue policy. Returns a claimed sequence or a negative outcome. */
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
                    if (state != RUNNING)
                    {
                        return GONE_SYNC;
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

    /** Producer waiting for room: MANUAL writes as if triggered, DROP_OLDEST discards the oldest. */
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

    private boolean enqueueOwn(final ByteBuffer record)
    {
        if (ledger.terminated())
        {
            counters.dropped.increment();
            return false;
        }
        own.add(record);
        return true;
    }

    private boolean enqueueNotRunning(final ByteBuffer record, final boolean droppable, final boolean trigger)
    {
        if (state == STOPPED)
        {
            counters.dropped.increment();
            return false;
        }
        final boolean interrupted = sync.lock();
        try
        {
            if (state == STOPPED)
            {
                counters.dropped.increment();
                return false;
            }
            if (state != RUNNING)
            {
                return sync.reentered() ? enqueueOwn(record) : sync.write(record, config.batchSize());
            }
        }
        finally
        {
            sync.unlock(interrupted);
        }
        return enqueue(record, droppable, trigger);
    }

    /** Producer whose record was published as the writer changed state: makes sure it is written, truthfully. */
    private boolean afterPublishNotRunning(final long sequence)
    {
        if (state == STOPPED)
        {
            return ledger.awaitResolution(sequence);
        }
        drainSync();
        return true;
    }

    private void drainSync()
    {
        final boolean interrupted = sync.lock();
        try
        {
            sync.drainRing(config.batchSize());
        }
        finally
        {
            sync.unlock(interrupted);
        }
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
     * @param timeout the longest wait, or null
     * @return whether every record published before the call was resolved in time
     */
    public boolean flush(final Duration timeout)
    {
        final long target = ring.getCursor();
        trigger();
        final long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        final ProducerGate gate = ledger.gate;
        boolean interrupted = false;
        gate.enter();
        try
        {
            while (ledger.consumed.get() < target && !ledger.terminated() && state == RUNNING)
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
            drainSync();
        }
        return ledger.consumed.get() >= target;
    }

    /**
     * Drains within the configured shutdown timeout; see {@link #stop(Duration)}.
     *
     * @return true if everything was drained
     */
    public boolean stop()
    {
        return stop(config.shutdownTimeout());
    }

    /**
     * Stops accepting records, drains the ring, and closes the destinations. Records left at the deadline
     * count as failed. Idempotent: a second call waits for the first and returns its result.
     *
     * @param timeout the longest the drain may take
     * @return true if everything was drained
     */
    public boolean stop(final Duration timeout)
    {
        if (!stopCalled.compareAndSet(false, true))
        {
            try
            {
                stopDone.await(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
            return drained;
        }
        try
        {
            drained = stopNow(timeout);
            dropWarnings.flush(config);
            return drained;
        }
        finally
        {
            stopDone.countDown();
        }
    }

    private boolean stopNow(final Duration timeout)
    {
        final boolean interrupted = sync.lock();
        try
        {
            final boolean synchronous = state != RUNNING;
            state = STOPPED;
            if (synchronous)
            {
                sync.drainRing(config.batchSize());
                own.write(destinations, ledger);
                own.refuse();
                ledger.terminate();
                destinations.close();
                return true;
            }
        }
        finally
        {
            sync.unlock(interrupted);
        }
        ledger.gate.signal();
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
        ledger.abandon(own.abandon());
        return false;
    }

    /** Leaves synchronous fallback and starts a new writer thread. No effect otherwise. */
    public void restart()
    {
        final boolean interrupted = sync.lock();
        try
        {
            if (state != FALLBACK)
            {
                return;
            }
            sync.drainRing(config.batchSize());
            own.write(destinations, ledger);
            state = RUNNING;
            counters.restarts.incrementAndGet();
            startThread();
        }
        finally
        {
            sync.unlock(interrupted);
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
        final boolean interrupted = sync.lock();
        try
        {
            if (state != STOPPED)
            {
                destinations.reopenAll();
            }
        }
        finally
        {
            sync.unlock(interrupted);
        }
    }

    /**
     * Applies the settings that can change live: policy, intervals, timeouts, restart limits, listener.
     *
     * @param newConfig the new settings
     * @throws IllegalArgumentException if the new configuration changes the ring size, mode, batch or
     *                                  buffer size, asynchrony, or the LOOP tick, which need a new writer
     */
    public void update(final WriterConfig newConfig)
    {
        final WriterConfig c = config;
        if (c.ringSize() != newConfig.ringSize() || c.mode() != newConfig.mode() ||
            c.batchSize() != newConfig.batchSize() || c.bufferSize() != newConfig.bufferSize() ||
            c.async() != newConfig.async() || c.mode() == Mode.LOOP && !c.tick().equals(newConfig.tick()))
        {
            throw new IllegalArgumentException("Invalid update: '" + newConfig + "'; accepted: the same ringSize, " +
                "mode, batchSize, bufferSize, async and (in LOOP mode) tick as the running writer: " + c);
        }
        config = newConfig;
    }

    /** {@return the settings in effect} */
    public WriterConfig config()
    {
        return config;
    }

    /**
     * Any thread: pending is read from the ring's sequences and the writer's own buffer.
     *
     * @return a snapshot of the counters
     */
    public WriterMetrics metrics()
    {
        final long pending = ledger.terminated() ? 0 : ledger.pending() + own.pending();
        return counters.snapshot(ring.getCursor() + 1, pending, state == FALLBACK);
    }

    /** {@return the free slots in the ring, never negative} */
    public long remainingCapacity()
    {
        return Math.max(0, ring.remainingCapacity());
    }

    /** {@return whether {@link #stop()} has begun} */
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
