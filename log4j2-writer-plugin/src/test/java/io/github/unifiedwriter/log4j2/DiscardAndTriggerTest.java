package io.github.unifiedwriter.log4j2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.github.unifiedwriter.core.WriterMetrics;
import io.github.unifiedwriter.testing.NumberedLines;
import io.github.unifiedwriter.testing.Threads;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code discardThreshold}: the drop policies drop INFO but never an ERROR. {@code triggerLevel}: in manual
 * mode an ERROR brings the INFO context before it to the file, and the caller does not wait for the write.
 */
class DiscardAndTriggerTest
{
    private static final int THREADS = 4;
    private static final int PER_THREAD = 3_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"drop_newest", "drop_oldest", "warn"})
    void errorsAreNeverDropped(final String policy) throws Exception
    {
        final Path file = dir.resolve("discard.log");
        final MemorySinks sinks = new MemorySinks();
        final LoggerContext context = sinks.start(dir, "discard", file,
            "policy=\"" + policy + "\" ringSize=\"64\" batchSize=\"16\"");
        final UnifiedWriterManager manager = TestConfigs.appender(context, "discard").getManager();
        final AtomicBoolean first = new AtomicBoolean(true);
        sinks.beforeWrite((batch) ->
        {
            // Hold the first write until the ring is full and callers meet the policy; then write slowly.
            if (first.getAndSet(false))
            {
                final long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while ((manager.remainingCapacity() > 0 || manager.metrics().dropped() == 0 &&
                    !"drop_oldest".equals(policy)) && System.nanoTime() < giveUp)
                {
                    LockSupport.parkNanos(100_000);
                }
            }
            LockSupport.parkNanos(50_000);
        });
        final Logger logger = context.getLogger("discard");

        Threads.start("producer", THREADS, (id) ->
        {
            for (int i = 0; i < PER_THREAD; i++)
            {
                if (i % 10 == 0)
                {
                    logger.error("t{} {} ERROR", id, i);
                }
                else
                {
                    logger.info("t{} {} INFO", id, i);
                }
            }
        }).join(60);
        context.stop();
        sinks.release();

        final List<String> lines = sinks.lines();
        final long[] last = new long[THREADS];
        java.util.Arrays.fill(last, -1);
        final int[] errors = new int[1];
        final byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        NumberedLines.visit(content, 0, (id, seq, tag) ->
        {
            assertTrue(seq > last[id], "t" + id + " in order, each once: " + seq + " after " + last[id]);
            assertEquals(seq % 10 == 0 ? "ERROR" : "INFO", tag);
            last[id] = seq;
            errors[0] += seq % 10 == 0 ? 1 : 0;
        }, "discarding");
        assertEquals(THREADS * PER_THREAD / 10, errors[0], "every ERROR is written");
        final WriterMetrics metrics = manager.metrics();
        assertTrue(metrics.dropped() > 0, "the policy dropped INFO events: " + metrics);
        assertEquals(lines.size(), metrics.written());
        assertEquals(THREADS * PER_THREAD, metrics.written() + metrics.dropped() + metrics.failed());
        assertEquals(0, metrics.pending());
    }

    @Test
    void anErrorBringsItsContextToTheFileWithoutWaiting() throws Exception
    {
        final Path file = dir.resolve("flight.log");
        final MemorySinks sinks = new MemorySinks();
        final LoggerContext context = sinks.start(dir, "flight", file,
            "mode=\"manual\" policy=\"drop_oldest\" triggerLevel=\"ERROR\" ringSize=\"1024\"");
        final UnifiedWriterManager manager = TestConfigs.appender(context, "flight").getManager();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        sinks.beforeWrite((batch) ->
        {
            writing.countDown();
            awaitQuietly(release);
        });
        final Logger logger = context.getLogger("flight");

        for (int i = 0; i < 10; i++)
        {
            logger.info("context {}", i);
        }
        logger.warn("a warning is context too");
        assertEquals(List.of(), sinks.lines(), "manual mode holds the context in the ring");
        assertEquals(11, manager.metrics().pending());

        logger.error("boom");
        assertTrue(writing.await(30, TimeUnit.SECONDS), "the ERROR triggered a write");
        assertEquals(List.of(), sinks.lines(), "the caller returned while the write was still held");
        release.countDown();
        logger.info("after the trigger");
        final long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sinks.lines().size() < 12 && System.nanoTime() < giveUp)
        {
            LockSupport.parkNanos(1_000_000);
        }

        final List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++)
        {
            expected.add("context " + i);
        }
        expected.add("a warning is context too");
        expected.add("boom");
        assertEquals(expected, sinks.lines());
        assertEquals(1, manager.metrics().pending(), "what follows the trigger waits for the next one");

        context.stop();
        sinks.release();
        expected.add("after the trigger");
        assertEquals(expected, sinks.lines(), "stop writes out the rest");
    }

    static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(60, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
