package io.github.unifiedwriter.core;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

/**
 * An asynchronous writer: producers copy serialized records into a preallocated Disruptor ring, and one
 * writer thread hands them to the destinations in batches.
 *
 * <p>Any thread may call any method. Producers encode into their own buffer first and only then call
 * {@link #enqueue}: a ring slot is claimed, filled by a copy, and published, never held while other code runs.
 */
public final class UnifiedWriter
{
    private UnifiedWriter()
    {
    }

    /** Starts a writer over one or more destinations; it owns and closes them. */
    public static UnifiedWriter start(final WriterConfig config, final List<? extends BatchDestination> destinations)
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    public static UnifiedWriter start(final WriterConfig config, final BatchDestination... destinations)
    {
        return start(config, List.of(destinations));
    }

    /** Enqueues a droppable record, from its position to its limit. Returns false if it was dropped. */
    public boolean enqueue(final ByteBuffer record)
    {
        return enqueue(record, true, false);
    }

    public boolean enqueue(final byte[] record)
    {
        return enqueue(ByteBuffer.wrap(record));
    }

    /**
     * @param droppable false: never dropped by the queue policy; waits as under BLOCK when the ring is full
     * @param trigger   MANUAL mode: write everything up to and including this record, without waiting
     * @return false if the record was dropped (or the writer is stopped)
     */
    public boolean enqueue(final ByteBuffer record, final boolean droppable, final boolean trigger)
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** MANUAL: write every record published before this call. Other modes: write now. Never blocks. */
    public void trigger()
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Blocks until every record published before the call is written, failed or dropped. */
    public void flush()
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** As {@link #flush()}, for at most {@code timeout}; returns whether it got there. */
    public boolean flush(final Duration timeout)
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Drains within the configured shutdown timeout; see {@link #stop(Duration)}. */
    public boolean stop()
    {
        return stop(config().shutdownTimeout());
    }

    /**
     * Stops accepting records, drains the ring, and closes the destinations. Records left at the deadline
     * count as failed. Idempotent.
     *
     * @return true if everything was drained
     */
    public boolean stop(final Duration timeout)
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Leaves synchronous fallback and starts a new writer thread. No effect otherwise. */
    public void restart()
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Asks the writer to reopen its destinations between two batches, for external log rotation. */
    public void reopen()
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    /**
     * Applies the settings that can change live: policy, intervals, timeouts, restart limits, listener.
     *
     * @throws IllegalArgumentException if the new configuration changes the ring size, mode, batch or
     *                                  buffer size, or asynchrony, which need a new writer
     */
    public void update(final WriterConfig newConfig)
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    public WriterConfig config()
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    public WriterMetrics metrics()
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** Free slots in the ring, never negative. */
    public long remainingCapacity()
    {
        throw new UnsupportedOperationException("engine under construction");
    }

    public boolean isStopped()
    {
        throw new UnsupportedOperationException("engine under construction");
    }
}
