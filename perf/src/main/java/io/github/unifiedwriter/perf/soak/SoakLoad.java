package io.github.unifiedwriter.perf.soak;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.Recorder;
import org.apache.logging.log4j.Logger;

import io.github.unifiedwriter.perf.check.TaggedLineParser;
import io.github.unifiedwriter.perf.latency.Pacer;

/**
 * The soak's producers: each thread ({@code soak-<i>}) sends at its share of a fixed rate until told to
 * stop, numbering its events from 0. Each call's latency, from its intended start, goes into a
 * {@link Recorder} that the reporting thread reads interval by interval.
 */
final class SoakLoad
{
    private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Logger logger;
    private final String runId;
    private final long interval;
    private final AtomicLongArray calls;
    private final Recorder latency = new Recorder(MAX_NANOS, 3);
    private final Thread[] producers;
    private volatile boolean running = true;

    SoakLoad(final Logger logger, final String runId, final int threads, final double rate)
    {
        this.logger = logger;
        this.runId = runId;
        this.interval = (long)(threads * 1e9 / rate);
        this.calls = new AtomicLongArray(threads);
        this.producers = new Thread[threads];
        final long origin = System.nanoTime();
        for (int p = 0; p < threads; p++)
        {
            final int index = p;
            final long first = origin + p * interval / threads;
            producers[p] = new Thread(() -> produce(index, first), "soak-" + p);
            producers[p].start();
        }
    }

    void stop() throws InterruptedException
    {
        running = false;
        for (final Thread producer : producers)
        {
            producer.join();
        }
    }

    long calls()
    {
        long sum = 0;
        for (int p = 0; p < calls.length(); p++)
        {
            sum += calls.get(p);
        }
        return sum;
    }

    /** Calls made by each producer; exact once {@link #stop()} has returned. */
    long[] callsPerProducer()
    {
        final long[] counts = new long[calls.length()];
        for (int p = 0; p < counts.length; p++)
        {
            counts[p] = calls.get(p);
        }
        return counts;
    }

    Recorder latency()
    {
        return latency;
    }

    private void produce(final int index, final long first)
    {
        final String pattern = TaggedLineParser.messagePattern();
        for (long seq = 0; running; seq++)
        {
            final long intended = first + seq * interval;
            Pacer.awaitNanoTime(intended);
            logger.info(pattern, runId, index, seq, intended);
            latency.recordValue(Math.min(MAX_NANOS, Math.max(0, System.nanoTime() - intended)));
            calls.lazySet(index, seq + 1);
        }
    }
}
