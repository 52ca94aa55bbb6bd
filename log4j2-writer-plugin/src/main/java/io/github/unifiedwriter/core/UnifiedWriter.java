package io.github.unifiedwriter.core;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.github.unifiedwriter.core.BatchDestination.RecordBatch;
import io.github.unifiedwriter.core.Destinations.Slot;

/**
 * An asynchronous writer: producers copy serialized records into a preallocated Disruptor ring, and one
 * writer thread hands them to the destinations in batches.
 *
 * <p>Any thread may call any method. A ring slot is claimed, filled by a copy of a record already encoded, and
 * published, never held while other code runs; the steady-state enqueue takes no lock, makes no system call and
 * allocates nothing. The writer owns its life: its {@link State}, the writer thread, and the lifecycle lock, under
 * which every transition and every action that depends on the state is checked and done in one step. Producers
 * read the state without the lock only to pick a path; {@link Intake}, {@link SyncWriter} and {@link Shutdown}
 * decide again under the lock.
 */
public final class UnifiedWriter
{
    /** Who writes, in order: the lock's holder (SYNCHRONOUS, FALLBACK), the writer (RUNNING, STOPPING), nobody. */
    enum State
    {
        SYNCHRONOUS, RUNNING, FALLBACK, STOPPING, STOPPED
    }

