package io.github.unifiedwriter.log4j2;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;

import io.github.unifiedwriter.core.WriterMetrics;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every call is counted once, as what happened to it, and the counters say so through JMX: records refused on
 * arrival are offered and dropped, and a stop that gives up counts what the file has as written and the rest as
 * failed, naming what a write under way may still add.
 */
class AccountingTest
{
    @TempDir
    Path dir;

    @Test
    void offeredCountsEveryCallEvenThoseRefusedOnArrival() throws Exception
    {
        final Path file = dir.resolve("refusing.log");
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(TestConfigs.writer("refusing", file,
            "policy=\"drop_newest\" ringSize=\"64\" jmx=\"true\""), "refusing"));
        final UnifiedWriterManager manager = TestConfigs.appender(context, "refusing").getManager();
        final Logger logger = context.getLogger("refusing");
        final AtomicLong calls = new AtomicLong();
        final CountDownLatch go = new CountDownLatch(1);
        final Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++)
        {
            final int id = t;
            threads[t] = new Thread(() ->
            {
                BoundedWait.await(go);
                for (int i = 0; i < 20_000; i++)
                {
                    logger.info("t{} {}", id, i);
                    calls.incrementAndGet();
                }
            });
            threads[t].start();
        }
        go.countDown();
        for (final Thread t : threads)
        {
            t.join(60_000);
        }
        final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        manager.flush();
        final long offered = (Long)server.getAttribute(manager.getObjectName(), "Offered");
        final long written = (Long)server.getAttribute(manager.getObjectName(), "Written");
        final long dropped = (Long)server.getAttribute(manager.getObjectName(), "Dropped");
        final long failed = (Long)server.getAttribute(manager.getObjectName(), "Failed");
        context.stop();

        assertEquals(calls.get(), offered);
        assertEquals(offered, written + dropped + failed, "Offered = Written + Dropped + Failed");
        assertEquals(written, TestConfigs.lines(file).size());
    }

    @Test
    void aStopWithNoTimeToDrainCountsWhatReachedTheFileAndNothingLandsAfterIt() throws Exception
    {
        final Path file = dir.resolve("short.log");
        try (StatusCapture status = new StatusCapture())
        {
            final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(TestConfigs.writer("short", file,
                "writerType=\"line\" mode=\"loop\" tick=\"1s\" batchSize=\"16\" shutdownTimeout=\"0ms\""), "short"));
            final UnifiedWriterManager manager = TestConfigs.appender(context, "short").getManager();
            final Logger logger = context.getLogger("short");
            for (int i = 0; i < 1000; i++)
            {
                logger.info("line {}", i);
            }
            context.stop();
            final WriterMetrics atStop = manager.metrics();
            final int linesAtStop = TestConfigs.lines(file).size();
            BoundedWait.until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch((t) -> t.getName().equals("short")), "the writer thread ends");

            assertEquals(atStop, manager.metrics(), "the counters are final once stop returned");
            assertEquals(1000, atStop.offered());
            assertEquals(1000, atStop.written() + atStop.dropped() + atStop.failed(), atStop.toString());
            final List<String> lines = TestConfigs.lines(file);
            assertTrue(linesAtStop >= atStop.written(), "what was counted as written is in the file: " + atStop);
            if (atStop.written() < 1000)
            {
                final List<String> errors = status.about("short", org.apache.logging.log4j.Level.ERROR);
                assertTrue(errors.stream().anyMatch((e) -> e.contains("counted as failed")), status.all().toString());
                final boolean inFlight = errors.stream().anyMatch((e) -> e.contains("may still reach the file"));
                assertTrue(lines.size() <= atStop.written() + (inFlight ? 16 : 0),
                    "after stop, only the write under way may add lines: " + lines.size() + " lines, " + atStop);
            }
            for (int i = 0; i < lines.size(); i++)
            {
                assertEquals("line " + i, lines.get(i));
            }
        }
    }
}
