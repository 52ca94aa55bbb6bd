package io.github.unifiedwriter.log4j2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.unifiedwriter.core.UnifiedWriter;
import io.github.unifiedwriter.core.WriterConfig;
import io.github.unifiedwriter.core.WriterMetrics;

/**
 * The writers of one file, one after another: the running one, the ones being swapped out, and the counts of
 * those gone, so the counters carry on across reloads. A reload that reshapes the ring starts a new writer while
 * the old one still drains: the new one accepts records at once, and writes once the old one has let go of the
 * file. Records are therefore written in the order they were accepted, and the file has one writer at a time.
 *
 * <p>The manager calls {@link #swap} and {@link #stop} on the thread that applies a configuration, under
 * Log4j2's manager lock; any thread reads the rest. Callers never come here: they enqueue through the
 * {@link Encoder}.
 */
final class Generations
{
    private final ManagedFile file;
    private final Encoder encoder;
    private final Object lock = new Object();
    private volatile Generation current;
    /** Stopped generations that a caller may still enter: their counters can still change. Guarded by lock. */
    private final List<Generation> lingering = new ArrayList<>();
    /** Counters of the generations that no caller can reach any more: final. Guarded by lock. */
    private WriterMetrics retired = WriterMetrics.ZERO;

    /** One writer over the file, from its start to its stop, and its turn at the file. */
    private record Generation(UnifiedWriter writer, ManagedFile.Turn turn)
    {
        static Generation start(final WriterConfig config, final ManagedFile file, final boolean open)
        {
            final ManagedFile.Turn turn = file.turn(open);
            return new Generation(UnifiedWriter.start(config, turn), turn);
        }
    }

    /** Starts the first writer, which writes at once. */
    Generations(final WriterConfig config, final ManagedFile file)
    {
        this.file = file;
        this.current = Generation.start(config, file, true);
        this.encoder = new Encoder(current.writer());
    }

    /** {@return where callers encode and enqueue} */
    Encoder encoder()
    {
        return encoder;
    }

    /** {@return the running writer} */
    UnifiedWriter writer()
    {
        return current.writer();
    }

    /**
     * Starts a writer with {@code config} that takes records at once, waits for the callers still inside the old
     * writer, stops it, and once the old writer has let go of the file runs {@code betweenWriters} and lets the new
     * one write. Each wait is bounded by {@code timeout}, the old writer's shutdown timeout; an old writer still
     * inside a write at the deadline lets the new one write when it leaves, on its own thread.
     *
     * @throws RuntimeException or OutOfMemoryError when the new writer cannot start; the old one runs on
     */
    void swap(final WriterConfig config, final Duration timeout, final Runnable betweenWriters)
    {
        final Generation next = Generation.start(config, file, false);
        final Generation old;
        synchronized (lock)
        {
            old = current;
            lingering.add(old);
            current = next;
            encoder.switchTo(next.writer());
        }
        encoder.awaitNoneInside(old.writer(), timeout);
        try
        {
            old.writer().stop(timeout);
        }
        finally
        {
            old.turn().whenClosed(() ->
            {
                try
                {
                    betweenWriters.run();
                }
                finally
                {
                    next.turn().open();
                }
            });
        }
    }

    /**
     * Stops the current writer within {@code timeout}, then runs {@code afterClose} once it has let go of the file.
     * It stays current, so calls that arrive afterwards are refused and still counted.
     *
     * @return whether it drained in time
     */
    boolean stop(final Duration timeout, final Runnable afterClose)
    {
        final Generation last = current;
        final boolean drained = last.writer().stop(timeout);
        last.turn().whenClosed(afterClose);
        return drained;
    }

    /**
     * Counters of every generation so far. A stopped generation is added up live while a caller may still be
     * inside it, and folded into the final totals once none can be. Any thread.
     */
    WriterMetrics metrics()
    {
        synchronized (lock)
        {
            WriterMetrics sum = retired;
            for (final Iterator<Generation> it = lingering.iterator(); it.hasNext(); )
            {
                final UnifiedWriter writer = it.next().writer();
                final boolean done = writer.hasStopped() && encoder.noneInside(writer);
                final WriterMetrics last = writer.metrics();
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
