package io.github.unifiedwriter.perf.demo;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.apache.logging.log4j.Logger;

import io.github.unifiedwriter.perf.check.SequenceTracker;
import io.github.unifiedwriter.perf.check.TaggedLineParser;

/**
 * The demo's producers: {@code threads} threads named {@code demo-<i>}, each logging its share of the
 * events, numbered from 0, through the Log4j2 API. Every {@value #ERROR_EVERY}th event of a thread is an
 * ERROR, which makes a flight-recorder appender write the context before it.
 */
final class DemoLoad
{
    static final int ERROR_EVERY = 100_000;
    private static final int PUBLISH_EVERY = 256;
    private static final String PAYLOAD = "the quick brown fox jumps over the lazy dog";

    private final Logger logger;
    private final String runId;
    private final long events;
    private final int threads;
    private final double rate;
    private final AtomicLongArray done;
    private final CountDownLatch go = new CountDownLatch(1);
    private final Thread[] producers;

    /** @param rate calls per second for all threads together; 0 for as fast as they can */
    DemoLoad(final Logger logger, final String runId, final long events, final int threads, final double rate)
    {
        this.logger = logger;
        this.runId = runId;
        this.events = events;
        this.threads = threads;
        this.rate = rate;
        this.done = new AtomicLongArray(threads);
        this.producers = new Thread[threads];
        for (int p = 0; p < threads; p++)
        {
            final int index = p;
            producers[p] = new Thread(() -> produce(index), "demo-" + p);
            producers[p].start();
        }
    }

    /** Releases the producers; returns the start time. */
    long start()
    {
        final long start = System.nanoTime();
        go.countDown();
        return start;
    }

    void join() throws InterruptedException
    {
        for (final Thread producer : producers)
        {
            producer.join();
        }
    }

    /** Calls made so far, all threads, read from any thread (a little behind the truth). */
    long calls()
    {
        long sum = 0;
        for (int p = 0; p < threads; p++)
        {
            sum += done.get(p);
        }
        return sum;
    }

    private void produce(final int index)
    {
        try
        {
            go.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return;
        }
        final long count = SequenceTracker.share(events, threads, index);
        final long start = System.nanoTime();
        final double nanosPerCall = rate > 0 ? threads * 1e9 / rate : 0;
        final String pattern = TaggedLineParser.messagePattern();
        for (long seq = 0; seq < count; seq++)
        {
            if (seq % ERROR_EVERY == ERROR_EVERY - 1)
            {
                logger.error(pattern, runId, index, seq, PAYLOAD);
            }
            else
            {
                logger.info(pattern, runId, index, seq, PAYLOAD);
            }
            if (seq % PUBLISH_EVERY == 0)
            {
                done.lazySet(index, seq + 1);
                if (nanosPerCall > 0)
                {
                    final long ahead = start + (long)(seq * nanosPerCall) - System.nanoTime();
                    if (ahead > 0)
                    {
                        LockSupport.parkNanos(ahead);
                    }
                }
            }
        }
        done.set(index, count);
    }
}
