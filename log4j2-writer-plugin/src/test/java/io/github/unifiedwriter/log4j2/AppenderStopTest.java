package io.github.unifiedwriter.log4j2;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.unifiedwriter.core.WriterMetrics;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping: idempotent, a shared manager released once per appender, and what is left at the deadline counted
 * as failed and reported.
 */
class AppenderStopTest
{
    @TempDir
    Path dir;

    @Test
    void stoppingTwiceReleasesTheSharedManagerOnce()
    {
        final Path file = dir.resolve("shared.log");
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
            TestConfigs.writer("first", file, "") + "\n" + TestConfigs.writer("second", file, ""), "second"));
        final UnifiedWriterAppender first = TestConfigs.appender(context, "first");
        final UnifiedWriterAppender second = TestConfigs.appender(context, "second");
        assertSame(first.getManager(), second.getManager(), "one manager per file");
        final String key = first.getManager().getName();

        assertTrue(first.stop(5, TimeUnit.SECONDS));
        assertTrue(first.stop(5, TimeUnit.SECONDS), "a second stop changes nothing");
        first.stop();
        assertTrue(first.isStopped());
        assertTrue(AbstractManager.hasManager(key), "the manager still serves the second appender");

        final Logger logger = context.getLogger("shared");
        logger.info("still written by the second appender");
        context.stop();

        assertFalse(AbstractManager.hasManager(key));
        assertEquals(List.of("still written by the second appender"), TestConfigs.lines(file));
        assertEquals(1, second.getManager().metrics().written());
    }

    @Test
    void recordsLeftAtTheDeadlineAreCountedAsFailedAndReported()
    {
        final Path file = dir.resolve("stuck.log");
        final MemorySinks sinks = new MemorySinks();
        final LoggerContext context = sinks.start(dir, "stuck", file, "shutdownTimeout=\"200ms\"");
        final UnifiedWriterManager manager = TestConfigs.appender(context, "stuck").getManager();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);
        sinks.beforeWrite((batch) ->
        {
            writing.countDown();
            DiscardAndTriggerTest.awaitQuietly(release);
        });
        final Logger logger = context.getLogger("stuck");
        for (int i = 0; i < 10; i++)
        {
            logger.info("line {}", i);
        }
        DiscardAndTriggerTest.awaitQuietly(writing);

        try (StatusCapture status = new StatusCapture())
        {
            context.stop();
            assertFalse(sinks.release(), "not everything was drained");
            final WriterMetrics metrics = manager.metrics();
            assertEquals(10, metrics.written() + metrics.dropped() + metrics.failed(), metrics.toString());
            assertEquals(10, metrics.failed(), metrics.toString());
            assertEquals(0, metrics.pending());
            assertTrue(status.errors().stream().anyMatch((e) -> e.contains("\"stuck\"") &&
                e.contains("10 records") && e.contains("failed")), status.errors().toString());
        }
        finally
        {
            release.countDown();
        }
    }

    @Test
    void aLogCallAfterStopIsCountedNotThrown()
    {
        final Path file = dir.resolve("late.log");
        final LoggerContext context = TestConfigs.start(dir, TestConfigs.config(
            TestConfigs.writer("late", file, ""), "late"));
        final UnifiedWriterAppender appender = TestConfigs.appender(context, "late");
        assertNotNull(appender);
        final Logger logger = context.getLogger("late");
        logger.info("before");
        appender.stop();
        appender.append(org.apache.logging.log4j.core.impl.Log4jLogEvent.newBuilder()
            .setLevel(org.apache.logging.log4j.Level.INFO)
            .setMessage(new org.apache.logging.log4j.message.SimpleMessage("after")).build());
        context.stop();

        assertEquals(List.of("before"), TestConfigs.lines(file));
        final WriterMetrics metrics = appender.getManager().metrics();
        assertEquals(1, metrics.written());
        assertEquals(1, metrics.dropped(), "the late call is counted");
    }
}