    final RingBuffer<Slot> ring;
    private final SequenceBarrier barrier;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile State state;
    private volatile Thread writer;
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
        this.state = config.async() ? State.FALLBACK : State.SYNCHRONOUS; // a first writer thread takes over at once
        final long idleNanos = Math.min(config.flushInterval().toNanos(), TimeUnit.MILLISECONDS.toNanos(100));
        this.manual = config.mode() == Mode.MANUAL ? new ManualWaitStrategy(idleNanos) : null;
        final int size = config.async() ? config.ringSize() : WriterConfig.MIN_RING_SIZE;
        final WaitStrategy wait = switch (config.mode())
        {
            case LOOP -> new LoopWaitStrategy(config.tick().toNanos(), Math.min(config.batchSize(), config.ringSize() / 2));
            case MANUAL -> manual;
            case TRIGGER -> new TriggerWaitStrategy(idleNanos);
        };
        this.ring = RingBuffer.createMultiProducer(Slot::new, size, wait);
        this.barrier = ring.newBarrier();
        this.ledger = new Ledger(ring);
        this.destinations = new Destinations(destinations, ledger);
        this.requests = new WriterRequests(this, barrier, manual);
        this.own = new OwnRecords(ledger, requests);
        this.listener = new GuardedListener(this::config, ledger);
        this.sync = new SyncWriter(this, ledger, this.destinations, own, requests, listener);
        this.intake = new Intake(this, ledger, own, sync, requests, manual, listener);
        this.shutdown = new Shutdown(this, ledger, this.destinations, own, sync, requests, manual, listener, intake);
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
            final boolean interrupted = writer.lock();
            try
            {
                writer.startWriterThread();
            }
            finally
            {
                writer.unlock(interrupted);
            }
        }
        return writer;
    }

    /** Holder of the lock, in fallback (or at start, which is fallback too): a new writer thread takes over. */
    private void startWriterThread()
    {
        barrier.clearAlert();
        final WriterLoop loop = new WriterLoop(this, shutdown, sync, barrier, ledger, destinations, own, requests,
            manual, listener, backoff);
        final WriterThread thread = new WriterThread(loop, config.name());
        writer = thread;
        state = State.RUNNING;
        thread.start();
    }

    /**
     * Enqueues a droppable record that carries no time.
     *
     * @param record the bytes to write; copied
     * @return false if it was not accepted
     */
    public boolean enqueue(final byte[] record)
    {
        return enqueue(ByteBuffer.wrap(record), true, false, RecordBatch.NO_TIME);
    }

    /**
     * Producer threads. The fast path claims a slot with {@code tryNext()}, copies the record and publishes it;
     * the {@link Intake} takes a full ring, a writer that does not run, and the writer thread's own records.
     *
     * @param record    the bytes to write, from the buffer's position to its limit; copied, the position not moved
     * @param droppable false: never dropped by the queue policy; waits as under BLOCK when the ring is full
     * @param trigger   MANUAL mode: write everything up to and including this record, without waiting
     * @param time      the event's time in epoch milliseconds ({@link RecordBatch#time(int)}), or {@code NO_TIME}
     * @return false if the record was dropped, or written synchronously without success
     */
    public boolean enqueue(final ByteBuffer record, final boolean droppable, final boolean trigger, final long time)
    {
        if (Thread.currentThread() == writer || state != State.RUNNING)
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
        return state == State.RUNNING || intake.afterPublishNotRunning(sequence);
    }

    /**
     * Any thread: a call whose event never became a record, because the layout threw; counted as failed.
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
        requests.writeUpTo(ring.getCursor());
    }

    /** Blocks until every record published before the call is written, failed or dropped. */
    public void flush()
    {
        flush(null);
    }

    /**
     * As {@link #flush()}, for at most {@code timeout}.
     *
     * @param timeout the longest wait, or null for no limit
     * @return whether every record published before the call was resolved in time
     */
    public boolean flush(final Duration timeout)
    {
        final long target = ring.getCursor();
        trigger();
        final long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        return sync.flush(target, deadline, config.batchSize());
    }

    /** {@return true if everything was drained} As {@link #stop(Duration)}, within the configured shutdown timeout. */
    public boolean stop()
    {
        return stop(config.shutdownTimeout());
    }

    /**
     * Stops accepting records, drains the ring, and closes the destinations. Records left at the deadline count as
     * failed, the listener hears which of them a write call under way may still carry, and nothing else is written.
     * Once it returns, written, failed and pending no longer change. An interrupt does not cut the drain short; a
     * second call waits for the first.
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
        sync.reopen();
    }

    /**
     * Applies the settings that can change live.
     *
     * @param newConfig the new settings
     * @throws IllegalArgumentException if they need a new writer ({@link #needsNewWriter})
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

    /** {@return a snapshot of the counters} Any thread; pending is read from the ring and the writer's own records. */
    public WriterMetrics metrics()
    {
        return ledger.snapshot(ledger.terminated() ? 0 : ledger.pending() + own.pending(), state == State.FALLBACK);
    }

    /** {@return the free slots in the ring, never negative} */
    public long remainingCapacity()
    {
        return Math.max(0, ring.remainingCapacity());
    }

    /** {@return whether {@link #stop()} has begun: the state can no longer change back to writing} */
    public boolean isStopped()
    {
        return state.compareTo(State.STOPPING) >= 0;
    }

    /** {@return whether a stop has finished: from then on, only calls that arrive later change the counters} */
    public boolean hasStopped()
    {
        return state == State.STOPPED;
    }

    /** Any thread: the state; without the lock, only a hint of which path to take. */
    State state()
    {
        return state;
    }

    /** Any thread: the writer thread that may write while running or stopping, or null. */
    Thread writerThread()
    {
        return writer;
    }

    /** Any thread: whether the calling thread is the current writer thread. */
    boolean isWriter()
    {
        return Thread.currentThread() == writer;
    }

    /** Takes the lock, clearing the interrupt flag (which would close a FileChannel); returns it, for unlock. */
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

    /** Holder of the lock, on the writer thread: it gives up, and callers write from now on; false if not RUNNING. */
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

    /** Holder of the lock: no record is accepted from now on. True if a writer thread still drains (STOPPING). */
    boolean beginStop()
    {
        final boolean draining = state == State.RUNNING;
        state = draining ? State.STOPPING : State.STOPPED;
        return draining;
    }

    /** Holder of the lock: the writer drained, or the stopping thread gave up on it; false if over already. */
    boolean endStop()
    {
        if (state != State.STOPPING)
        {
            return false;
        }
        writer = null;
        state = State.STOPPED;
        return true;
    }
}
