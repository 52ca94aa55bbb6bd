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
 * <p>Any thread may call any method. Producers encode into their own buffer first and only then call
 * {@link #enqueue}: a ring slot is claimed, filled by a copy, and published, never held while other code
 * runs. The steady-state enqueue takes no lock, makes no system call and allocates nothing.
 *
 * <p>The writer owns its life: its {@link State}, the writer thread, and the lifecycle lock, which orders every
 * transition and every action that depends on the state, checked and done in one step under it. Producers read
 * the state without the lock only to pick a path: the enqueue the ring cannot take ({@link Intake}), writes on
 * the callers' threads and the hand-over to and from them ({@link SyncWriter}), and the stop ({@link Shutdown})
 * decide again under the lock.
 */
public final class UnifiedWriter
{
    /**
     * Who writes: the caller holding the lock ({@code SYNCHRONOUS}, {@code FALLBACK}); the one writer thread
     * ({@code RUNNING}, {@code STOPPING}); nobody ({@code STOPPED}: a writer that stop gave up on begins no other
     * write). A writer thread that is no longer {@link #writerThread()} never writes again.
     */
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
        this.requests = new WriterRequests(this, barrier);
        this.own = new OwnRecords(ledger, requests);
        this.listener = new GuardedListener(this::config, ledger);
        this.sync = new SyncWriter(this, ledger, this.destinations, own, requests, listener);
        this.intake = new Intake(this, ledger, own, sync, requests, manual, listener);
        this.shutdown = new Shutdown(this, ledger, this.destinations, own, sync, requests, manual, listener, intake);
    }

    /** Starts a writer (a synchronous one if {@code async} is false) over destinations it owns and closes. */
    public static UnifiedWriter start(final WriterConfig config, final List<? extends BatchDestination> destinations)
    {
        return start(config, Backoff.EXPONENTIAL, destinations);
    }

    /** As {@link #start(WriterConfig, List)}. */
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

    /** Holder of the lock, in fallback (or at start): a new writer thread takes over. */
    private void startWriterThread()
    {
        if (state != State.FALLBACK)
        {
            throw new IllegalStateException("Invalid transition: 'run'");
        }
        barrier.clearAlert();
        final WriterLoop loop = new WriterLoop(this, shutdown, sync, barrier, ledger, destinations, own, requests,
            manual, listener, backoff);
        final WriterThread thread = new WriterThread(loop, config.name());
        writer = thread;
        state = State.RUNNING;
        thread.start();
    }

    /** Enqueues a droppable record, from its position to its limit; false if it was not accepted. */
    public boolean enqueue(final ByteBuffer record)
    {
        return enqueue(record, true, false);
    }

    /** As {@link #enqueue(ByteBuffer)}. */
    public boolean enqueue(final byte[] record)
    {
        return enqueue(ByteBuffer.wrap(record));
    }

    /** As {@link #enqueue(ByteBuffer, boolean, boolean, long)}, for a record that carries no time. */
    public boolean enqueue(final ByteBuffer record, final boolean droppable, final boolean trigger)
    {
        return enqueue(record, droppable, trigger, RecordBatch.NO_TIME);
    }

    /**
     * Producer threads. The fast path claims a slot with {@code tryNext()}, copies the record and publishes it;
     * the {@link Intake} takes a full ring, a writer that does not run, and the writer thread's own records.
     *
     * @param record    the bytes to write, from the buffer's position to its limit; copied, the position not moved
     * @param droppable false: never dropped by the queue policy; waits as under BLOCK when the ring is full
     * @param trigger   MANUAL mode: write everything up to and including this record, without waiting
     * @param time      the event's time in epoch milliseconds, for the destinations ({@link RecordBatch#time(int)})
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

    /** Any thread: a call whose event never became a record, because the layout threw; counted as failed. */
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

    /** As {@link #flush()}, for at most {@code timeout} (null: no limit); false if that was not enough. */
    public boolean flush(final Duration timeout)
    {
        final long target = ring.getCursor();
        trigger();
        final long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        return sync.flush(target, deadline, config.batchSize());
    }

    /** As {@link #stop(Duration)}, within the configured shutdown timeout. */
    public boolean stop()
    {
        return stop(config.shutdownTimeout());
    }

    /**
     * Stops accepting records, drains the ring within {@code timeout}, and closes the destinations; true if
     * everything was drained. Records left at the deadline count as failed, the listener hears which of them a
     * write call under way may still carry, and nothing else is written. Once it returns, written, failed and
     * pending no longer change. An interrupt does not cut the drain short. A second call waits for the first.
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

    /** Applies the settings that can change live; throws if they need a new writer ({@link #needsNewWriter}). */
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

    /** Any thread: a snapshot of the counters; pending is read from the ring and the writer's own records. */
    public WriterMetrics metrics()
    {
        final long pending = ledger.terminated() ? 0 : ledger.pending() + own.pending();
        return ledger.snapshot(pending, state == State.FALLBACK);
    }

    /** {@return the free slots in the ring, never negative} */
    public long remainingCapacity()
    {
        return Math.max(0, ring.remainingCapacity());
    }

    /** {@return whether {@link #stop()} has begun: the state can no longer change back to writing} */
    public boolean isStopped()
    {
        final State s = state;
        return s == State.STOPPING || s == State.STOPPED;
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

    /**
     * Takes the lock and clears the caller's interrupt flag while it holds it (an interrupted thread writing to a
     * {@code FileChannel} would close it for everyone); returns the flag, for {@link #unlock(boolean)}.
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
