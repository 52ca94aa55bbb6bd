package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;
import java.time.Duration;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.Producers.Producer;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The writer generations of one file: the running one, the one being swapped out, and the counts of those
 * gone, so the counters carry on across reloads.
 *
 * <p>Producers call {@link #write} from any thread and never take a lock. The manager calls {@link #swap} and
 * {@link #stop} on the thread that applies a configuration, under Log4j2's manager lock.
 */
final class Generations
{
    private static final WriterMetrics NOTHING = new WriterMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, false, null);

    private final String name;
    private final Producers producers = new Producers();
    private final Object lock = new Object();
    private volatile Generation current;
    private Generation retiring;
    private WriterMetrics retired = NOTHING;

    Generations(final String name, final Generation first)
    {
        this.name = name;
        this.current = first;
    }

    Generation current()
    {
        return current;
    }

    /**
     * Encodes the event on the calling thread, then enqueues the bytes into the current generation.
     *
     * @return false if the record was dropped
     */
    boolean write(final Layout<?> layout, final LogEvent event, final boolean droppable, final boolean trigger)
    {
        final Producer producer = producers.get();
        if (producer.busy)
        {
            final EncodeBuffer nested = new EncodeBuffer();
            layout.encode(event, nested);
            return enqueue(producer, nested.record(), droppable, trigger);
        }
        producer.busy = true;
        try
        {
            layout.encode(event, producer.buffer);
            return enqueue(producer, producer.buffer.record(), droppable, trigger);
        }
        finally
        {
            producer.buffer.reset();
            producer.busy = false;
        }
    }

    /** Marks the producer inside a generation it has read after marking, so a swap waits for it. */
    private boolean enqueue(final Producer producer, final ByteBuffer record, final boolean droppable,
        final boolean trigger)
    {
        final Object outer = producer.inside;
        try
        {
            Generation generation;
            do
            {
                generation = current;
                producer.inside = generation;
            }
            while (generation != current);
            return generation.writer().enqueue(record, droppable, trigger);
        }
        finally
        {
            producer.leave(outer);
        }
    }

    /**
     * Makes {@code next} current, waits for the producers still inside the old generation, stops it, and once the
     * old writer has let go of the file runs {@code betweenWriters} and lets {@code next} write. Each wait is
     * bounded by {@code timeout}, the old generation's shutdown timeout; an old writer still inside a write at
     * the deadline lets {@code next} write when it leaves, on its own thread.
     */
    void swap(final Generation next, final Duration timeout, final Runnable betweenWriters)
    {
        final Generation old;
        synchronized (lock)
        {
            old = current;
            retiring = old;
            current = next;
        }
        producers.awaitNoneInside(old, timeout);
        try
        {
            stop(old, timeout);
        }
        finally
        {
            old.whenClosed(() ->
            {
                try
                {
                    betweenWriters.run();
                }
                finally
                {
                    next.open();
                }
            });
        }
    }

    /**
     * Stops the current generation within {@code timeout}. It stays current, so calls that arrive afterwards
     * are refused and still counted.
     */
    boolean stop(final Duration timeout)
    {
        return stop(current, timeout);
    }

    /** Counters of every generation so far. Any thread. */
    WriterMetrics metrics()
    {
        synchronized (lock)
        {
            final WriterMetrics sum = retiring == null ? retired : plus(retired, retiring.writer().metrics());
            return plus(sum, current.writer().metrics());
        }
    }

    private boolean stop(final Generation generation, final Duration timeout)
    {
        final long failedBefore = generation.writer().metrics().failed();
        final boolean drained = generation.writer().stop(timeout);
        final WriterMetrics last = generation.writer().metrics();
        synchronized (lock)
        {
            if (retiring == generation)
            {
                retired = plus(retired, last);
                retiring = null;
            }
        }
        if (!drained)
        {
            StatusLogger.getLogger().error("UnifiedWriter \"{}\": {} records were still in the ring after " +
                "shutdownTimeout {}; they are counted as failed", name, last.failed() - failedBefore, timeout);
        }
        return drained;
    }

    private static WriterMetrics plus(final WriterMetrics a, final WriterMetrics b)
    {
        return new WriterMetrics(a.enqueued() + b.enqueued(), a.written() + b.written(), a.dropped() + b.dropped(),
            a.failed() + b.failed(), a.errors() + b.errors(), a.restarts() + b.restarts(), a.pending() + b.pending(),
            a.batches() + b.batches(), a.bytesWritten() + b.bytesWritten(), b.fallbackToSync(),
            b.lastError() != null ? b.lastError() : a.lastError());
    }
}
