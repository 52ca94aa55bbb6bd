package io.github.unifiedwriter.core;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.unifiedwriter.core.Lifecycle.State;

/**
 * An asynchronous writer: producers copy serialized records into a preallocated Disruptor ring, and one
 * writer thread hands them to the destinations in batches.
 *
 * <p>Any thread may call any method. Producers encode into their own buffer first and only then call
 * {@link #enqueue}: a ring slot is claimed, filled by a copy, and published, never held while other code
 * runs. The steady-state enqueue takes no lock, makes no system call and allocates nothing. Everything that
 * depends on the writer's state is decided and done under the {@link Lifecycle} lock: the enqueue the ring cannot
 * take ({@link Intake}), writes on the callers' threads and the hand-over to and from them ({@link SyncWriter}),
 * and the stop ({@link Shutdown}).
 */
public final class UnifiedWriter
{
    final RingBuffer<Slot> ring;
    private final SequenceBarrier barrier;
    private final Lifecycle lifecycle;
    private final Ledger ledger;
    private final Destinations destinations;
    private final OwnRecords own;
    private final SyncWriter sync;
    private final ManualWaitStrategy manual;
    private final WriterRequests requests;
    private final GuardedListener listener;
    private final Backoff backoff;
    private final Intake intake;
    private final Shutdown shutdown;
    private volatile WriterConfig config;

    private UnifiedWriter(final WriterConfig config, final List<? extends BatchDestination> destinations,
        final Backoff backoff)
    {
        this.config = config;
        this.backoff = backoff;
        final long idleNanos = Math.min(config.flushInterval().toNanos(), TimeUnit.MILLISECONDS.toNanos(100));
        this.manual = config.mode() == Mode.MANUAL ? new ManualWaitStrategy(idleNanos) : null;
        final int size = config.async() ? config.ringSize() : WriterConfig.MIN_RING_SIZE;
        this.ring = RingBuffer.createMultiProducer(Slot::new, size, waitStrategy(config, idleNanos));
        this.barrier = ring.newBarrier();
        this.ledger = new Ledger(ring);
        this.destinations = new Destinations(destinations, ledger);
        this.own = new OwnRecords(ledger);
        this.listener = new GuardedListener(this::config, ledger);
        this.lifecycle = new Lifecycle(config.async());
        this.requests = new WriterRequests(barrier, lifecycle);
        this.sync = new SyncWriter(lifecycle, ledger, this.destinations, own, requests, listener);
        this.intake = new Intake(this, lifecycle, ledger, own, sync, requests, manual, listener, this::config);
        this.shutdown = new Shutdown(lifecycle, ledger, this.destinations, own, sync, requests, manual, listener,
            intake);
    }

    private WaitStrategy waitStrategy(final WriterConfig config, final long idleNanos)
    {
        return switch (config.mode())
        {
            case LOOP -> new LoopWaitStrategy(config.tick().toNanos(), Math.min(config.batchSize(), config.ringSize() / 2));
            case MANUAL -> manual;
            case TRIGGER -> new TriggerWaitStrategy(idleNanos);
        };
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
        final WriterLoop loop = new WriterLoop(this, lifecycle, shutdown, sync, barrier, ledger, destinations, own,
            requests, manual, listener, backoff);
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
        return enqueue(record, droppable, trigger, RecordBatch.NO_TIME);
    }

    /**
     * As {@link #enqueue(ByteBuffer, boolean, boolean)}, for a record that carries its event's time to the
     * destinations ({@link RecordBatch#time(int)}). The fast path claims a slot with {@code tryNext()}, copies the
     * record and publishes it; the {@link Intake} takes a full ring, a writer that does not run, and the writer
     * thread's own records.
     *
     * @param record    the bytes to write, from the buffer's position to its limit
     * @param droppable false: never dropped by the queue policy; waits as under BLOCK when the ring is full
     * @param trigger   MANUAL mode: write everything up to and including this record, without waiting
     * @param time      the event's time, in milliseconds since the epoch
     * @return false if the record was dropped, or written synchronously without success
     */
    public boolean enqueue(final ByteBuffer record, final boolean droppable, final boolean trigger, final long time)
    {
        if (lifecycle.isWriter() || lifecycle.state() != State.RUNNING)
        {
            return intake.aside(record, droppable, trigger, time);
        }
        long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException e)
        {
            sequence = intake.claimWhenFull(droppable);
            if (sequence < 0)
            {
                return sequence == Intake.NOT_RUNNING && intake.aside(record, droppable, trigger, time);
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
        return lifecycle.state() == State.RUNNING || intake.afterPublishNotRunning(sequence);
    }

    /**
     * Any thread: a call whose event never became a record, because the layout threw. It counts as offered
     * and failed, with the error.
     *
     * @param cause what the layout threw
     */
    public void encodeFailed(final Throwable cause)
    {
        ledger.failedOnArrival.increment();
        ledger.callError(cause, "layout failed to encode an event");
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
        if (!ledger.gate.awaitResolved(ledger, target, deadline, lifecycle))
        {
            return false;
        }
        sync.drainIfCallersWrite(config.batchSize());
        return ledger.resolved() >= target || ledger.terminated();
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
        return shutdown.stop(timeout, config.batchSize());
    }

    /** Leaves synchronous fallback and starts a new writer thread. No effect otherwise. */
    public void restart()
    {
        sync.restart(config.batchSize(), this::startWriterThread);
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
        return ledger.snapshot(pending, lifecycle.state() == State.FALLBACK);
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

    /** {@return the lifecycle, for tests that hold its lock to line up a race} */
    Lifecycle lifecycle()
    {
        return lifecycle;
    }
}
