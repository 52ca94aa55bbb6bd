package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.github.unifiedwriter.testing.Threads;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Code on the writer thread that logs through the same appender, while the ring is full under the block policy
 * and callers wait for room: nothing deadlocks, and the event from the writer thread is written.
 */
class RecursionTest
{
    private static final int PER_THREAD = 2_000;

    @TempDir
    Path dir;

    @Test
    void theWriterThreadLogsThroughItsOwnAppenderWithAFullRing() throws Exception
    {
        final Path file = dir.resolve("recursion.log");
        final MemorySinks sinks = new MemorySinks();
        final LoggerContext context = sinks.start(dir, "recursion", file,
            "policy=\"block\" ringSize=\"64\" batchSize=\"16\"");
        final Logger logger = context.getLogger("recursion");
        final UnifiedWriterManager manager = TestConfigs.appender(context, "recursion").getManager();
        final AtomicBoolean once = new AtomicBoolean();
        sinks.beforeWrite((batch) ->
        {
            if (once.compareAndSet(false, true))
            {
                final long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (manager.remainingCapacity() > 0 && System.nanoTime() < giveUp)
                {
                    LockSupport.parkNanos(100_000);
                }
                logger.warn("from the writer thread, ring free slots {}", manager.remainingCapacity());
            }
        });

        Threads.start("producer", 2, (id) ->
        {
            for (int i = 0; i < PER_THREAD; i++)
            {
                logger.info("t{} {}", id, i);
            }
        }).join(60);
        context.stop();
        sinks.release();

        final List<String> lines = sinks.lines();
        assertEquals(List.of("from the writer thread, ring free slots 0"),
            lines.stream().filter((l) -> l.startsWith("from the writer thread")).toList());
        assertEquals(2 * PER_THREAD + 1, lines.size());
        final var metrics = manager.metrics();
        assertEquals(2 * PER_THREAD + 1, metrics.written());
        assertEquals(0, metrics.dropped());
        assertTrue(once.get());
    }

    /** A status listener that logs when the writer reports an error on its own thread. */
    @Test
    void aStatusListenerLogsFromTheWriterThread() throws Exception
    {
        final Path file = dir.resolve("status.log");
        final MemorySinks sinks = new MemorySinks();
        final LoggerContext context = sinks.start(dir, "status", file, "policy=\"block\" ringSize=\"64\"");
        final Logger logger = context.getLogger("status");
        final StatusListener logsBack = new StatusListener()
        {
            @Override
            public void log(final StatusData data)
            {
                if (data.getMessage().getFormattedMessage().contains("writing failed") &&
                    "status".equals(Thread.currentThread().getName()))
                {
                    logger.error("from the status listener");
                }
            }

            @Override
            public Level getStatusLevel()
            {
                return Level.ERROR;
            }

            @Override
            public void close()
            {
            }
        };
        StatusLogger.getLogger().registerListener(logsBack);
        try
        {
            sinks.failNext(1);
            Threads.start("producer", 1, (id) ->
            {
                for (int i = 0; i < PER_THREAD; i++)
                {
                    logger.info("line {}", i);
                }
            }).join(60);
            context.stop();
            sinks.release();
        }
        finally
        {
            StatusLogger.getLogger().removeListener(logsBack);
        }

        final List<String> lines = sinks.lines();
        assertEquals(1, lines.stream().filter("from the status listener"::equals).count(), lines.toString());
        assertEquals(PER_THREAD + 1, lines.size(), "every line once, none lost to the failed write");
    }
}
