package io.github.unifiedwriter.core;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.unifiedwriter.core.Lifecycle.State;

/**
 * An asynchronous writer: producers copy serialized records into a preallocated Disruptor ring, and one
 * writer thread hands them to the destinations in batches.
 *
 * <p>Any thread may call any method. Producers encode into their own buffer first and only then call
 * {@link #enqueue}: a ring slot is claimed, filled by a copy, and published, never held while other code
 * runs. The steady-state enqueue takes no lock, makes no system call and allocates nothing. Everything that
 * depends on the writer's state (restart, reopen, stop, a synchronous write, the drain after a fallback) is
 * decided and done under the {@link Lifecycle} lock.
 */
public final class UnifiedWriter
{
    final RingBuffer<Slot> ring;
    private final SequenceBarrier barrier;
    private final Counters counters = new Counters();
    private final Lifecycle lifecycle;
    private final Ledger ledger;
    private final Destinations destinations;
    private final OwnRecords own = new OwnRecords(counters);
    private final SyncWriter sync;
    private final ManualWaitStrategy manual;
    private final WriterRequests requests;
    private final GuardedListener listener = new GuardedListener(this::config, counters);
    private final Backoff backoff;
    private final Intake intake;
    private final AtomicBoolean stopCalled = new AtomicBoolean();
    private final CountDownLatch stopDone = new CountDownLatch(1);
    private volatile WriterConfig config;
    private volatile boolean drained;

