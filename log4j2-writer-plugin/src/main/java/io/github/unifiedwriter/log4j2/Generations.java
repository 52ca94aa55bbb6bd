package io.github.unifiedwriter.log4j2;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.log4j2.Producers.Producer;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;

/**
 * The writer generations of one file: the running one, the one being swapped out, and the counts of those
 * gone, so the counters carry on across reloads.
 *
 * <p>Producers call {@link #write} from any thread and never take a lock. The manager calls {@link #swap} and
 * {@link #stop} on the thread that applies a configuration, under Log4j2's manager lock.
 */
final class Generations
{
    private final Producers producers = new Producers();
    private final Object lock = new Object();
    private volatile Generation current;
    /** Stopped generations that a producer may still enter: their counters can still change. Guarded by lock. */
    private final List<Generation> lingering = new ArrayList<>();
    /** Counters of the generations that no producer can reach any more: final. Guarded by lock. */
    private WriterMetrics retired = WriterMetrics.ZERO;

    Generations(final Generation first)
    {
        this.current = first;
    }

    Generation current()
    {
        return current;
    }

    /**
     * Encodes the event on the calling thread, then enqueues the bytes into the current generation. An event
     * the layout cannot encode counts as failed, with the error, and the exception goes on to the appender.
     *
     * @return false if the record was dropped
     */
    boolean write(final Layout<?> layout, final LogEvent event, final boolean droppable, final boolean trigger)
    {
        final Producer producer = producers.get();
        if (producer.busy)
        {
            final EncodeBuffer nested = new EncodeBuffer();
            encode(layout, event, nested);
            return enqueue(producer, nested.record(), droppable, trigger, event.getTimeMillis());
        }
        producer.busy = true;
        try
        {
            encode(layout, event, producer.buffer);
            return enqueue(producer, producer.buffer.record(), droppable, trigger, event.getTimeMillis());
        }
        finally
        {
            producer.buffer.reset();
            producer.busy = false;
        }
    }

    private void encode(final Layout<?> layout, final LogEvent event, final EncodeBuffer buffer)
    {
        try
        {
            buffer.encode(layout, event);
        }
        catch (final RuntimeException | Error ex)
        {
            current.writer().encodeFailed(ex);
            throw ex;
        }
    }

    /** Marks the producer inside a generation it has read after marking, so a swap waits for it. */
    private boolean enqueue(final Producer producer, final ByteBuffer record, final boolean droppable,
        final boolean trigger, final long time)
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
            return generation.writer().enqueue(record, droppable, trigger, time);
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
            lingering.add(old);
            current = next;
        }
        producers.awaitNoneInside(old, timeout);
        try
        {
            old.writer().stop(timeout);
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
        return current.writer().stop(timeout);
    }

    /**
     * Counters of every generation so far. A stopped generation is added up live while a producer may still
     * be inside it, and folded into the final totals once none can be. Any thread.
     */
    WriterMetrics metrics()
    {
        synchronized (lock)
        {
            WriterMetrics sum = retired;
            for (final Iterator<Generation> it = lingering.iterator(); it.hasNext(); )
            {
                final Generation generation = it.next();
                final boolean done = generation.writer().hasStopped() && producers.noneInside(generation);
                final WriterMetrics last = generation.writer().metrics();
                if (done && last.pending() == 0)
                {
                    retired = retired.plus(last);
                    it.remove();
                }
                sum = sum.plus(last);
            }
            return sum.plus(current.writer().metrics());
        }
    }
}