    private UnifiedWriter(final WriterConfig config, final List<? extends BatchDestination> destinations,
        final Backoff backoff)
    {
        this.config = config;
        this.backoff = backoff;
        this.destinations = new Destinations(destinations, counters);
        final long idleNanos = Math.min(config.flushInterval().toNanos(), TimeUnit.MILLISECONDS.toNanos(100));
        this.manual = config.mode() == Mode.MANUAL ? new ManualWaitStrategy(idleNanos) : null;
        final int size = config.async() ? config.ringSize() : WriterConfig.MIN_RING_SIZE;
        this.ring = RingBuffer.createMultiProducer(Slot::new, size, waitStrategy(config, idleNanos));
        this.barrier = ring.newBarrier();
        this.ledger = new Ledger(ring, counters);
        this.sync = new SyncWriter(ledger, this.destinations, own);
        this.lifecycle = new Lifecycle(config.async());
        this.requests = new WriterRequests(barrier, lifecycle);
        this.intake = new Intake(lifecycle, ledger, own, sync, requests, manual, listener, this::config);
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
        return start(config, Backoff.EXPONENTIAL, destinations);
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

    /** As {@link #start(WriterConfig, List)}, retrying failed batches on the given schedule. */
    static UnifiedWriter start(final WriterConfig config, final Backoff backoff,
        final List<? extends BatchDestination> destinations)
    {
        final UnifiedWriter writer = new UnifiedWriter(config, destinations, backoff);
        if (config.async())
        {
            final boolean interrupted = writer.lifecycle.lock();
            try
            {
                writer.startWriterThread();
            }
            finally
            {
                writer.lifecycle.unlock(interrupted);
            }
        }
        return writer;
    }

    /** Holder of the lifecycle lock, in fallback (or at start): a new writer thread takes over. */
    private void startWriterThread()
    {
        barrier.clearAlert();
        final WriterLoop loop = new WriterLoop(this, lifecycle, barrier, ledger, destinations, own, requests, manual,
            listener, backoff);
        final WriterThread thread = new WriterThread(loop, config.name());
        lifecycle.run(thread);
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
        return intake.enqueue(record, droppable, trigger, RecordBatch.NO_TIME);
    }

    /**
     * As {@link #enqueue(ByteBuffer, boolean, boolean)}, for a record that carries its event's time to the
     * destinations ({@link RecordBatch#time(int)}).
     *
     * @param record    the bytes to write, from the buffer's position to its limit
     * @param droppable false: never dropped by the queue policy; waits as under BLOCK when the ring is full
     * @param trigger   MANUAL mode: write everything up to and including this record, without waiting
     * @param time      the event's time, in milliseconds since the epoch
     * @return false if the record was dropped, or written synchronously without success
     */
    public boolean enqueue(final ByteBuffer record, final boolean droppable, final boolean trigger, final long time)
    {
        return intake.enqueue(record, droppable, trigger, time);
    }

    /**
     * Any thread: a call whose event never became a record, because the layout threw. It counts as offered
     * and failed, with the error.
     *
     * @param cause what the layout threw
     */
    public void encodeFailed(final Throwable cause)
    {
        counters.failedOnArrival.increment();
        counters.callError(cause, "layout failed to encode an event");
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
            requests.writeUpTo(cursor);
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
            while (ledger.resolved() < target && !ledger.terminated() && lifecycle.writer() != null)
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
        drainIfCallersWrite();
        return ledger.resolved() >= target || ledger.terminated();
    }

    /** Writes what the ring holds on this thread, if and only if callers are the ones who write now. */
    private void drainIfCallersWrite()
    {
        final boolean interrupted = lifecycle.lock();
        try
        {
            final State state = lifecycle.state();
            if (state == State.FALLBACK || state == State.SYNCHRONOUS)
            {
                sync.drain(config.batchSize());
            }
        }
        finally
        {
            lifecycle.unlock(interrupted);
        }
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
     * count as failed, the listener hears which of them a write call under way may still carry, and nothing
     * else is written. Once it returns, written, failed and pending no longer change. An interrupt does not
     * cut the drain short: the flag is restored on return. Idempotent: a second call waits for the first and
     * returns its result.
     *
     * @param timeout the longest the drain may take
     * @return true if everything was drained
     */
    public boolean stop(final Duration timeout)
    {
        if (!stopCalled.compareAndSet(false, true))
        {
            Uninterruptibly.await(stopDone, timeout);
            return drained;
        }
        try
        {
            drained = stopNow(timeout);
            intake.flushDropWarnings();
            return drained;
        }
        finally
        {
            stopDone.countDown();
        }
    }

    private boolean stopNow(final Duration timeout)
    {
        final Thread thread;
        boolean interrupted = lifecycle.lock();
        try
        {
            if (!lifecycle.stop())
            {
                sync.drain(config.batchSize());
                own.refuse();
                ledger.terminate();
                destinations.close();
                return true;
            }
            thread = lifecycle.writer();
        }
        finally
        {
            lifecycle.unlock(interrupted);
        }
        ledger.gate.signal();
        if (manual != null)
        {
            manual.release(Long.MAX_VALUE);
        }
        requests.wake();
        Uninterruptibly.join(thread, timeout);
        final Ledger.Abandoned abandoned;
        interrupted = lifecycle.lock();
        try
        {
            if (!lifecycle.stopped())
            {
                return true;
            }
            abandoned = ledger.abandon(own.abandon());
        }
        finally
        {
            lifecycle.unlock(interrupted);
        }
        listener.onStopTimedOut(abandoned.failed(), abandoned.inFlight());
        counters.seal();
        return false;
    }

    /** Writer thread, drained while stopping: ends the writer's life, unless the stop gave up on it first. */
    boolean terminate()
    {
        own.write(destinations, ledger);
        final boolean interrupted = lifecycle.lock();
        try
        {
            if (!lifecycle.stopped())
            {
                return false;
            }
            own.refuse();
            ledger.terminate();
        }
        finally
        {
            lifecycle.unlock(interrupted);
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
        final boolean interrupted = lifecycle.lock();
        try
        {
            abandoned = ledger.abandoned();
        }
        finally
        {
            lifecycle.unlock(interrupted);
        }
        if (abandoned)
        {
            destinations.close();
        }
    }

    /**
     * Writer thread, out of retries: publishes the fallback, then drains what the ring holds under the lock.
     *
     * @return false if the writer is stopping and must carry on draining
     */
    boolean fallBack(final Throwable failure)
    {
        final boolean interrupted = lifecycle.lock();
        try
        {
            if (!lifecycle.fallBack())
            {
                return false;
            }
            ledger.gate.signal();
            if (requests.takeReopen())
            {
                destinations.reopenAll();
            }
            else
            {
                destinations.reopenFailing();
            }
            sync.drain(config.batchSize());
        }
        finally
        {
            lifecycle.unlock(interrupted);
        }
        listener.onFallbackToSync(failure);
        return true;
    }

    /** Leaves synchronous fallback and starts a new writer thread. No effect otherwise. */
    public void restart()
    {
        final boolean interrupted = lifecycle.lock();
        try
        {
            if (lifecycle.state() != State.FALLBACK)
            {
                return;
            }
            sync.drain(config.batchSize());
            counters.restarted();
            startWriterThread();
        }
        finally
        {
            lifecycle.unlock(interrupted);
        }
        listener.onRestarted();
    }

    /** Reopens the destinations, for external log rotation: between two batches, by whoever writes now. */
    public void reopen()
    {
        final boolean interrupted = lifecycle.lock();
        try
        {
            switch (lifecycle.state())
            {
                case RUNNING:
                case STOPPING:
                    requests.reopen();
                    break;
                case SYNCHRONOUS:
                case FALLBACK:
                    destinations.reopenAll();
                    break;
                default:
                    break;
            }
        }
        finally
        {
            lifecycle.unlock(interrupted);
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
        if (needsNewWriter(c, newConfig))
        {
            throw new IllegalArgumentException("Invalid update: '" + newConfig + "'; accepted: the same ringSize, " +
                "mode, batchSize, bufferSize, async and (in LOOP mode) tick as the running writer: " + c);
        }
        config = newConfig;
    }

    /**
     * Whether going from {@code running} to {@code next} needs a new writer rather than a live update: the
     * ring's shape, the mode, the batch and buffer sizes, asynchrony, or the LOOP tick changed.
     *
     * @param running the settings of the running writer
     * @param next    the settings wanted
     * @return true if a live update cannot apply them
     */
    public static boolean needsNewWriter(final WriterConfig running, final WriterConfig next)
    {
        return running.ringSize() != next.ringSize() || running.mode() != next.mode() ||
            running.batchSize() != next.batchSize() || running.bufferSize() != next.bufferSize() ||
            running.async() != next.async() || running.mode() == Mode.LOOP && !running.tick().equals(next.tick());
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
        return counters.snapshot(ring.getCursor() + 1, pending, lifecycle.state() == State.FALLBACK);
    }

    /** {@return the free slots in the ring, never negative} */
    public long remainingCapacity()
    {
        return Math.max(0, ring.remainingCapacity());
    }

    /** {@return whether {@link #stop()} has begun} */
    public boolean isStopped()
    {
        return lifecycle.isStopping();
    }

    /** {@return whether a stop has finished: from then on, only calls that arrive later change the counters} */
    public boolean hasStopped()
    {
        return lifecycle.state() == State.STOPPED;
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

    /** {@return the lifecycle, for tests that hold its lock to line up a race} */
    Lifecycle lifecycle()
    {
        return lifecycle;
    }
}
